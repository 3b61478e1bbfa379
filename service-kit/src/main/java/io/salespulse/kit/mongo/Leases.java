package io.salespulse.kit.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * Named leases in a Mongo collection, one document per name: an instance holds a lease until it expires or is
 * released, and may renew it while it holds it; another instance takes it once it has expired (its holder died, or
 * did its work and let it run out). One collection can hold many names; each instance is one holder.
 */
public final class Leases {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public Leases(MongoCollection<Document> collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    /** Takes or renews the lease; true if this instance holds it for {@code term} from now. */
    public boolean acquire(String name, Duration term) {
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(term));
        try {
            Document lease = collection.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", name), Filters.or(Filters.eq("holder", holder), Filters.lt("until", now))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", until)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return lease != null && holder.equals(lease.getString("holder"));
        } catch (MongoException e) {
            // findAndModify reports the upsert's collision with a live lease as a command error, not a write error
            if (e.getCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Hands the lease over at once (a graceful stop), if this instance holds it; never fails. */
    public void release(String name) {
        try {
            collection.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("holder", holder)));
        } catch (RuntimeException e) {
            // the store is going away too: the lease will simply expire
        }
    }
}
