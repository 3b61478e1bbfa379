package io.salespulse.kit.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Deleting what has outlived its retention window, in small deletes that let the service's other writes through. */
public final class Retention {

    private static final int CHUNK = 500;

    private Retention() {
    }

    /**
     * A window no shorter than the topics' retention: a record Kafka still holds may be replayed, and what it produced
     * must still be there to recognise it.
     */
    public static Duration window(String property, Duration window, KafkaTopicsProperties topics) {
        if (window.compareTo(Duration.ofDays(topics.retentionDays())) < 0) {
            throw new IllegalStateException(property + " (" + window + ") is shorter than the topics' retention "
                    + "(salespulse.kafka.topics.retention-days = " + topics.retentionDays() + "): what a replayed event produced "
                    + "must still be there to recognise it");
        }
        return window;
    }

    /** {@code salespulse_retention_trimmed_total{store}}: records of a store deleted past their window. */
    public static Counter trimmed(MeterRegistry meters, String store) {
        return Counter.builder("salespulse.retention.trimmed").tag("store", store)
                .description("Stored records deleted because they are older than their retention window").register(meters);
    }

    /** Deletes the documents a filter matches, {@value #CHUNK} at a time; returns how many went. */
    public static long delete(MongoCollection<Document> collection, Bson filter) {
        long deleted = 0;
        List<Object> ids = new ArrayList<>(CHUNK);
        for (Document doc : collection.find(filter).projection(Projections.include("_id"))) {
            ids.add(doc.get("_id"));
            if (ids.size() == CHUNK) {
                deleted += collection.deleteMany(Filters.in("_id", ids)).getDeletedCount();
                ids.clear();
            }
        }
        if (!ids.isEmpty()) {
            deleted += collection.deleteMany(Filters.in("_id", ids)).getDeletedCount();
        }
        return deleted;
    }
}
