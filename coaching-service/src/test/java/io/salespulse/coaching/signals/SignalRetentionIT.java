package io.salespulse.coaching.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import io.salespulse.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Signals resolved before the window go; open, acknowledged and recently resolved ones stay, whatever their age. */
class SignalRetentionIT {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void onlySignalsResolvedBeforeTheWindowAreDeleted() {
        String database = "signal-retention-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            var signals = mongo.getCollection(SignalStore.COLLECTION);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                docs.add(new Document("_id", "old-resolved-" + i)
                        .append("status", "RESOLVED")
                        .append("resolvedAt", Date.from(NOW.minus(200, ChronoUnit.DAYS))));
            }
            docs.add(new Document("_id", "recent-resolved")
                    .append("status", "RESOLVED")
                    .append("resolvedAt", Date.from(NOW.minus(10, ChronoUnit.DAYS))));
            docs.add(new Document("_id", "old-open")
                    .append("status", "OPEN")
                    .append("raisedAt", Date.from(NOW.minus(400, ChronoUnit.DAYS))));
            docs.add(new Document("_id", "old-acknowledged")
                    .append("status", "ACKNOWLEDGED")
                    .append("raisedAt", Date.from(NOW.minus(400, ChronoUnit.DAYS))));
            signals.insertMany(docs);

            SignalRetention retention = new SignalRetention(
                    mongo,
                    new KafkaTopicsProperties(3, (short) 1, 30),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    new SimpleMeterRegistry(),
                    Duration.ofDays(180));
            retention.trim();

            List<String> left = signals.find().map(doc -> doc.getString("_id")).into(new ArrayList<>());
            assertThat(left).containsExactlyInAnyOrder("recent-resolved", "old-open", "old-acknowledged");
        }
    }

    @Test
    void aWindowShorterThanTheTopicsRetentionIsRefused() {
        assertThatThrownBy(() -> new SignalRetention(
                        null,
                        new KafkaTopicsProperties(3, (short) 1, 30),
                        Clock.systemUTC(),
                        new SimpleMeterRegistry(),
                        Duration.ofDays(7)))
                .hasMessageContaining("salespulse.retention.resolved-signals")
                .hasMessageContaining("retention-days = 30");
    }
}
