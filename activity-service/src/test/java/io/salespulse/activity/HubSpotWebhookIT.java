package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.deals.DealService;
import io.salespulse.activity.deals.DealState;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** HubSpot webhooks, with payloads shaped as HubSpot's Webhooks API documents them, through the real broker. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.crm.hubspot.accounts=62515")
@RealInfrastructure
class HubSpotWebhookIT {

    static final String SECRET = "local-dev-hubspot-secret";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    DealService deals;

    @Autowired
    MongoTemplate mongo;

    String url() {
        return "http://localhost:" + port + "/webhooks/hubspot";
    }

    static String sign(String uri, String body, String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal(("POST" + uri + body + timestamp).getBytes(StandardCharsets.UTF_8)));
    }

    Http.Answer postSigned(String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        return Http.post(
                url(),
                "application/json",
                body,
                "X-HubSpot-Request-Timestamp",
                timestamp,
                "X-HubSpot-Signature-v3",
                sign(url(), body, timestamp));
    }

    static String event(
            long eventId,
            String type,
            String objectTypeId,
            String objectId,
            String property,
            String value,
            long occurredAt) {
        return """
                {"eventId":%d,"subscriptionId":2101,"portalId":62515,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s",
                 "attemptNumber":0,"objectId":%s,"changeSource":"CRM"%s%s}""".formatted(
                eventId,
                occurredAt,
                type,
                objectId,
                objectTypeId == null ? "" : ",\"objectTypeId\":\"" + objectTypeId + "\"",
                property == null ? "" : ",\"propertyName\":\"" + property + "\",\"propertyValue\":\"" + value + "\"");
    }

    private void givenRep(String repId, String hubspotOwner) {
        String team = "team-" + repId;
        assertThat(Http.put(
                                "http://localhost:" + port + "/api/v1/teams/" + team,
                                "{\"name\":\"T\",\"timezone\":\"Europe/Paris\",\"locale\":\"fr\"}")
                        .status())
                .isEqualTo(200);
        assertThat(Http.put("http://localhost:" + port + "/api/v1/reps/" + repId, """
                {"displayName":"Inès","teamId":"%s","role":"AE","seniority":"SENIOR","externalIds":{"hubspot":"%s"}}""".formatted(team, hubspotOwner))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void dealAndCallNotificationsBecomeCanonicalEventsOnceAndForAll() throws Exception {
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String owner = String.valueOf(base);
        String rep = "ae-" + base;
        givenRep(rep, owner);
        String dealObject = String.valueOf(base + 1);
        String callObject = String.valueOf(base + 2);
        long t = Instant.now().minusSeconds(600).toEpochMilli();
        String batch = "["
                + String.join(
                        ",",
                        event(base + 10, "deal.creation", null, dealObject, null, null, t),
                        event(base + 11, "deal.propertyChange", null, dealObject, "dealstage", "qualifiedtobuy", t + 1),
                        event(base + 12, "deal.propertyChange", null, dealObject, "amount", "24000", t + 2),
                        event(base + 13, "deal.propertyChange", null, dealObject, "hubspot_owner_id", owner, t + 3),
                        event(
                                base + 14,
                                "deal.propertyChange",
                                null,
                                dealObject,
                                "closedate",
                                String.valueOf(StoryDates.epochMilliOf("2026-12-17")),
                                t + 4),
                        event(base + 15, "object.creation", "0-48", callObject, null, null, t + 5),
                        event(base + 16, "object.propertyChange", "0-48", callObject, "hubspot_owner_id", owner, t + 6),
                        event(
                                base + 17,
                                "object.propertyChange",
                                "0-48",
                                callObject,
                                "hs_call_disposition",
                                "f240bbac-87c9-4f6e-bf70-924b57d47db7",
                                t + 7),
                        event(
                                base + 18,
                                "object.propertyChange",
                                "0-48",
                                callObject,
                                "hs_call_duration",
                                "95000",
                                t + 8),
                        event(base + 19, "contact.creation", null, "77", null, null, t + 9))
                + "]";

        Http.Answer first = postSigned(batch);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(10);

        DealState deal = deals.current("hubspot-" + dealObject).orElseThrow();
        assertThat(deal.stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(deal.ownerRepId()).isEqualTo(rep);
        assertThat(deal.amount().amount()).isEqualByComparingTo("24000");
        assertThat(deal.amount().currency()).isEqualTo("EUR");
        assertThat(deal.expectedCloseDate()).isEqualTo(StoryDates.day("2026-12-17"));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.DEALS, Topics.ACTIVITIES)) {
            // Created once its owner is known (its first notifications say no owner), as it then stands: in its stage,
            // at
            // its amount, for its rep; not a deal of no one moved from NEW.
            List<EventEnvelope> dealFacts =
                    probe.awaitEvents(e -> e.key().equals("hubspot-" + dealObject), 2, Duration.ofSeconds(30));
            dealFacts = probe.drain(e -> e.key().equals("hubspot-" + dealObject), Duration.ofSeconds(2));
            assertThat(dealFacts)
                    .extracting(e -> e.data().getClass().getSimpleName())
                    .containsExactly("DealCreated", "DealCloseDateMoved");
            DealCreated created = dealFacts.get(0).dataAs(DealCreated.class);
            assertThat(created.ownerRepId()).isEqualTo(rep);
            assertThat(created.stage()).isEqualTo(DealStage.QUALIFIED);
            assertThat(created.amount().amount()).isEqualByComparingTo("24000");
            assertThat(created.occurredAt()).isEqualTo(Instant.ofEpochMilli(t));
            List<EventEnvelope> calls = probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30));
            assertThat(calls.get(0).data())
                    .isEqualTo(new CallLogged(
                            rep, callObject, CallOutcome.CONNECTED, 95, null, Instant.ofEpochMilli(t + 5)));
        }

        Http.Answer again = postSigned(batch);
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(10);
    }

    @Test
    void anEventFromAPortalThisSalesPulseDoesNotServeIsRefusedAndTheRestAccepted() throws Exception {
        long id = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        long t = Instant.now().toEpochMilli();
        String ours = event(id, "deal.creation", null, String.valueOf(id), null, null, t);
        String theirs = event(id + 1, "deal.creation", null, String.valueOf(id + 1), null, null, t)
                .replace("62515", "99999");
        Http.Answer answer = postSigned("[" + ours + "," + theirs + "]");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.json().get("rejected").findValuesAsString("field")).containsExactly("[1].portalId");
        Http.Answer only = postSigned("[" + theirs + "]");
        assertThat(only.status()).isEqualTo(400);
        assertThat(only.json().get("errors").findValuesAsString("field")).containsExactly("[0].portalId");
    }

    @Test
    void badSignatureStaleTimestampAndMalformedBodyStoreNothing() throws Exception {
        long before = mongo.getCollection("accepted_events").countDocuments();
        String body = "["
                + event(
                        424242,
                        "deal.creation",
                        null,
                        "4242",
                        null,
                        null,
                        Instant.now().toEpochMilli()) + "]";
        String now = String.valueOf(Instant.now().toEpochMilli());

        Http.Answer forged = Http.post(
                url(),
                "application/json",
                body,
                "X-HubSpot-Request-Timestamp",
                now,
                "X-HubSpot-Signature-v3",
                sign(url(), body.replace("4242", "4243"), now));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");

        String stale = String.valueOf(Instant.now().minusSeconds(360).toEpochMilli());
        assertThat(Http.post(
                                url(),
                                "application/json",
                                body,
                                "X-HubSpot-Request-Timestamp",
                                stale,
                                "X-HubSpot-Signature-v3",
                                sign(url(), body, stale))
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(url(), "application/json", body).status()).isEqualTo(401);

        Http.Answer malformed = postSigned("[{\"subscriptionType\":\"deal.creation\"}]");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsString("field"))
                .contains("[0].eventId", "[0].objectId", "[0].occurredAt");

        assertThat(mongo.getCollection("accepted_events").countDocuments()).isEqualTo(before);
        assertThat(mongo.getCollection("accepted_events").countDocuments(new Document("eventId", "424242")))
                .isZero();
    }

    @Test
    void activityOfAnOwnerOutsideTheRosterIsKeptAndCountedUnattributed() throws Exception {
        long t = Instant.now().toEpochMilli();
        long id = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        String batch = "[" + event(id, "object.creation", "0-49", String.valueOf(id), null, null, t) + ","
                + event(
                        id + 1,
                        "object.propertyChange",
                        "0-49",
                        String.valueOf(id),
                        "hubspot_owner_id",
                        "no-such-owner",
                        t + 1)
                + "]";
        assertThat(postSigned(batch).status()).isEqualTo(202);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            EventEnvelope email = probe.awaitEvents(
                            e -> e.key().equals("unattributed") && e.time().equals(Instant.ofEpochMilli(t)),
                            1,
                            Duration.ofSeconds(30))
                    .get(0);
            assertThat(email.type().typeName()).isEqualTo("salespulse.email.sent.v1");
        }
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body())
                .containsPattern("salespulse_events_unattributed_total\\{channel=\"hubspot\"[^}]*} [1-9]");
    }
}
