package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.testsupport.AccessTable;
import io.salespulse.testsupport.AccessTable.Rule;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what on activity-service: every endpoint in the access table with every kind of caller, the ingest API
 * with keys and INGEST tokens, and a per-source rate limit (a flood from one source gets 429 while another is served).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "salespulse.ingest.api-keys.flood=flood-key", "salespulse.ingest.api-keys.calm=calm-key",
        "salespulse.ingest.rate-limit.events-per-second=5", "salespulse.ingest.rate-limit.burst=10"})
@RealInfrastructure
class ActivitySecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static final String TEAM = """
            {"name":"%s","timezone":"Europe/Paris","locale":"fr","managerIds":["%s"],"workingDays":["MON","TUE","WED","THU","FRI"]}""";
    private static final String REP = """
            {"displayName":"Rep","teamId":"%s","role":"SDR","seniority":"JUNIOR","startDate":"2026-01-05","externalIds":{},"active":true}""";

    @Test
    void everyEndpointRefusesWhoMayNotCallIt() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;
        String a = "team-a-" + s;
        String b = "team-b-" + s;
        for (String team : List.of(a, b)) {
            assertThat(Http.put(base + "/api/v1/teams/" + team, TEAM.formatted(team, "mgr-" + team)).status()).isEqualTo(200);
            assertThat(Http.put(base + "/api/v1/reps/rep-" + team, REP.formatted(team)).status()).isEqualTo(200);
        }
        AccessTable table = new AccessTable(base, "mgr-" + a, a)
                .row("GET", "/api/v1/teams/{teamId}", "/api/v1/teams/" + a, "/api/v1/teams/" + b, null, Rule.TEAM_READ)
                .row("GET", "/api/v1/teams/{teamId}/reps", "/api/v1/teams/" + a + "/reps", "/api/v1/teams/" + b + "/reps", null, Rule.TEAM_READ)
                .row("GET", "/api/v1/reps/{repId}", "/api/v1/reps/rep-" + a, "/api/v1/reps/rep-" + b, null, Rule.TEAM_READ)
                .row("PUT", "/api/v1/teams/{teamId}", "/api/v1/teams/" + a, "/api/v1/teams/" + b, TEAM.formatted(b, "mgr-" + b), Rule.ADMIN_WRITE)
                .row("PUT", "/api/v1/reps/{repId}", "/api/v1/reps/rep-" + a, "/api/v1/reps/rep-" + b, REP.formatted(b), Rule.ADMIN_WRITE)
                .row("GET", "/api/v1/admin/outbox/parked", "/api/v1/admin/outbox/parked", "/api/v1/admin/outbox/parked", null, Rule.ADMIN_WRITE)
                .row("POST", "/api/v1/events", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/hubspot", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/pipedrive", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/twenty", null, null, null, Rule.OWN_CREDENTIALS);
        table.coversEveryEndpoint(mappings);
        table.check();
    }

    private Http.Answer ingest(String credential, String id) {
        return Http.post("http://localhost:" + port + "/api/v1/events", "application/cloudevents+json", """
                {"specversion":"1.0","id":"%s","source":"/crm","type":"salespulse.email.sent.v1","time":"2026-11-26T10:00:00Z",
                 "data":{"repId":"rep-x"}}""".formatted(id), "Authorization", "Bearer " + credential);
    }

    @Test
    void theIngestApiTakesKeysAndIngestTokensOnly() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        assertThat(ingest(TestTokens.token("zapier-bridge", List.of("INGEST"), List.of()), "jwt-" + s).status()).isEqualTo(202);
        assertThat(ingest(TestTokens.admin(), "admin-" + s).status()).isEqualTo(403);
        assertThat(ingest(TestTokens.expired("zapier-bridge", List.of("INGEST"), List.of()), "old-" + s).status()).isEqualTo(401);
        assertThat(ingest("not-a-key", "bad-" + s).status()).isEqualTo(401);
        Http.Answer none = Http.post("http://localhost:" + port + "/api/v1/events", "application/cloudevents+json", "{}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aFloodFromOneSourceGets429WhileAnotherSourceIsServed() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        int accepted = 0;
        Http.Answer refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Http.Answer answer = ingest("flood-key", "flood-" + s + "-" + i);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertThat(answer.status()).isEqualTo(202);
                accepted++;
            }
        }
        assertThat(refused).as("the flood is refused").isNotNull();
        assertThat(accepted).isGreaterThanOrEqualTo(10);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("flood");
        assertThat(ingest("calm-key", "calm-" + s).status()).isEqualTo(202);
        Http.Answer metrics = Http.get("http://localhost:" + port + "/actuator/prometheus");
        assertThat(metrics.body()).containsPattern("salespulse_events_rejected_total\\{[^}]*reason=\"rate_limited\"");
    }
}
