package io.salespulse.coaching.signals;

import com.mongodb.MongoWriteException;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** One evaluation per team and hour, however many instances run: the first to record the key does it. */
@Component
public class TickLease {

    static final String COLLECTION = "evaluation_leases";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;

    public TickLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True for the one caller that records this key first. */
    public boolean take(String key) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key).append("at", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }
}
