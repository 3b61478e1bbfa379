package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An entry that can never be published (here larger than the producer's 1 MiB request limit, as one accepted before
 * the ingest bounds existed could be) is parked, listed for the operator and counted; everything accepted after it
 * still flows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OutboxParkingIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    AcceptedEventLog acceptedEvents;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anEntryTooLargeForKafkaIsParkedAndTheEventsAfterItStillFlow() {
        String rep = "rep-" + UUID.randomUUID();
        String huge = rep + "-" + "x".repeat(1_200_000);
        String hugeId = "huge-" + rep;
        double parkedBefore =
                Http.scrapeSum("http://localhost:" + managementPort, "salespulse_outbox_parked_total", "");
        acceptedEvents.append(List.of(new AcceptedEventLog.Entry(
                "/test/legacy",
                hugeId,
                "cloudevents",
                List.of(EventEnvelope.of(
                        AcceptedEventLog.keyOf("/test/legacy", hugeId),
                        "/test/legacy",
                        new EmailSent(huge, null, Instant.parse("2026-11-24T09:00:00Z")))))));

        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            for (int i = 0; i < 5; i++) {
                assertThat(Http.post(
                                        url("/api/v1/events"),
                                        "application/cloudevents+json",
                                        StoryDates.moved("""
                        {"specversion":"1.0","id":"after-%d-%s","source":"/demo/test","type":"salespulse.email.sent.v1",
                         "time":"2026-11-24T09:15:00Z","data":{"repId":"%s"}}""".formatted(i, rep, rep)),
                                        "Authorization",
                                        "Bearer local-dev-ingest-key")
                                .status())
                        .isEqualTo(202);
            }
            List<EventEnvelope> after = probe.awaitEvents(event -> event.key().equals(rep), 5, Duration.ofSeconds(60));
            assertThat(after.stream().map(EventEnvelope::id).distinct()).hasSize(5);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode parked =
                    Http.get(url("/api/v1/admin/outbox/parked")).json().get("parked");
            JsonNode entry = null;
            for (JsonNode candidate : parked) {
                if (hugeId.equals(candidate.get("eventId").asString())) {
                    entry = candidate;
                }
            }
            assertThat(entry).isNotNull();
            assertThat(entry.get("reason").asString()).startsWith("RecordTooLargeException");
            assertThat(entry.get("eventTypes").get(0).asString()).isEqualTo("salespulse.email.sent.v1");
        });
        assertThat(Http.scrapeSum("http://localhost:" + managementPort, "salespulse_outbox_parked_total", ""))
                .isGreaterThan(parkedBefore);
        assertThat(Http.scrapeSum("http://localhost:" + managementPort, "salespulse_outbox_backlog", ""))
                .isZero();
        assertThat(Http.get(
                                url("/api/v1/admin/outbox/parked"),
                                "Authorization",
                                "Bearer " + io.salespulse.testsupport.TestTokens.leadership())
                        .status())
                .isEqualTo(403);
    }
}
