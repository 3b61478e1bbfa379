package io.salespulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.EmailSent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SharedInfrastructureIT {

    @Test
    void eventsRoundTripThroughTheSharedBroker() {
        String rep = "rep-" + UUID.randomUUID();
        EventEnvelope sent = EventEnvelope.of(
                UUID.randomUUID().toString(), "/test", new EmailSent(rep, null, Instant.parse("2026-11-24T09:00:00Z")));
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ACTIVITIES)) {
            KafkaProbe.publish(sent);
            List<EventEnvelope> read = probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30));
            assertThat(read).containsExactly(sent);
        }
        assertThat(TestInfrastructure.kafkaBootstrapServers()).isEqualTo(TestInfrastructure.kafkaBootstrapServers());
    }

    @Test
    void eachDatabaseNameIsItsOwnDatabaseOnTheSharedServer() {
        try (MongoClient a = MongoClients.create(TestInfrastructure.mongoUri("db-a"));
                MongoClient b = MongoClients.create(TestInfrastructure.mongoUri("db-b"))) {
            assertThat(a.getDatabase("db-a").runCommand(new Document("ping", 1)).get("ok"))
                    .isIn(1, 1.0);
            a.getDatabase("db-a").getCollection("c").insertOne(new Document("x", 1));
            assertThat(b.getDatabase("db-b").getCollection("c").countDocuments())
                    .isZero();
        }
    }

    @Test
    void databaseNameReplacesThePathAndKeepsOptions() {
        assertThat(TestInfrastructure.withDatabase("mongodb://h:1/old?replicaSet=rs0", "x"))
                .isEqualTo("mongodb://h:1/x?replicaSet=rs0");
        assertThat(TestInfrastructure.withDatabase("mongodb://h1:1,h2:2", "x")).isEqualTo("mongodb://h1:1,h2:2/x");
    }
}
