package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.testsupport.AccessTable;
import io.salespulse.testsupport.AccessTable.Rule;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import io.salespulse.testsupport.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what on activity-service: every endpoint in the access table with every kind of caller, the ingest API
 * with keys and INGEST tokens, and a per-source rate limit (a flood from one source gets 429 while another is served).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "salespulse.ingest.api-keys.flood=flood-key",
            "salespulse.ingest.api-keys.calm=calm-key",
            "salespulse.ingest.rate-limit.events-per-second=5",
            "salespulse.ingest.rate-limit.burst=10",
            "salespulse.ingest.api-keys.acme=acme-key",
            "salespulse.ingest.scopes.acme.sources=/acme/dialer",
            "salespulse.ingest.scopes.acme.event-types=salespulse.call.logged.v1,salespulse.deal.updated.v1",
            "salespulse.ingest.scopes.acme.deal-namespaces=acme-",
            "salespulse.ingest.api-keys.globex=globex-key",
            "salespulse.ingest.scopes.zapier-bridge.sources=/zapier-bridge"
        })
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class ActivitySecurityIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static final String TEAM = """
            {"name":"%s","timezone":"Europe/Paris","locale":"fr","managerIds":["%s"],"workingDays":["MON","TUE","WED","THU","FRI"]}""";
    private static final String REP = """
            {"displayName":"Rep","teamId":"%s","role":"SDR","seniority":"JUNIOR","startDate":"2026-01-05","externalIds":{},"active":true}""";

    private static final String OBJECTIVE = """
            {"scope":"TEAM","scopeId":"%s","metric":"CALLS","target":100,"periodStart":"%s","periodEnd":"%s"}""".formatted(
                    AccessTable.PATH_TEAM,
                    java.time.LocalDate.now().withDayOfMonth(1),
                    java.time.LocalDate.now().plusMonths(1));

    @Test
    void refusedCredentialsAndSignaturesNeverReachTheLogs(CapturedOutput output) {
        try (var levels = io.salespulse.testsupport.LogLevels.everythingSalesPulseLogs()) {
            refuseCredentialsAndSignatures();
        }
        assertThat(output.getAll()).doesNotContain("SECRETKEY", "SECRETSIGNATURE", "SECRETPASSWORD", "SECRETTOKEN");
    }

    private void refuseCredentialsAndSignatures() {
        String base = "http://localhost:" + port;
        String event = StoryDates.moved("""
                {"specversion":"1.0","id":"e-1","source":"/crm","type":"salespulse.call.logged.v1","time":"2026-11-05T10:00:00Z",
                 "data":{"repId":"r","outcome":"CONNECTED"}}""");
        assertThat(Http.post(
                                base + "/api/v1/events",
                                "application/cloudevents+json",
                                event,
                                "Authorization",
                                "Bearer SECRETKEY1")
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(
                                base + "/api/v1/events",
                                "application/cloudevents+json",
                                event,
                                "Authorization",
                                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.SECRETKEY2")
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(
                                base + "/webhooks/hubspot",
                                "application/json",
                                "[]",
                                "X-HubSpot-Request-Timestamp",
                                String.valueOf(System.currentTimeMillis()),
                                "X-HubSpot-Signature-v3",
                                "SECRETSIGNATURE3")
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(
                                base + "/webhooks/pipedrive",
                                "application/json",
                                "{}",
                                "Authorization",
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString("salespulse:SECRETPASSWORD4".getBytes()))
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(
                                base + "/webhooks/twenty",
                                "application/json",
                                "{}",
                                "X-Twenty-Webhook-Signature",
                                "SECRETSIGNATURE5",
                                "X-Twenty-Webhook-Timestamp",
                                String.valueOf(System.currentTimeMillis()))
                        .status())
                .isEqualTo(401);
        // Salesforce signs nothing: a message without its organisation's endpoint secret is a 401 SOAP fault, nothing
        // stored.
        Http.Answer salesforce = Http.post(
                base + "/webhooks/salesforce/SECRETPATH8",
                "text/xml",
                io.salespulse.activity.ingest.salesforce.SalesforceMapperTest.message(
                        "00D000000000009AAA", "<Notification><Id>SECRETID7</Id></Notification>"));
        assertThat(salesforce.status()).isEqualTo(401);
        assertThat(salesforce.body()).contains("soapenv:Fault").doesNotContain("SECRETPATH8");
        assertThat(Http.get(
                                base + "/api/v1/teams/x",
                                "Authorization",
                                "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.SECRETTOKEN6")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void everyEndpointRefusesWhoMayNotCallIt() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;
        String absence = """
                {"from":"%s","to":"%s","kind":"SICK"}""".formatted(
                        java.time.LocalDate.now(), java.time.LocalDate.now().plusDays(1));
        // A ramp for the rep of the path's team ("rep-" + team), starting next Monday.
        String ramp = "{\"repId\":\"rep-" + AccessTable.PATH_TEAM + "\",\"metric\":\"CALLS\",\"start\":\""
                + java.time.LocalDate.now().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                + "\",\"weeklyTargets\":[50,60]}";
        String a = "team-a-" + s;
        String b = "team-b-" + s;
        for (String team : List.of(a, b)) {
            assertThat(Http.put(base + "/api/v1/teams/" + team, TEAM.formatted(team, "mgr-" + team))
                            .status())
                    .isEqualTo(200);
            assertThat(Http.put(base + "/api/v1/reps/rep-" + team, REP.formatted(team))
                            .status())
                    .isEqualTo(200);
        }
        for (String team : List.of(a, b)) {
            assertThat(Http.put(base + "/api/v1/backfills/bf-" + team, "{\"teamIds\":[\"" + team + "\"]}")
                            .status())
                    .isEqualTo(200);
        }
        // The company above two sibling units, one per team.
        String unit = """
                {"name":"%s","parentId":%s,"teamIds":[%s],"reportingCurrency":"EUR","locale":"fr","timezone":"Europe/Paris"}""";
        String company = "company-" + s;
        assertThat(Http.put(base + "/api/v1/units/" + company, unit.formatted("Company", "null", ""))
                        .status())
                .isEqualTo(200);
        for (String team : List.of(a, b)) {
            assertThat(Http.put(
                                    base + "/api/v1/units/unit-" + team,
                                    unit.formatted("Unit " + team, "\"" + company + "\"", "\"" + team + "\""))
                            .status())
                    .isEqualTo(200);
        }
        AccessTable table = new AccessTable(base, "mgr-" + a, a)
                .rep("rep-" + a)
                .units("unit-" + a, company)
                .row("GET", "/api/v1/units", "/api/v1/units", "/api/v1/units", null, Rule.FILTERED_READ)
                .row(
                        "GET",
                        "/api/v1/units/{unitId}",
                        "/api/v1/units/unit-" + a,
                        "/api/v1/units/unit-" + b,
                        null,
                        Rule.UNIT_READ)
                .row("GET", "/api/v1/teams", "/api/v1/teams", "/api/v1/teams", null, Rule.FILTERED_READ)
                .row("GET", "/api/v1/people", "/api/v1/people", "/api/v1/people", null, Rule.FILTERED_READ)
                .row(
                        "PUT",
                        "/api/v1/people/{personId}",
                        "/api/v1/people/mgr-" + a,
                        "/api/v1/people/mgr-" + b,
                        "{\"displayName\":\"Camille Durand\"}",
                        Rule.ADMIN_WRITE)
                .row("GET", "/api/v1/teams/{teamId}", "/api/v1/teams/" + a, "/api/v1/teams/" + b, null, Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/reps",
                        "/api/v1/teams/" + a + "/reps",
                        "/api/v1/teams/" + b + "/reps",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}",
                        "/api/v1/reps/rep-" + a,
                        "/api/v1/reps/rep-" + b,
                        null,
                        Rule.REP_READ)
                .row(
                        "PUT",
                        "/api/v1/teams/{teamId}",
                        "/api/v1/teams/" + a,
                        "/api/v1/teams/" + b,
                        TEAM.formatted(b, "mgr-" + b),
                        Rule.ADMIN_WRITE)
                .row(
                        "PUT",
                        "/api/v1/reps/{repId}",
                        "/api/v1/reps/rep-" + a,
                        "/api/v1/reps/rep-" + b,
                        REP.formatted(b),
                        Rule.ADMIN_WRITE)
                .row(
                        "PUT",
                        "/api/v1/teams/{teamId}/objectives/{objectiveId}",
                        "/api/v1/teams/" + a + "/objectives/o-" + a,
                        "/api/v1/teams/" + b + "/objectives/o-" + b,
                        OBJECTIVE,
                        Rule.TEAM_ACTION)
                .row(
                        "PUT",
                        "/api/v1/teams/{teamId}/ramps/{rampId}",
                        "/api/v1/teams/" + a + "/ramps/r-" + a,
                        "/api/v1/teams/" + b + "/ramps/r-" + b,
                        ramp,
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/objectives/{objectiveId}",
                        "/api/v1/teams/" + a + "/objectives/o-" + a,
                        "/api/v1/teams/" + b + "/objectives/o-" + b,
                        null,
                        Rule.TEAM_READ)
                .row(
                        "POST",
                        "/api/v1/teams/{teamId}/objectives/{objectiveId}/cancel",
                        "/api/v1/teams/" + a + "/objectives/o-" + a + "/cancel",
                        "/api/v1/teams/" + b + "/objectives/o-" + b + "/cancel",
                        "{}",
                        Rule.TEAM_ACTION)
                .row(
                        "PUT",
                        "/api/v1/reps/{repId}/absences/{absenceId}",
                        "/api/v1/reps/rep-" + a + "/absences/x-" + a,
                        "/api/v1/reps/rep-" + b + "/absences/x-" + b,
                        absence,
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/absences",
                        "/api/v1/reps/rep-" + a + "/absences",
                        "/api/v1/reps/rep-" + b + "/absences",
                        null,
                        Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/holidays",
                        "/api/v1/teams/" + a + "/holidays",
                        "/api/v1/teams/" + b + "/holidays",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/absences",
                        "/api/v1/teams/" + a + "/absences",
                        "/api/v1/teams/" + b + "/absences",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "DELETE",
                        "/api/v1/reps/{repId}/absences/{absenceId}",
                        "/api/v1/reps/rep-" + a + "/absences/x-" + a,
                        "/api/v1/reps/rep-" + b + "/absences/x-" + b,
                        null,
                        Rule.TEAM_ACTION)
                .row(
                        "POST",
                        "/api/v1/absences/import",
                        "/api/v1/absences/import",
                        "/api/v1/absences/import",
                        "repId,from,to,kind\nrep-" + a + "," + java.time.LocalDate.now() + ","
                                + java.time.LocalDate.now() + ",LEAVE\n",
                        Rule.FILTERED_WRITE)
                .row(
                        "GET",
                        "/api/v1/admin/outbox/parked",
                        "/api/v1/admin/outbox/parked",
                        "/api/v1/admin/outbox/parked",
                        null,
                        Rule.ADMIN_WRITE)
                .row(
                        "PUT",
                        "/api/v1/backfills/{backfillId}",
                        "/api/v1/backfills/bf-" + a,
                        "/api/v1/backfills/bf-" + b,
                        "{\"teamIds\":[\"" + a + "\"]}",
                        Rule.ADMIN_WRITE)
                .row(
                        "POST",
                        "/api/v1/backfills/{backfillId}/complete",
                        "/api/v1/backfills/bf-" + a + "/complete",
                        "/api/v1/backfills/bf-" + b + "/complete",
                        null,
                        Rule.ADMIN_WRITE)
                .row(
                        "GET",
                        "/api/v1/backfills/{backfillId}",
                        "/api/v1/backfills/bf-" + a,
                        "/api/v1/backfills/bf-" + b,
                        null,
                        Rule.ADMIN_WRITE)
                .row("POST", "/api/v1/events", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/hubspot", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/pipedrive", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/twenty", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/salesforce", null, null, null, Rule.OWN_CREDENTIALS)
                .row("POST", "/webhooks/salesforce/{secret}", null, null, null, Rule.OWN_CREDENTIALS)
                // Last: the admin's write takes team B out of its unit.
                .row(
                        "PUT",
                        "/api/v1/units/{unitId}",
                        "/api/v1/units/unit-" + a,
                        "/api/v1/units/unit-" + b,
                        unit.formatted("Renamed", "\"" + company + "\"", ""),
                        Rule.ADMIN_WRITE);
        table.coversEveryEndpoint(mappings);
        table.check();
    }

    private Http.Answer ingest(String credential, String id) {
        return ingest(credential, "/" + id.substring(0, id.indexOf('-')), id);
    }

    private Http.Answer ingest(String credential, String source, String id) {
        return Http.post(
                "http://localhost:" + port + "/api/v1/events",
                "application/cloudevents+json",
                StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"%s","type":"salespulse.email.sent.v1","time":"2026-11-26T10:00:00Z",
                 "data":{"repId":"rep-x"}}""".formatted(id, source)),
                "Authorization",
                "Bearer " + credential);
    }

    private Http.Answer post(String key, String events) {
        return Http.post(
                "http://localhost:" + port + "/api/v1/events",
                "application/cloudevents-batch+json",
                "[" + events + "]",
                "Authorization",
                "Bearer " + key);
    }

    private static String call(String id, String source) {
        return StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"%s","type":"salespulse.call.logged.v1","time":"2026-11-26T10:00:00Z",
                 "data":{"repId":"rep-x","outcome":"CONNECTED","dealId":"acme-1"}}""".formatted(id, source));
    }

    private static String deal(String id, String dealId, java.time.Instant time) {
        return """
                {"specversion":"1.0","id":"%s","source":"/acme/dialer","type":"salespulse.deal.updated.v1","time":"%s",
                 "data":{"dealId":"%s","ownerRepId":"rep-x","stage":"NEW","amount":1000,"currency":"EUR"}}""".formatted(id, time, dealId);
    }

    private static List<String> fields(Http.Answer answer) {
        return answer.json().get("errors").findValuesAsString("field");
    }

    @Test
    void aKeyWritesOnlyUnderItsOwnSourcesTypesAndDeals() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        // Another key cannot post under acme's source, nor in the CRM webhooks' own, so it cannot take acme's event
        // ids first: acme's event is new when acme sends it.
        Http.Answer spoofed = post("globex-key", call("c-" + s, "/acme/dialer"));
        assertThat(spoofed.status()).isEqualTo(400);
        assertThat(fields(spoofed)).containsExactly("[0].source");
        assertThat(fields(post("globex-key", call("h-" + s, "/crm/hubspot/62515"))))
                .containsExactly("[0].source");
        assertThat(fields(post("acme-key", call("d-" + s, "/acme/dialerx")))).containsExactly("[0].source");
        Http.Answer own = post("acme-key", call("c-" + s, "/acme/dialer/eu"));
        assertThat(own.status()).as(own.body()).isEqualTo(202);
        assertThat(own.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(post("globex-key", call("g-" + s, "/globex")).status()).isEqualTo(202);
        // Types and deals outside acme's lists; one bad event refuses its whole batch, naming it.
        Http.Answer mixed = post(
                "acme-key",
                call("m1-" + s, "/acme/dialer") + ","
                        + call("m2-" + s, "/acme/dialer")
                                .replace("salespulse.call.logged.v1", "salespulse.email.sent.v1")
                        + ","
                        + deal("m3-" + s, "globex-7", java.time.Instant.now()));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(fields(mixed)).containsExactly("[1].type", "[2].data.dealId");
        assertThat(post("acme-key", call("m1-" + s, "/acme/dialer"))
                        .json()
                        .get("duplicates")
                        .asInt())
                .isZero();
        // A deal update dated ahead of now would hold the deal against every real update until then.
        Http.Answer ahead = post(
                "acme-key", deal("f-" + s, "acme-" + s, java.time.Instant.now().plusSeconds(3600)));
        assertThat(ahead.status()).isEqualTo(400);
        assertThat(fields(ahead)).containsExactly("[0].time");
        assertThat(post("acme-key", deal("n-" + s, "acme-" + s, java.time.Instant.now()))
                        .status())
                .isEqualTo(202);
        // A credential with no deal namespaces configured still may not write a CRM's deal (HubSpot's, here: won for
        // any
        // amount); a call of its own linked to that deal is fine.
        Http.Answer crmDeal = post(
                "globex-key",
                deal("x-" + s, "hubspot-6826", java.time.Instant.now()).replace("/acme/dialer", "/globex"));
        assertThat(crmDeal.status()).isEqualTo(400);
        assertThat(fields(crmDeal)).containsExactly("[0].data.dealId");
        assertThat(post("globex-key", call("l-" + s, "/globex").replace("acme-1", "hubspot-6826"))
                        .status())
                .isEqualTo(202);
        assertThat(post(
                                "globex-key",
                                deal("y-" + s, "globex-" + s, java.time.Instant.now())
                                        .replace("/acme/dialer", "/globex"))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void theIngestApiTakesKeysAndIngestTokensOnly() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        assertThat(ingest(TestTokens.token("zapier-bridge", List.of("INGEST"), List.of()), "/zapier-bridge", "jwt-" + s)
                        .status())
                .isEqualTo(202);
        // A token whose subject names no configured credential: no sources or limits were set for it.
        assertThat(ingest(TestTokens.token("made-up", List.of("INGEST"), List.of()), "/made-up", "up-" + s)
                        .status())
                .isEqualTo(403);
        assertThat(ingest(TestTokens.admin(), "admin-" + s).status()).isEqualTo(403);
        assertThat(ingest(TestTokens.expired("zapier-bridge", List.of("INGEST"), List.of()), "old-" + s)
                        .status())
                .isEqualTo(401);
        assertThat(ingest("not-a-key", "bad-" + s).status()).isEqualTo(401);
        Http.Answer none =
                Http.post("http://localhost:" + port + "/api/v1/events", "application/cloudevents+json", "{}");
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
        Http.Answer metrics = Http.get("http://localhost:" + managementPort + "/actuator/prometheus");
        assertThat(metrics.body()).containsPattern("salespulse_events_rejected_total\\{[^}]*reason=\"rate_limited\"");
    }
}
