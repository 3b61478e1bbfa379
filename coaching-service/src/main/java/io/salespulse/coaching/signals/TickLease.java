package io.salespulse.coaching.signals;

import io.salespulse.kit.mongo.Leases;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One scheduled evaluation per team and tick, however many instances run: the instance whose tick comes first takes
 * the team's lease for {@code salespulse.signals.evaluation-lease} (50 minutes, shorter than the hourly schedule), the
 * others find it held; at the next tick it has expired and is taken again (by any instance: one that died leaves no
 * team unevaluated for longer than a tick). One document per team, however long it runs.
 */
@Component
public class TickLease {

    static final String COLLECTION = "evaluation_leases";

    private final Leases leases;
    private final Duration term;

    public TickLease(
            MongoTemplate mongo, Clock clock, @Value("${salespulse.signals.evaluation-lease:50m}") Duration term) {
        this.leases = new Leases(mongo, COLLECTION, clock);
        this.term = term;
    }

    /** True for the one instance that takes this team's lease at this tick. */
    public boolean take(String teamId) {
        return leases.acquire("team|" + teamId, term);
    }
}
