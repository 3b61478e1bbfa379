package io.salespulse.activity.outbox;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One relay at a time across instances of activity-service: a lease document in Mongo, taken when free or expired
 * and renewed by its holder each round. Only the holder publishes, so events leave in acceptance order and are not
 * sent twice by two instances; if the holder dies, another takes over when the lease expires.
 */
@Component
class RelayLease {

    static final String COLLECTION = "relay_lease";
    // Longer than a relay round can block on an unreachable broker (delivery.timeout.ms 30 s), so two never overlap.
    static final Duration TERM = Duration.ofSeconds(60);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    RelayLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Hands the lease over at once on a graceful stop, instead of letting it expire. */
    @PreDestroy
    void release() {
        try {
            mongo.getCollection(COLLECTION).deleteOne(Filters.and(Filters.eq("_id", "outbox"), Filters.eq("holder", holder)));
        } catch (RuntimeException e) {
            // the store is going away too: the lease will simply expire
        }
    }

    /** Takes or renews the lease; true if this instance holds it until {@link #TERM} from now. */
    boolean acquire() {
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(TERM));
        try {
            Document lease = mongo.getCollection(COLLECTION).findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "outbox"), Filters.or(Filters.eq("holder", holder), Filters.lt("until", now))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", until)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lease != null && holder.equals(lease.getString("holder"));
        } catch (MongoException e) {
            // findAndModify reports the upsert's collision as a command error, not a write error
            if (e.getCode() == DUPLICATE_KEY) {
                return false; // another instance holds a live lease
            }
            throw e;
        }
    }
}
