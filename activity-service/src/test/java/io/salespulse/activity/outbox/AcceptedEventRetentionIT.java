package io.salespulse.activity.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.activity.deals.DealService;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The accepted-event log, and the short path's activity keys, keep what is in flight plus the window: entries published
 * longer ago and keys reserved longer ago are trimmed, a deal's
 * state survives its entries (its next update is a stage change from the right stage, not a new deal), entries inside
 * the window and entries not yet published stay, and a second trim finds nothing more to do.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.retention.initial-delay-ms=3600000")
@RealInfrastructure
class AcceptedEventRetentionIT {

    @TestConfiguration
    static class Time {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    AcceptedEventRetention retention;

    @Autowired
    AcceptedEventLog log;

    @Autowired
    DealService deals;

    @Autowired
    ActivityKeys activityKeys;

    @Autowired
    MongoTemplate mongo;

    private int post(String id, String type, String time, String data) {
        return Http.post(
                        "http://localhost:" + port + "/api/v1/events",
                        "application/cloudevents+json",
                        """
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"%s","time":"%s","data":%s}""".formatted(id, type, time, data),
                        "Authorization",
                        "Bearer local-dev-ingest-key")
                .status();
    }

    private int dealUpdate(String id, String deal, String stage, Instant time) {
        return post(id, "salespulse.deal.updated.v1", time.toString(), """
                {"dealId":"%s","ownerRepId":"ae-1","stage":"%s","amount":24000,"currency":"EUR","name":"Acme"}""".formatted(deal, stage));
    }

    private int email(String id, Instant time) {
        return post(id, "salespulse.email.sent.v1", time.toString(), "{\"repId\":\"ae-1\"}");
    }

    /** Whether an event is remembered: a deal's entry in the log, an activity's key (the short path keeps the key). */
    private long stored(String eventId) {
        Document key = new Document("_id", AcceptedEventLog.keyOf("/demo/test", eventId));
        return mongo.getCollection(AcceptedEventLog.COLLECTION).countDocuments(key)
                + mongo.getCollection(ActivityKeys.COLLECTION).countDocuments(key);
    }

    @Test
    void entriesPublishedBeforeTheWindowAreTrimmedAndDealsKeepTheirState() {
        String run = UUID.randomUUID().toString();
        String deal = "deal-" + run;
        Instant t0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(dealUpdate("old-deal-" + run, deal, "QUALIFIED", t0)).isEqualTo(202);
        for (int i = 0; i < 3; i++) {
            assertThat(email("old-email-" + i + "-" + run, t0)).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> log.backlog() == 0);

        // 31 days later: what was published then is out of the 30-day window; what is published now is not.
        clock.set(clock.instant().plus(31, ChronoUnit.DAYS));
        assertThat(email("recent-email-" + run, t0)).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> log.backlog() == 0);

        retention.trim();

        assertThat(stored("old-deal-" + run)).isZero();
        assertThat(stored("old-email-0-" + run)).isZero();
        assertThat(stored("recent-email-" + run)).isOne();
        Document head = mongo.getCollection(AcceptedEventLog.HEADS)
                .find(new Document("_id", "deal:" + deal))
                .first();
        assertThat(head).isNotNull();
        assertThat(head.get("version", Number.class).longValue()).isEqualTo(1L);
        assertThat(deals.current(deal).orElseThrow().stage()).isEqualTo(DealStage.QUALIFIED);

        // The deal's next update moves it on from where it was.
        try (KafkaProbe probe = KafkaProbe.reading(Topics.DEALS)) {
            assertThat(dealUpdate("next-deal-" + run, deal, "PROPOSAL", t0.plus(1, ChronoUnit.HOURS)))
                    .isEqualTo(202);
            probe.awaitEvents(e -> e.key().equals(deal), 2, Duration.ofSeconds(30));
            List<EventEnvelope> facts = probe.drain(e -> e.key().equals(deal), Duration.ofSeconds(2));
            // The deal's whole history: created once, then moved on (not created a second time).
            assertThat(facts)
                    .extracting(e -> e.data().getClass().getSimpleName())
                    .containsExactly("DealCreated", "DealStageChanged");
            assertThat(facts.get(1).dataAs(DealStageChanged.class).from()).isEqualTo(DealStage.QUALIFIED);
        }

        // Nothing left to trim: a second pass deletes nothing, and the recent entry stays.
        await().atMost(Duration.ofSeconds(30)).until(() -> log.backlog() == 0);
        long before = mongo.getCollection(AcceptedEventLog.COLLECTION).countDocuments();
        long keysBefore = mongo.getCollection(ActivityKeys.COLLECTION).countDocuments();
        retention.trim();
        assertThat(mongo.getCollection(AcceptedEventLog.COLLECTION).countDocuments())
                .isEqualTo(before);
        assertThat(mongo.getCollection(ActivityKeys.COLLECTION).countDocuments())
                .isEqualTo(keysBefore);
        assertThat(stored("recent-email-" + run)).isOne();
        // Sent again after its key went, an old activity is new again, as a deal's entry is.
        assertThat(email("old-email-0-" + run, t0)).isEqualTo(202);
        assertThat(stored("old-email-0-" + run)).isOne();
    }

    @Test
    void aWindowShorterThanTheTopicsRetentionIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AcceptedEventRetention(
                        log,
                        activityKeys,
                        new io.salespulse.kit.kafka.KafkaTopicsProperties(3, (short) 1, 30),
                        Clock.systemUTC(),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                        Duration.ofDays(7),
                        Duration.ofDays(90)))
                .hasMessageContaining("salespulse.retention.accepted-events")
                .hasMessageContaining("retention-days = 30");
    }
}
