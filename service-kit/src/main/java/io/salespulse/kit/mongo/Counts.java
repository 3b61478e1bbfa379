package io.salespulse.kit.mongo;

import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Counting the documents a query matches by reading their ids. The driver's {@code countDocuments} is an aggregation,
 * which the local Mongo-wire server runs over the whole collection whatever the indexes; a find uses the indexes on
 * both it and MongoDB, so a gauge of in-flight work costs the work in flight, not the history stored beside it. For
 * the same reason "is there one?" is a find of one id ({@link #any}), never {@code MongoTemplate.exists}, which counts.
 */
public final class Counts {

    /** A document read for its id alone. */
    record IdOnly(@Id String id) {}

    private Counts() {}

    /** Whether the query matches any document of the collection: one id read, at most. */
    public static boolean any(MongoOperations mongo, Query query, String collection) {
        Query one = Query.of(query).limit(1);
        one.fields().include("_id");
        return mongo.findOne(one, IdOnly.class, collection) != null;
    }

    public static long count(MongoOperations mongo, Query query, String collection) {
        Query idsOnly = Query.of(query);
        idsOnly.fields().include("_id");
        try (Stream<IdOnly> found = mongo.stream(idsOnly, IdOnly.class, collection)) {
            return found.count();
        }
    }
}
