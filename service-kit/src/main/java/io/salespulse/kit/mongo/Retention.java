package io.salespulse.kit.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/** Deleting what has outlived its retention window, in small deletes that let the service's other writes through. */
public final class Retention {

    private static final int CHUNK = 500;

    private Retention() {}

    /**
     * A window no shorter than the topics' retention: a record Kafka still holds may be replayed, and what it produced
     * must still be there to recognise it.
     */
    public static Duration window(String property, Duration window, KafkaTopicsProperties topics) {
        if (window.compareTo(Duration.ofDays(topics.retentionDays())) < 0) {
            throw new IllegalStateException(property + " (" + window + ") is shorter than the topics' retention "
                    + "(salespulse.kafka.topics.retention-days = " + topics.retentionDays()
                    + "): what a replayed event produced "
                    + "must still be there to recognise it");
        }
        return window;
    }

    /** {@code salespulse_retention_trimmed_total{store}}: records of a store deleted past their window. */
    public static Counter trimmed(MeterRegistry meters, String store) {
        return Counter.builder("salespulse.retention.trimmed")
                .tag("store", store)
                .description("Stored records deleted because they are older than their retention window")
                .register(meters);
    }

    /** Deletes the documents of a collection a query matches, {@value #CHUNK} at a time; returns how many went. */
    public static long delete(MongoOperations mongo, Query query, String collection) {
        long deleted = 0;
        List<String> ids = new ArrayList<>(CHUNK);
        Query idsOnly = Query.of(query);
        idsOnly.fields().include("_id");
        try (Stream<Counts.IdOnly> found = mongo.stream(idsOnly, Counts.IdOnly.class, collection)) {
            for (Counts.IdOnly doc : (Iterable<Counts.IdOnly>) found::iterator) {
                ids.add(doc.id());
                if (ids.size() == CHUNK) {
                    deleted += mongo.remove(query(where("_id").in(ids)), collection)
                            .getDeletedCount();
                    ids.clear();
                }
            }
        }
        if (!ids.isEmpty()) {
            deleted += mongo.remove(query(where("_id").in(ids)), collection).getDeletedCount();
        }
        return deleted;
    }
}
