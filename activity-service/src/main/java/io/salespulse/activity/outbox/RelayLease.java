package io.salespulse.activity.outbox;

import io.salespulse.kit.mongo.Leases;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
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

    private final Leases leases;

    RelayLease(MongoTemplate mongo, Clock clock) {
        this.leases = new Leases(mongo, COLLECTION, clock);
    }

    /** Hands the lease over at once on a graceful stop, instead of letting it expire. */
    @PreDestroy
    void release() {
        leases.release("outbox");
    }

    /** Takes or renews the lease; true if this instance holds it until {@link #TERM} from now. */
    boolean acquire() {
        return leases.acquire("outbox", TERM);
    }
}
