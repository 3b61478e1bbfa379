package io.salespulse.kit.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Named leases in a Mongo collection, one document per name: an instance holds a lease until it expires or is
 * released, and may renew it while it holds it; another instance takes it once it has expired (its holder died, or
 * did its work and let it run out). One collection can hold many names; each instance is one holder.
 */
public final class Leases {

    /** A lease as stored: its name, who holds it and until when. */
    record Lease(@Id String name, String holder, Instant until) {}

    private final MongoOperations mongo;
    private final String collection;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public Leases(MongoOperations mongo, String collection, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
    }

    /** Takes or renews the lease; true if this instance holds it for {@code term} from now. */
    public boolean acquire(String name, Duration term) {
        Instant now = clock.instant();
        try {
            Lease lease = mongo.findAndModify(
                    query(where("_id")
                            .is(name)
                            .orOperator(
                                    where("holder").is(holder), where("until").lt(now))),
                    new Update().set("holder", holder).set("until", now.plus(term)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Lease.class,
                    collection);
            return lease != null && holder.equals(lease.holder());
        } catch (DuplicateKeyException e) {
            // The filter missed because another holder's lease is live, and the upsert then hit its name.
            return false;
        }
    }

    /** Hands the lease over at once (a graceful stop), if this instance holds it; never fails. */
    public void release(String name) {
        try {
            mongo.remove(query(where("_id").is(name).and("holder").is(holder)), Lease.class, collection);
        } catch (RuntimeException e) {
            // the store is going away too: the lease will simply expire
        }
    }
}
