package io.salespulse.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.kit.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which sources, types and deals a credential may write, and which configurations are refused at start. */
class IngestScopesTest {

    private static final IngestScopes SCOPES = new IngestScopes(
            Map.of(
                    "acme",
                            new IngestProperties.Scope(
                                    List.of("/acme/dialer", "https://crm.acme.example/events"),
                                    List.of("salespulse.call.logged.v1"),
                                    List.of("acme-"),
                                    null),
                    "backfill", new IngestProperties.Scope(null, null, null, List.of("hubspot-"))),
            List.of("acme", "globex", "backfill"));

    private static List<String> problems(String credential, String source, String type, String dealId) {
        List<FieldProblem> problems = new ArrayList<>();
        SCOPES.check(credential, "[0]", source, type, dealId, problems);
        return problems.stream().map(FieldProblem::field).toList();
    }

    @ParameterizedTest(name = "{0} posting {1}: {2}")
    @CsvSource({
        "acme,   /acme/dialer,                          ''",
        "acme,   /acme/dialer/eu,                       ''",
        "acme,   https://crm.acme.example/events,       ''",
        "acme,   /acme/dialerx,                         [0].source",
        "acme,   /acme,                                 [0].source",
        "acme,   /globex,                               [0].source",
        "globex, /globex,                               ''",
        "globex, /globex/eu,                            ''",
        "globex, /acme/dialer,                          [0].source",
        "globex, /crm/hubspot/62515,                    [0].source",
        "globex, /globexx,                              [0].source",
        "zapier, /zapier,                               ''",
        "zapier, /globex,                               [0].source"
    })
    void aCredentialPostsUnderItsOwnSourcesOnly(String credential, String source, String expected) {
        assertThat(problems(credential, source, "salespulse.call.logged.v1", null))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "salespulse.call.logged.v1,  acme-1,   ''",
        "salespulse.email.sent.v1,   acme-1,   [0].type",
        "salespulse.call.logged.v1,  globex-1, [0].data.dealId",
        "salespulse.call.logged.v1,  ,         ''"
    })
    void typesAndDealsAreHeldToTheirListsWhereConfigured(String type, String dealId, String expected) {
        assertThat(problems("acme", "/acme/dialer", type, dealId))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        // without lists, any type and deal
        assertThat(problems("globex", "/globex", type, dealId)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "two credentials sharing a source     | /shared | /shared/eu",
                "a credential in the webhooks' space  | /crm/hubspot/1 | /b",
                "a credential above the webhooks      | /crm | /b"
            })
    void overlappingSourcesRefuseToStart(String what, String a, String b) {
        assertThatThrownBy(() -> new IngestScopes(
                        Map.of(
                                "a", new IngestProperties.Scope(List.of(a), null, null, null),
                                "b", new IngestProperties.Scope(List.of(b), null, null, null)),
                        List.of("a", "b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("salespulse.ingest.scopes.")
                .hasMessageContaining("overlaps");
    }

    @Test
    void aKeyNamedCrmWouldTakeTheWebhooksSourcesAndIsRefused() {
        assertThatThrownBy(() -> new IngestScopes(Map.of(), List.of("crm"))).hasMessageContaining("/crm");
    }

    @Test
    void aCrmsDealIsWrittenOnlyByACredentialWhoseCrmDealsNameIt() {
        String deal = "salespulse.deal.updated.v1";
        assertThat(problems("globex", "/globex", deal, "hubspot-6826")).containsExactly("[0].data.dealId");
        assertThat(problems("globex", "/globex", deal, "pipedrive-12")).containsExactly("[0].data.dealId");
        assertThat(problems("globex", "/globex", deal, "globex-12")).isEmpty();
        // A call linked to a CRM's deal writes no deal.
        assertThat(problems("globex", "/globex", "salespulse.call.logged.v1", "hubspot-6826"))
                .isEmpty();
        assertThat(problems("backfill", "/backfill", deal, "hubspot-6826")).isEmpty();
        assertThat(problems("backfill", "/backfill", deal, "salesforce-006")).containsExactly("[0].data.dealId");
    }
}
