package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every entrance bounds what it takes: each out-of-bounds value is a 400 naming its field, and nothing of the
 * request is stored; in a HubSpot batch only the bad event is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class IngestBoundsIT {

    static final String KEY = "Bearer local-dev-ingest-key";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    AcceptedEventLog acceptedEvents;

    private final String rep = "rep-" + UUID.randomUUID();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String ago(Duration duration) {
        return Instant.now().minus(duration).toString();
    }

    private static String ahead(Duration duration) {
        return Instant.now().plus(duration).toString();
    }

    /** A CloudEvent of a type, time and data; returns its id. */
    private static String cloudEvent(String id, String type, String time, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/demo/bounds","type":"%s","time":"%s","data":%s}""".formatted(id, type, time, data);
    }

    /** Posts an event that must be refused for {@code field}: 400, the field named, nothing stored. */
    private void refused(String type, String time, String data, String field) {
        String id = "bounds-" + UUID.randomUUID();
        Http.Answer answer = Http.post(
                url("/api/v1/events"),
                "application/cloudevents+json",
                cloudEvent(id, type, time, data),
                "Authorization",
                KEY);
        assertThat(answer.status()).as(field).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        answer.json()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).as(answer.body()).contains(field);
        assertThat(acceptedEvents.contains("/demo/bounds", id)).isFalse();
    }

    private void accepted(String type, String time, String data) {
        Http.Answer answer = Http.post(
                url("/api/v1/events"),
                "application/cloudevents+json",
                cloudEvent("bounds-" + UUID.randomUUID(), type, time, data),
                "Authorization",
                KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    @Test
    void anEmptyBatchIsRefusedNamingTheBody() {
        Http.Answer empty =
                Http.post(url("/api/v1/events"), "application/cloudevents-batch+json", "[]", "Authorization", KEY);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field")).containsExactly("body");
        assertThat(empty.json().get("errors").get(0).get("message").asString()).contains("no event");
    }

    @Test
    void cloudEventsOutOfBoundsAreRefusedNamingTheField() {
        String call = "salespulse.call.logged.v1";
        String now = Instant.now().toString();
        refused(call, now, "{\"repId\":\"" + "r".repeat(400_000) + "\",\"outcome\":\"CONNECTED\"}", "data.repId");
        refused(call, now, "{\"repId\":\"" + "r".repeat(257) + "\",\"outcome\":\"CONNECTED\"}", "data.repId");
        refused(call, now, "{\"repId\":\"rep\\u0000x\",\"outcome\":\"CONNECTED\"}", "data.repId");
        refused(
                call,
                ahead(Duration.ofDays(5 * 365)),
                "{\"repId\":\"%s\",\"outcome\":\"CONNECTED\"}".formatted(rep),
                "time");
        refused(
                call,
                ahead(Duration.ofHours(25)),
                "{\"repId\":\"%s\",\"outcome\":\"CONNECTED\"}".formatted(rep),
                "time");
        refused(
                call,
                ago(Duration.ofDays(4 * 365)),
                "{\"repId\":\"%s\",\"outcome\":\"CONNECTED\"}".formatted(rep),
                "time");
        refused(
                call,
                now,
                "{\"repId\":\"%s\",\"outcome\":\"CONNECTED\",\"durationSeconds\":86401}".formatted(rep),
                "data.durationSeconds");
        // A backfill two years back, and a clock a few hours ahead, are fine.
        accepted(call, ago(Duration.ofDays(2 * 365)), "{\"repId\":\"%s\",\"outcome\":\"CONNECTED\"}".formatted(rep));
        accepted(call, ahead(Duration.ofHours(3)), "{\"repId\":\"%s\",\"outcome\":\"CONNECTED\"}".formatted(rep));

        String meeting = "salespulse.meeting.booked.v1";
        refused(
                meeting,
                now,
                "{\"repId\":\"%s\",\"meetingId\":\"m1\",\"scheduledFor\":\"%s\"}"
                        .formatted(rep, ahead(Duration.ofDays(3 * 365))),
                "data.scheduledFor");

        String deal = "salespulse.deal.updated.v1";
        String dealData =
                "{\"dealId\":\"d-%s\",\"ownerRepId\":\"%s\",\"stage\":\"PROPOSAL\",\"amount\":%s,\"currency\":\"%s\"%s}";
        refused(deal, now, dealData.formatted(rep, rep, "10000000000000", "EUR", ""), "data.amount");
        refused(deal, now, dealData.formatted(rep, rep, "12.34567", "EUR", ""), "data.amount");
        refused(deal, now, dealData.formatted(rep, rep, "-1", "EUR", ""), "data.amount");
        refused(deal, now, dealData.formatted(rep, rep, "1000", "ABC", ""), "data.currency");
        refused(
                deal,
                now,
                dealData.formatted(rep, rep, "1000", "EUR", ",\"lostReason\":\"" + "x".repeat(2001) + "\""),
                "data.lostReason");
        refused(
                deal,
                now,
                dealData.formatted(rep, rep, "1000", "EUR", ",\"expectedCloseDate\":\"2099-01-01\""),
                "data.expectedCloseDate");
        accepted(deal, now, dealData.formatted(rep, rep, "999999999999.9999", "JPY", ",\"name\":\"Globex\""));

        String objective = "salespulse.objective.set.v1";
        String objectiveData =
                "{\"objectiveId\":\"o-%s\",\"scope\":\"REP\",\"scopeId\":\"%s\",\"metric\":\"CALLS\",\"target\":100,"
                        + "\"periodStart\":\"%s\",\"periodEnd\":\"%s\"}";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        refused(objective, now, objectiveData.formatted(rep, rep, today, today.plusYears(3)), "data.periodEnd");
        refused(objective, now, objectiveData.formatted(rep, rep, "-999999999-01-01", today), "data.periodStart");
        refused(
                objective,
                now,
                objectiveData.formatted(rep, rep, today.minusYears(5), today.minusYears(4)),
                "data.periodStart");
    }

    @Test
    void anOutOfBoundsEventInAHubSpotBatchIsRefusedAloneAndTheRestIsAccepted() throws Exception {
        long now = Instant.now().toEpochMilli();
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String body = "["
                + HubSpotWebhookIT.event(base + 1, "deal.creation", null, String.valueOf(base), null, null, now) + ","
                + HubSpotWebhookIT.event(
                        base + 2,
                        "deal.creation",
                        null,
                        String.valueOf(base + 1),
                        null,
                        null,
                        now + Duration.ofDays(5 * 365).toMillis())
                + ","
                + HubSpotWebhookIT.event(
                        base + 3, "deal.propertyChange", null, String.valueOf(base), "amount", "1e15", now)
                + "]";
        double rejectedBefore = Http.scrapeSum(
                "http://localhost:" + managementPort, "salespulse_events_rejected_total", "reason=\"invalid_event\"");
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        Http.Answer answer = Http.post(
                url("/webhooks/hubspot"),
                "application/json",
                body,
                "X-HubSpot-Request-Timestamp",
                timestamp,
                "X-HubSpot-Signature-v3",
                HubSpotWebhookIT.sign(url("/webhooks/hubspot"), body, timestamp));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        JsonNode result = answer.json();
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
        List<String> fields = new ArrayList<>();
        result.get("rejected")
                .forEach(problem -> fields.add(problem.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("[1].occurredAt", "[2].propertyValue");
        assertThat(Http.scrapeSum(
                        "http://localhost:" + managementPort,
                        "salespulse_events_rejected_total",
                        "reason=\"invalid_event\""))
                .isEqualTo(rejectedBefore + 2);
        assertThat(acceptedEvents.contains("/crm/hubspot/62515", String.valueOf(base + 2)))
                .isFalse();
        assertThat(acceptedEvents.contains("/crm/hubspot/62515", String.valueOf(base + 1)))
                .isTrue();
    }

    @Test
    void pipedriveTwentyRosterBoundsNameTheirField() throws Exception {
        String future = Instant.now().plus(Duration.ofDays(400)).toString();
        String pipedrive = """
                {"meta":{"action":"change","entity":"deal","entity_id":"1","id":"%s","timestamp":"%s","company_id":"7001"},
                 "data":{"id":1,"title":"T","value":100,"currency":"EUR","status":"open","stage_id":1},"previous":null}""".formatted(UUID.randomUUID(), future);
        Http.Answer answer = Http.post(
                url("/webhooks/pipedrive"),
                "application/json",
                pipedrive,
                "Authorization",
                PipedriveAndTwentyWebhooksIT.PIPEDRIVE_AUTH);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("meta.timestamp");

        String now = String.valueOf(Instant.now().toEpochMilli());
        String twenty = """
                {"eventName":"opportunity.created","record":{"id":"tw-%s","name":"Big","stage":"PROPOSAL",
                 "amount":{"amountMicros":5000000000000000000000,"currencyCode":"EUR"},"closeDate":"2099-01-01"}}""".formatted(rep);
        Http.Answer refused = Http.post(
                url("/webhooks/twenty"),
                "application/json",
                twenty,
                "X-Twenty-Webhook-Timestamp",
                now,
                "X-Twenty-Webhook-Signature",
                PipedriveAndTwentyWebhooksIT.twentySign(now, twenty));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field"))
                .contains("record.amount.amountMicros", "record.closeDate");
        // Two million euros is 2 * 10^12 micros: bounded as an amount, not as micros.
        String big = """
                {"eventName":"opportunity.created","record":{"id":"tw-big-%s","name":"Big","stage":"PROPOSAL",
                 "amount":{"amountMicros":2000000000000,"currencyCode":"EUR"}}}""".formatted(rep);
        assertThat(Http.post(
                                url("/webhooks/twenty"),
                                "application/json",
                                big,
                                "X-Twenty-Webhook-Timestamp",
                                now,
                                "X-Twenty-Webhook-Signature",
                                PipedriveAndTwentyWebhooksIT.twentySign(now, big))
                        .status())
                .isEqualTo(202);

        Http.Answer team = Http.put(
                url("/api/v1/teams/team-" + rep),
                "{\"name\":\"" + "n".repeat(300) + "\",\"timezone\":\"Europe/Paris\",\"locale\":\"fr\"}");
        assertThat(team.status()).isEqualTo(400);
        assertThat(team.body()).contains("\"name\"");
        assertThat(Http.get(url("/api/v1/teams/team-" + rep)).status()).isEqualTo(404);
        Http.Answer longId = Http.put(
                url("/api/v1/reps/" + "r".repeat(300)),
                "{\"displayName\":\"R\",\"teamId\":\"t\",\"role\":\"AE\",\"seniority\":\"SENIOR\"}");
        assertThat(longId.status()).isEqualTo(400);
        assertThat(longId.body()).contains("repId");
    }
}
