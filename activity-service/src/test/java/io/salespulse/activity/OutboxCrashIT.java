package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A crash between publishing a batch and marking it published: the relay publishes the same events again, with the
 * same ids, so consumers (idempotent by id) count each once. Nothing is lost. Activities take the log's path here
 * ({@code salespulse.ingest.activities=log}, an operator's choice); their short path's own crash is in
 * {@link DirectActivitiesIT}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.ingest.activities=log")
@RealInfrastructure
class OutboxCrashIT {

    /** The accepted-event log, whose next mark fails once armed: as if the process died right after the publish. */
    static class CrashingLog extends AcceptedEventLog {

        final AtomicBoolean armed = new AtomicBoolean();

        CrashingLog(MongoTemplate mongo, Clock clock) {
            super(mongo, clock);
        }

        @Override
        public void markPublished(List<String> keys) {
            if (!keys.isEmpty() && armed.compareAndSet(true, false)) {
                throw new IllegalStateException("crashed between publish and mark");
            }
            super.markPublished(keys);
        }
    }

    @TestConfiguration
    static class Crash {

        @Bean
        @Primary
        CrashingLog crashingLog(MongoTemplate mongo, Clock clock) {
            return new CrashingLog(mongo, clock);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CrashingLog log;

    @Test
    void aCrashBetweenPublishAndMarkRepublishesTheSameIdsAndLosesNothing() {
        String rep = "rep-" + UUID.randomUUID();
        int sent = 50;
        List<String> events = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            events.add(StoryDates.moved("""
                    {"specversion":"1.0","id":"crash-%d-%s","source":"/demo/test","type":"salespulse.email.sent.v1",
                     "time":"2026-11-24T09:15:00Z","data":{"repId":"%s"}}""".formatted(i, rep, rep)));
        }
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            log.armed.set(true);
            Http.Answer answer = Http.post(
                    "http://localhost:" + port + "/api/v1/events",
                    "application/cloudevents-batch+json",
                    "[" + String.join(",", events) + "]",
                    "Authorization",
                    "Bearer local-dev-ingest-key");
            assertThat(answer.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> !log.armed.get());
            // Published before the crash, and what the crash left unmarked once again after it.
            List<EventEnvelope> seen =
                    probe.awaitEvents(event -> event.key().equals(rep), sent + 1, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> log.backlog() == 0);
            long distinct = seen.stream().map(EventEnvelope::id).distinct().count();
            seen = probe.drain(event -> event.key().equals(rep), Duration.ofSeconds(2));
            System.out.printf(
                    "fault crash between publish and mark: sent %d, accepted %d, counted %d (distinct ids on Kafka; %d records "
                            + "published), lost %d, doubled %d%n",
                    sent,
                    answer.json().get("accepted").asInt(),
                    distinct,
                    seen.size(),
                    Math.max(0, sent - distinct),
                    Math.max(0, distinct - sent));
            assertThat(distinct).isEqualTo(sent);
            assertThat(seen.size()).isGreaterThan(sent);
        }
    }
}
