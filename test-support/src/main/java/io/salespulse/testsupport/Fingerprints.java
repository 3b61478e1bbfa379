package io.salespulse.testsupport;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What some collections hold, as one number: what a refused request must leave as it is ({@link Fuzzer}). */
public final class Fingerprints {

    private Fingerprints() {}

    /** Every document of these collections. */
    public static long of(MongoTemplate mongo, List<String> collections) {
        long print = 0;
        for (String collection : collections) {
            for (Document document : mongo.getCollection(collection).find()) {
                print += document.toJson().hashCode() * 31L + collection.hashCode();
            }
        }
        return print;
    }

    /** The documents of one collection that match a filter. */
    public static long of(MongoTemplate mongo, String collection, Document filter) {
        long print = 0;
        for (Document document : mongo.getCollection(collection).find(filter)) {
            print += document.toJson().hashCode();
        }
        return print;
    }
}
