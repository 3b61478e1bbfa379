package io.salespulse.activity.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Activities' short path to Kafka: acknowledged once the broker has them, told duplicates from their keys alone (sent
 * twice in one batch, or again later), never stored in the accepted-event log; a key is held by one request at a time;
 * a death between the publish and the key's mark publishes the same id again on the retry once the hold is over
 * (consumers drop it), and loses nothing; an activity the broker
 * can never take is kept in the log and parked there, with its reason. The broker's outage is in
 * {@code OutboxKafkaOutageIT}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.ingest.publish-wait=1s")
@RealInfrastructure
class DirectActivitiesIT {

    /** The keys, whose next mark fails once armed: as if the process died right after the publish. */
    static class CrashingKeys extends ActivityKeys {

        final AtomicBoolean armed = new AtomicBoolean();

        CrashingKeys(MongoTemplate mongo, Clock clock) {
            super(mongo, clock);
        }

        @Override
        void published(List<String> keys) {
            if (!keys.isEmpty() && armed.compareAndSet(true, false)) {
                throw new DataAccessResourceFailureException("died between publish and mark (simulated)");
            }
            super.published(keys);
        }
    }

    @TestConfiguration
    static class Crash {

        @Bean
        @Primary
        CrashingKeys crashingKeys(MongoTemplate mongo, Clock clock) {
            return new CrashingKeys(mongo, clock);
        }
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    CrashingKeys keys;

    @Autowired
    DirectActivities direct;

    @Autowired
    AcceptedEventLog log;

    @Autowired
    MongoTemplate mongo;

    private static String email(String id, String rep) {
        return StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"/demo/direct","type":"salespulse.email.sent.v1",
                 "time":"2026-11-24T09:15:00Z","data":{"repId":"%s"}}""".formatted(id, rep));
    }

    private Http.Answer batch(List<String> events) {
        return Http.post(
                "http://localhost:" + port + "/api/v1/events",
                "application/cloudevents-batch+json",
                "[" + String.join(",", events) + "]",
                "Authorization",
                "Bearer local-dev-ingest-key");
    }

    @Test
    void activitiesAreAcknowledgedOnceOnKafkaAndDuplicatesAreToldFromTheirKeys() {
        String rep = "rep-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(email("d-" + i + "-" + rep, rep));
        }
        events.add(events.get(0)); // twice in the batch
        double before =
                Http.scrapeSum("http://localhost:" + managementPort, "salespulse_ingest_direct_published_total", "");
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            Http.Answer first = batch(events);
            assertThat(first.status()).isEqualTo(202);
            assertThat(first.json().get("accepted").asInt()).isEqualTo(20);
            assertThat(first.json().get("duplicates").asInt()).isEqualTo(1);
            // Sent again: all duplicates, nothing published again.
            Http.Answer again = batch(events.subList(0, 20));
            assertThat(again.json().get("accepted").asInt()).isZero();
            assertThat(again.json().get("duplicates").asInt()).isEqualTo(20);
            probe.awaitEvents(e -> e.key().equals(rep), 20, Duration.ofSeconds(30));
            List<EventEnvelope> seen = probe.drain(e -> e.key().equals(rep), Duration.ofSeconds(2));
            assertThat(seen).hasSize(20);
            assertThat(seen.stream().map(EventEnvelope::id).distinct()).hasSize(20);
        }
        // Nothing of them in the accepted-event log; their keys alone, each marked published.
        assertThat(mongo.getCollection(AcceptedEventLog.COLLECTION)
                        .countDocuments(new Document("source", "/demo/direct")))
                .isZero();
        for (int i = 0; i < 20; i++) {
            Document key = mongo.getCollection(ActivityKeys.COLLECTION)
                    .find(new Document("_id", AcceptedEventLog.keyOf("/demo/direct", "d-" + i + "-" + rep)))
                    .first();
            assertThat(key).isNotNull();
            assertThat(key.containsKey("pending")).isFalse();
        }
        assertThat(Http.scrapeSum("http://localhost:" + managementPort, "salespulse_ingest_direct_published_total", ""))
                .isGreaterThanOrEqualTo(before + 20);
    }

    @Test
    void aDeathBetweenThePublishAndTheMarkPublishesTheSameIdsAgainOnTheRetryAndLosesNothing() {
        String rep = "rep-" + UUID.randomUUID();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(email("c-" + i + "-" + rep, rep));
        }
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            keys.armed.set(true);
            Http.Answer died = batch(events);
            // Not acknowledged (the mark never happened): the CRM sends the batch again. Its keys are held by the
            // request that died until the hold is over (the publish wait and 10 s), then taken over by the retry.
            assertThat(died.status()).isEqualTo(503);
            assertThat(batch(events).status()).isEqualTo(503);
            List<Http.Answer> answers = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Http.Answer answer = batch(events);
                        answers.add(answer);
                        return answer.status() == 202;
                    });
            Http.Answer retry = answers.get(answers.size() - 1);
            assertThat(retry.json().get("accepted").asInt()).isEqualTo(10);
            assertThat(batch(events).json().get("duplicates").asInt()).isEqualTo(10);
            probe.awaitEvents(e -> e.key().equals(rep), 20, Duration.ofSeconds(30));
            List<EventEnvelope> seen = probe.drain(e -> e.key().equals(rep), Duration.ofSeconds(2));
            // Each twice on the topic, under its one id: what consumers drop (kpi-service's RecentEventIds).
            assertThat(seen).hasSize(20);
            assertThat(seen.stream().map(EventEnvelope::id).distinct()).hasSize(10);
        }
    }

    @Test
    void aKeyIsHeldByOneRequestAtATime() {
        String key = "held-" + UUID.randomUUID();
        Duration hold = Duration.ofMinutes(1);
        ActivityKeys.Reservation first = keys.reserve(List.of(key), hold);
        assertThat(first.ours()).containsExactly(key);
        // Another request carrying it meanwhile: in flight, not its to publish.
        ActivityKeys.Reservation second = keys.reserve(List.of(key), hold);
        assertThat(second.ours()).isEmpty();
        assertThat(second.inFlight()).containsExactly(key);
        // The first gives it back (the broker refused): the next one holds it at once.
        keys.release(first, List.of(key));
        ActivityKeys.Reservation third = keys.reserve(List.of(key), hold);
        assertThat(third.ours()).containsExactly(key);
        // Its own release cannot free a key another took over: the second's reservation never held it.
        keys.release(second, List.of(key));
        assertThat(keys.reserve(List.of(key), hold).inFlight()).containsExactly(key);
        // Held longer than the hold (its request died): taken over, by one request only.
        await().pollDelay(Duration.ofMillis(20)).until(() -> true);
        ActivityKeys.Reservation takeOver = keys.reserve(List.of(key), Duration.ZERO);
        assertThat(takeOver.ours()).containsExactly(key);
        // Published: a duplicate from then on.
        keys.published(List.of(key));
        ActivityKeys.Reservation after = keys.reserve(List.of(key), Duration.ZERO);
        assertThat(after.duplicates()).containsExactly(key);
        assertThat(after.ours()).isEmpty();
    }

    @Test
    void anActivityTheBrokerCanNeverTakeIsKeptInTheLogAndParked() {
        String rep = "rep-" + UUID.randomUUID();
        String hugeId = "huge-" + rep;
        String source = "/test/direct-huge";
        AcceptedEventLog.Entry huge = new AcceptedEventLog.Entry(
                source,
                hugeId,
                "cloudevents",
                List.of(EventEnvelope.of(
                        AcceptedEventLog.keyOf(source, hugeId),
                        source,
                        new EmailSent(
                                rep + "-" + "x".repeat(1_200_000), null, Instant.parse("2026-11-24T09:00:00Z")))));
        assertThat(direct.takes(huge)).isTrue();
        assertThat(direct.publish(List.of(huge))).isEmpty();
        assertThat(direct.publish(List.of(huge))).containsExactly(huge.key());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode parked = Http.get("http://localhost:" + port + "/api/v1/admin/outbox/parked")
                    .json()
                    .get("parked");
            List<String> reasons = new ArrayList<>();
            parked.forEach(entry -> {
                if (hugeId.equals(entry.get("eventId").asString())) {
                    reasons.add(entry.get("reason").asString());
                }
            });
            assertThat(reasons).singleElement().asString().startsWith("RecordTooLargeException");
        });
    }
}
