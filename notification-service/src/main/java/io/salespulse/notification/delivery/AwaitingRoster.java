package io.salespulse.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.kit.roster.RosterApplied;
import io.salespulse.kit.roster.RosterStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signals raised for a team (or a rep) this service does not know yet (its roster change is still on its way on the
 * org topic, which no order ties to the signals topic): kept here, not dropped, and routed once the team and the rep
 * are known (a message names the rep), as their changes arrive or at the next sweep (a minute), whichever comes
 * first. A rep still unknown {@link #REP_GRACE} after its team is routed anyway, under its id. Routing twice is
 * harmless (one delivery per signal, manager and channel). A signal resolved meanwhile is forgotten; one whose team
 * never comes is given up after {@link #GIVE_UP_AFTER}, with a warning.
 */
@Component
class AwaitingRoster {

    static final Duration GIVE_UP_AFTER = Duration.ofDays(7);
    static final Duration REP_GRACE = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(AwaitingRoster.class);

    /** A signal waiting for its team; the signal as its JSON event. */
    @Document("awaiting_roster")
    record Parked(@Id String signalId, String teamId, String signal, Instant parkedAt) {}

    private final MongoTemplate mongo;
    private final RosterStore roster;
    private final Router router;
    private final Clock clock;
    private final MeterRegistry meters;

    AwaitingRoster(MongoTemplate mongo, RosterStore roster, Router router, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.roster = roster;
        this.router = router;
        this.clock = clock;
        this.meters = meters;
        mongo.indexOps(Parked.class)
                .createIndex(new Index("teamId", org.springframework.data.domain.Sort.Direction.ASC));
        meters.gauge(
                "salespulse.notifications.awaiting.roster",
                mongo,
                template -> template.count(new org.springframework.data.mongodb.core.query.Query(), Parked.class));
    }

    /** Routes the signal now if its team and rep are known, else keeps it until they are. */
    void route(SignalRaised signal) {
        if (ready(signal, clock.instant())) {
            router.route(signal);
            return;
        }
        mongo.save(new Parked(
                signal.signalId(), signal.teamId(), EventCodec.mapper().writeValueAsString(signal), clock.instant()));
        log.info("Signal {} waits for team {} (or its rep) to be known", signal.signalId(), signal.teamId());
        // The roster may have moved between the look and the save: route it now rather than at the sweep.
        release(signal.teamId());
    }

    /** Whether a signal can be routed: its team known, and its rep (or the rep's grace has run out). */
    private boolean ready(SignalRaised signal, Instant parkedAt) {
        return roster.team(signal.teamId()).isPresent()
                && (signal.repId() == null
                        || roster.rep(signal.repId()).isPresent()
                        || !parkedAt.plus(REP_GRACE).isAfter(clock.instant()));
    }

    /** The signal changed while it waited: it will be routed as it now is (its severity and evidence). */
    void update(io.salespulse.contracts.signal.SignalUpdated update) {
        Parked parked = mongo.findById(update.signalId(), Parked.class);
        if (parked == null) {
            return;
        }
        SignalRaised now = EventCodec.mapper()
                .readValue(parked.signal(), SignalRaised.class)
                .updatedBy(update);
        mongo.save(new Parked(
                parked.signalId(), parked.teamId(), EventCodec.mapper().writeValueAsString(now), parked.parkedAt()));
    }

    /** The signal was resolved: nothing to send for it any more. */
    void forget(String signalId) {
        mongo.remove(query(where("_id").is(signalId)), Parked.class);
    }

    @EventListener
    void onRoster(RosterApplied applied) {
        if (applied.event() instanceof TeamChanged team) {
            release(team.teamId());
        } else if (applied.event() instanceof io.salespulse.contracts.org.RepChanged rep) {
            release(rep.teamId());
        }
    }

    /** Routes what waits for teams now known; gives up on what has waited too long. */
    @Scheduled(
            fixedDelayString = "${salespulse.notifications.awaiting-roster-sweep-ms:60000}",
            initialDelayString = "${salespulse.notifications.awaiting-roster-sweep-ms:60000}")
    void sweep() {
        for (String teamId : mongo.findDistinct(
                new org.springframework.data.mongodb.core.query.Query(), "teamId", Parked.class, String.class)) {
            release(teamId);
        }
        long dropped = mongo.remove(query(where("parkedAt").lt(clock.instant().minus(GIVE_UP_AFTER))), Parked.class)
                .getDeletedCount();
        if (dropped > 0) {
            log.warn("Gave up on {} signal(s) whose team never reached the roster in {}", dropped, GIVE_UP_AFTER);
            meters.counter("salespulse.notifications.awaiting.roster.given.up").increment(dropped);
        }
    }

    private void release(String teamId) {
        if (roster.team(teamId).isEmpty()) {
            return;
        }
        int routed = 0;
        for (Parked parked : mongo.find(query(where("teamId").is(teamId)), Parked.class)) {
            SignalRaised signal = EventCodec.mapper().readValue(parked.signal(), SignalRaised.class);
            if (ready(signal, parked.parkedAt())) {
                router.route(signal);
                forget(parked.signalId());
                routed++;
            }
        }
        if (routed > 0) {
            log.info("Routed {} signal(s) that waited for team {}", routed, teamId);
        }
    }
}
