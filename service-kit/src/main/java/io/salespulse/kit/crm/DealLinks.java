package io.salespulse.kit.crm;

import io.salespulse.contracts.Crm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a deal lives in its CRM: one URL template per CRM ({@code salespulse.crm.deal-links.<crm>}), with {@code {id}}
 * standing for the CRM's own deal id. A deal's CRM is told by its SalesPulse id ({@code hubspot-<id>},
 * {@code pipedrive-<id>}, {@code twenty-<id>}, {@code salesforce-<id>}: {@link Crm}); any other id is a CloudEvents source's, linked by the
 * {@code cloudevents} template. A CRM without a template (the default: the URL depends on the account) gets no link.
 * Example: {@code salespulse.crm.deal-links.hubspot=https://app.hubspot.com/contacts/62515/record/0-3/{id}}.
 *
 * @param dealLinks the templates, by CRM
 */
@ConfigurationProperties("salespulse.crm")
public record DealLinks(Map<String, String> dealLinks) {

    public DealLinks {
        dealLinks = dealLinks == null ? Map.of() : Map.copyOf(dealLinks);
    }

    /** The deal's page in its CRM, if a template is configured for that CRM. */
    public Optional<String> of(String dealId) {
        if (dealId == null) {
            return Optional.empty();
        }
        Optional<Crm> crm = Crm.ofDeal(dealId);
        String id =
                crm.map(from -> dealId.substring(from.dealNamespace().length())).orElse(dealId);
        String template = dealLinks.get(crm.map(Crm::key).orElse("cloudevents"));
        if (template == null || template.isBlank() || !template.contains("{id}")) {
            return Optional.empty();
        }
        return Optional.of(template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8)));
    }
}
