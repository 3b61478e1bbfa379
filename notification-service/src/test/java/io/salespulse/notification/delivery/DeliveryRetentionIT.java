package io.salespulse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.salespulse.contracts.EventType;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.notification.inbox.SignalInbox;
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

/**
 * Deliveries that reached an end before the window go, and so do signals resolved before it; deliveries still waiting
 * and open signals stay, whatever their age.
 */
class DeliveryRetentionIT {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void onlyFinishedDeliveriesAndResolvedSignalsOlderThanTheWindowAreDeleted() {
        String database = "delivery-retention-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            Date old = Date.from(NOW.minus(100, ChronoUnit.DAYS));
            Date recent = Date.from(NOW.minus(5, ChronoUnit.DAYS));
            List<Document> deliveries = new ArrayList<>();
            for (DeliveryStatus status : DeliveryStatus.values()) {
                for (int i = 0; i < 300; i++) {
                    deliveries.add(new Document("_id", "old-" + status + "-" + i)
                            .append("status", status.name())
                            .append("createdAt", old));
                }
                deliveries.add(new Document("_id", "recent-" + status)
                        .append("status", status.name())
                        .append("createdAt", recent));
            }
            mongo.getCollection(DeliveryStore.COLLECTION).insertMany(deliveries);
            long oldMillis = old.getTime();
            mongo.getCollection(SignalInbox.COLLECTION)
                    .insertMany(List.of(
                            new Document("_id", "old-resolved")
                                    .append("lifecycle", EventType.SIGNAL_RESOLVED.typeName())
                                    .append(LatestState.ORDER, oldMillis),
                            new Document("_id", "old-open")
                                    .append("lifecycle", EventType.SIGNAL_RAISED.typeName())
                                    .append(LatestState.ORDER, oldMillis),
                            new Document("_id", "recent-resolved")
                                    .append("lifecycle", EventType.SIGNAL_RESOLVED.typeName())
                                    .append(LatestState.ORDER, recent.getTime())));

            new DeliveryRetention(
                            mongo,
                            new KafkaTopicsProperties(3, (short) 1, 30),
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            new SimpleMeterRegistry(),
                            Duration.ofDays(90))
                    .trim();

            List<String> left = mongo.getCollection(DeliveryStore.COLLECTION)
                    .find()
                    .map(doc -> doc.getString("_id"))
                    .into(new ArrayList<>());
            assertThat(left)
                    .allMatch(id -> id.startsWith("recent-")
                            || id.startsWith("old-QUEUED-")
                            || id.startsWith("old-SENDING-")
                            || id.startsWith("old-DIGEST-")
                            || id.startsWith("old-UNROUTABLE-"));
            assertThat(left).hasSize(DeliveryStatus.values().length + 4 * 300);
            assertThat(mongo.getCollection(SignalInbox.COLLECTION)
                            .find()
                            .map(doc -> doc.getString("_id"))
                            .into(new ArrayList<>()))
                    .containsExactlyInAnyOrder("old-open", "recent-resolved");
        }
    }

    @Test
    void aWindowShorterThanTheTopicsRetentionIsRefused() {
        assertThatThrownBy(() -> new DeliveryRetention(
                        null,
                        new KafkaTopicsProperties(3, (short) 1, 30),
                        Clock.systemUTC(),
                        new SimpleMeterRegistry(),
                        Duration.ofDays(7)))
                .hasMessageContaining("salespulse.retention.deliveries")
                .hasMessageContaining("retention-days = 30");
    }
}
