package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RestartableKafka;
import io.salespulse.testsupport.StoryDates;
import io.salespulse.testsupport.TestInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Duration;
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

/** Events accepted while Kafka is down are published once it is back: none lost, none doubled. */
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

    private int post(String id, String rep) {
        return Http.post(
                        "http://localhost:" + port + "/api/v1/events",
                        "application/cloudevents+json",
                        StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"salespulse.email.sent.v1",
                 "time":"2026-11-24T09:15:00Z","data":{"repId":"%s"}}""".formatted(id, rep)),
                        "Authorization",
                        "Bearer local-dev-ingest-key")
                .status();
    }

    @Test
    void eventsAcceptedWhileTheBrokerIsDownArePublishedOnceWhenItIsBack() {
        String rep = "rep-" + UUID.randomUUID();
        assertThat(post("before-" + rep, rep)).isEqualTo(202);
        try (KafkaProbe probe = KafkaProbe.readingFrom(KAFKA.bootstrapServers(), Topics.ACTIVITIES)) {
            probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30));
        }

        KAFKA.stop();
        for (int i = 0; i < 20; i++) {
            assertThat(post("during-" + i + "-" + rep, rep)).isEqualTo(202);
        }
        assertThat(acceptedEvents.backlog()).isGreaterThanOrEqualTo(20);

        KAFKA.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> acceptedEvents.backlog() == 0);
        try (KafkaProbe probe = KafkaProbe.readingFrom(KAFKA.bootstrapServers(), Topics.ACTIVITIES)) {
            List<EventEnvelope> events = probe.awaitEvents(e -> e.key().equals(rep), 21, Duration.ofSeconds(30));
            events = probe.drain(e -> e.key().equals(rep), Duration.ofSeconds(2));
            assertThat(events).hasSize(21);
            assertThat(events.stream().map(EventEnvelope::id).distinct()).hasSize(21);
        }
    }
}
