package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class CloudEventsIngestIT {

    static final String KEY = "Bearer local-dev-ingest-key";
    static final String STRUCTURED = "application/cloudevents+json";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    String url() {
        return "http://localhost:" + port + "/api/v1/events";
    }

    static String call(String id, String repId, String outcome) {
        return StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"salespulse.call.logged.v1",
                 "time":"2026-11-24T09:15:00+01:00","data":{"repId":"%s","outcome":"%s","durationSeconds":300}}
                """.formatted(id, repId, outcome));
    }

    @Test
    void acceptedCallIsPublishedAsCanonicalEventOnceEvenWhenDeliveredTwice() {
        String rep = "rep-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            Http.Answer first = Http.post(url(), STRUCTURED, call(id, rep, "CONNECTED"), "Authorization", KEY);
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
            assertThat(first.json().get("duplicates").asInt()).isZero();

            Http.Answer again = Http.post(url(), STRUCTURED, call(id, rep, "CONNECTED"), "Authorization", KEY);
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().get("accepted").asInt()).isZero();
            assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);

            List<EventEnvelope> events = probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30));
            events = probe.drain(e -> e.key().equals(rep), Duration.ofSeconds(2));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).data())
                    .isEqualTo(new CallLogged(
                            rep, null, CallOutcome.CONNECTED, 300, null, StoryDates.at("2026-11-24T08:15:00Z")));
            assertThat(events.get(0).source()).isEqualTo("/demo/test");
        }
    }

    @Test
    void batchAndBinaryModesAreAccepted() {
        String rep = "rep-" + UUID.randomUUID();
        String batch = "[" + call(UUID.randomUUID().toString(), rep, "NO_ANSWER") + ","
                + call(UUID.randomUUID().toString(), rep, "VOICEMAIL") + "]";
        Http.Answer answer = Http.post(url(), "application/cloudevents-batch+json", batch, "Authorization", KEY);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);

        Http.Answer binary = Http.post(
                url(),
                "application/json",
                StoryDates.moved("""
                {"objectiveId":"obj-%s","scope":"REP","scopeId":"%s","metric":"CALLS","target":200,
                 "periodStart":"2026-11-01","periodEnd":"2026-11-30"}""".formatted(rep, rep)),
                "Authorization",
                KEY,
                "ce-specversion",
                "1.0",
                "ce-id",
                UUID.randomUUID().toString(),
                "ce-source",
                "/demo/test",
                "ce-type",
                "salespulse.objective.set.v1",
                "ce-time",
                StoryDates.at("2026-11-01T08:00:00Z").toString());
        assertThat(binary.status()).as(binary.body()).isEqualTo(202);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.OBJECTIVES)) {
            EventEnvelope objective = probe.awaitEvents(e -> e.key().equals("obj-" + rep), 1, Duration.ofSeconds(30))
                    .get(0);
            assertThat(objective.dataAs(ObjectiveSet.class).target()).isEqualByComparingTo("200");
        }
    }

    @Test
    void invalidBatchIsRejectedWholeNamingEachBadField() {
        String rep = "rep-" + UUID.randomUUID();
        String goodId = UUID.randomUUID().toString();
        String batch = "[" + call(goodId, rep, "CONNECTED") + ","
                + call(UUID.randomUUID().toString(), rep, "HUNG_UP").replace("\"repId\":\"" + rep + "\",", "") + "]";
        Http.Answer answer = Http.post(url(), "application/cloudevents-batch+json", batch, "Authorization", KEY);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("[1].data.repId", "[1].data.outcome");
        // Nothing of the invalid batch was accepted: the good event is still new.
        Http.Answer retry = Http.post(url(), STRUCTURED, call(goodId, rep, "CONNECTED"), "Authorization", KEY);
        assertThat(retry.json().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void missingOrWrongKeyUnsupportedMediaTypeAndOversizedBodyAreRefused() {
        String id = UUID.randomUUID().toString();
        String body = call(id, "rep-x", "CONNECTED");
        assertThat(Http.post(url(), STRUCTURED, body).status()).isEqualTo(401);
        assertThat(Http.post(url(), STRUCTURED, body, "Authorization", "Bearer nope")
                        .status())
                .isEqualTo(401);
        Http.Answer media = Http.post(url(), "text/plain", body, "Authorization", KEY);
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.contentType()).startsWith("application/problem+json");
        String huge = "[" + String.join(",", java.util.Collections.nCopies(5000, body)) + "]";
        Http.Answer tooLarge = Http.post(url(), "application/cloudevents-batch+json", huge, "Authorization", KEY);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(Http.post(url(), STRUCTURED, "{not json", "Authorization", KEY)
                        .status())
                .isEqualTo(400);
        // None of the refused requests kept the event: sent properly now, it is new, and then its key is there (a call
        // takes the short path: its key alone is kept, the event goes to Kafka).
        org.bson.Document stored =
                new org.bson.Document("_id", io.salespulse.activity.outbox.AcceptedEventLog.keyOf("/demo/test", id));
        assertThat(mongo.getCollection("activity_keys").countDocuments(stored)).isZero();
        assertThat(Http.post(url(), STRUCTURED, body, "Authorization", KEY)
                        .json()
                        .get("accepted")
                        .asInt())
                .isEqualTo(1);
        assertThat(mongo.getCollection("activity_keys").countDocuments(stored)).isEqualTo(1);
        assertThat(mongo.getCollection("accepted_events").countDocuments(new org.bson.Document("eventId", id)))
                .isZero();
    }

    @Test
    void aContractsSnapshotsBecomeItsFactsOnTheAccountsTopicOnceEach() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String account = "acme-" + run;
        String contract = "c-" + run;
        java.time.Instant first = java.time.Instant.now().minusSeconds(60);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACCOUNTS)) {
            String started = contract(contract, account, "48000", first);
            assertThat(Http.post(url(), STRUCTURED, started, "Authorization", KEY)
                            .status())
                    .isEqualTo(202);
            assertThat(Http.post(url(), STRUCTURED, started, "Authorization", KEY)
                            .json()
                            .get("duplicates")
                            .asInt())
                    .isEqualTo(1);
            assertThat(Http.post(
                                    url(),
                                    STRUCTURED,
                                    contract(contract, account, "60000.5", first.plusSeconds(10)),
                                    "Authorization",
                                    KEY)
                            .status())
                    .isEqualTo(202);
            List<EventEnvelope> facts = probe.awaitEvents(e -> e.key().equals(account), 2, Duration.ofSeconds(30));
            assertThat(facts)
                    .extracting(e -> e.dataAs(io.salespulse.contracts.account.ContractChanged.class)
                            .change())
                    .containsExactly(
                            io.salespulse.contracts.account.ContractChange.STARTED,
                            io.salespulse.contracts.account.ContractChange.EXPANDED);
            assertThat(probe.drain(e -> e.key().equals(account), Duration.ofSeconds(2)))
                    .hasSize(2);
        }
        // A contract of a CRM's namespace is that CRM's to change.
        String crmContract = contract("hubspot-contract-" + run, account, "1000", first);
        Http.Answer refused = Http.post(url(), STRUCTURED, crmContract, "Authorization", KEY);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data.contractId");
    }

    static String contract(String contractId, String accountId, String arr, java.time.Instant time) {
        return """
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"salespulse.contract.updated.v1",
                 "time":"%s","data":{"contractId":"%s","accountId":"%s","accountName":"Acme","csmRepId":"csm-zoe",
                 "arr":%s,"currency":"EUR","termStart":"2026-01-01","termEnd":"2026-12-31"}}
                """.formatted(UUID.randomUUID(), time, contractId, accountId, arr);
    }
}
