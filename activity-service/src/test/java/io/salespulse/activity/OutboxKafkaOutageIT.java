package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RestartableKafka;
import io.salespulse.testsupport.StoryDates;
import io.salespulse.testsupport.TestInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka down: activities (the short path) are refused with 503, never acknowledged and lost; what takes the log's path
 * is accepted and published once the broker is back. None lost, none doubled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class OutboxKafkaOutageIT {

    static final RestartableKafka KAFKA = RestartableKafka.create().start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("outage-" + UUID.randomUUID()));
        registry.add("salespulse.security.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("salespulse.security.jwt.issuer", () -> TestTokens.ISSUER);
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AcceptedEventLog acceptedEvents;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> post(String event) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                        .header("Content-Type", "application/cloudevents+json")
                        .header("Authorization", "Bearer local-dev-ingest-key")
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String email(String id, String rep) {
        return StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"salespulse.email.sent.v1",
                 "time":"2026-11-24T09:15:00Z","data":{"repId":"%s"}}""".formatted(id, rep));
    }

    private static String deal(String id, String deal) {
        return StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"salespulse.deal.updated.v1",
                 "time":"2026-11-24T09:15:00Z","data":{"dealId":"%s","ownerRepId":"ae-1","stage":"QUALIFIED",
                 "amount":24000,"currency":"EUR","name":"Acme"}}""".formatted(id, deal));
    }

    /**
     * Activities take the short path: while the broker is down they are refused with 503 and Retry-After, never
     * acknowledged; sent again once it is back, each is accepted and on the topic (a record the producer still held
     * when the 503 went may be there twice, under its one id: consumers drop the copy).
     */
    @Test
    void activitiesAreRefusedWhileTheBrokerIsDownAndAcceptedOnceItIsBack() throws Exception {
        String rep = "rep-" + UUID.randomUUID();
        assertThat(post(email("before-" + rep, rep)).statusCode()).isEqualTo(202);
        try (KafkaProbe probe = KafkaProbe.readingFrom(KAFKA.bootstrapServers(), Topics.ACTIVITIES)) {
            probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30));
        }

        KAFKA.stop();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> refused = post(email("during-" + i + "-" + rep, rep));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(refused.body())
                        .contains("urn:salespulse:problem:unavailable", "were not accepted", "Send the request again");
            }
            assertThat(acceptedEvents.backlog()).isZero();
        } finally {
            KAFKA.start();
        }
        // The CRM sends them again: accepted once the broker has them; a third time, duplicates.
        for (int i = 0; i < 3; i++) {
            String again = email("during-" + i + "-" + rep, rep);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> post(again).statusCode() == 202);
            assertThat(post(again).body()).contains("\"accepted\":0", "\"duplicates\":1");
        }
        try (KafkaProbe probe = KafkaProbe.readingFrom(KAFKA.bootstrapServers(), Topics.ACTIVITIES)) {
            probe.awaitEvents(e -> e.key().equals(rep), 4, Duration.ofSeconds(30));
            List<EventEnvelope> events = probe.drain(e -> e.key().equals(rep), Duration.ofSeconds(2));
            assertThat(events.stream().map(EventEnvelope::id).distinct()).hasSize(4);
        }
    }

    /** What takes the log's path (a deal) is accepted while Kafka is down and published once it is back. */
    @Test
    void dealChangesAcceptedWhileTheBrokerIsDownArePublishedOnceWhenItIsBack() throws Exception {
        String deal = "deal-" + UUID.randomUUID();
        assertThat(post(deal("before-" + deal, deal)).statusCode()).isEqualTo(202);
        try (KafkaProbe probe = KafkaProbe.readingFrom(KAFKA.bootstrapServers(), Topics.DEALS)) {
            probe.awaitEvents(e -> e.key().equals(deal), 1, Duration.ofSeconds(30));
        }

        KAFKA.stop();
        List<String> during = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String other = deal + "-" + i;
                during.add(other);
                assertThat(post(deal("during-" + other, other)).statusCode()).isEqualTo(202);
            }
            assertThat(acceptedEvents.backlog()).isGreaterThanOrEqualTo(20);
        } finally {
            KAFKA.start();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> acceptedEvents.backlog() == 0);
        try (KafkaProbe probe = KafkaProbe.readingFrom(KAFKA.bootstrapServers(), Topics.DEALS)) {
            probe.awaitEvents(e -> during.contains(e.key()), 20, Duration.ofSeconds(30));
            List<EventEnvelope> events = probe.drain(e -> during.contains(e.key()), Duration.ofSeconds(2));
            assertThat(events).hasSize(20);
            assertThat(events.stream().map(EventEnvelope::id).distinct()).hasSize(20);
        }
    }
}
