package io.salespulse.kit.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DealLinksTest {

    final DealLinks links = new DealLinks(Map.of(
            "hubspot", "https://app.hubspot.com/contacts/62515/record/0-3/{id}",
            "salesforce", "https://acme.lightning.force.com/lightning/r/Opportunity/{id}/view",
            "cloudevents", "https://crm.example/deals/{id}"));

    @Test
    void eachCrmsDealIsLinkedWithItsOwnIdInItsTemplate() {
        assertThat(links.of("hubspot-6826")).contains("https://app.hubspot.com/contacts/62515/record/0-3/6826");
        // Salesforce's deals were once read as a CloudEvents source's: its template was never used.
        assertThat(links.of("salesforce-0065g00000XyZ12AAB"))
                .contains("https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view");
        assertThat(links.of("acme-42")).contains("https://crm.example/deals/acme-42");
    }

    @Test
    void aCrmWithoutATemplateGetsNoLink() {
        assertThat(links.of("pipedrive-12")).isEmpty();
        assertThat(new DealLinks(null).of("hubspot-1")).isEmpty();
        assertThat(links.of(null)).isEmpty();
    }

    @Test
    void theIdIsEncodedIntoTheUrl() {
        assertThat(links.of("acme-a b/c")).contains("https://crm.example/deals/acme-a+b%2Fc");
    }
}
