package io.salespulse.activity.objectives;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.activity.roster.RosterService;
import io.salespulse.contracts.objective.ObjectiveCancelled;
import io.salespulse.contracts.objective.ObjectiveEvent;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.objective.ObjectiveUpdated;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.mongo.LatestState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/**
 * Objectives as managers set, adjust and cancel them. Like the roster, a change is first made durable in the
 * accepted-event log (so it reaches the objectives topic, in order with everything else accepted), then stored here for
 * reads and for judging the next change. Objectives a CRM sets through the ingest API are kept here too, so a manager
 * can adjust or cancel them.
 */
@Service
public class ObjectiveService implements io.salespulse.activity.ingest.ObjectiveOwners {

    static final String SOURCE = "/activity-service/objectives";
    static final String COLLECTION = "objectives";

    private final MongoTemplate mongo;
    private final AcceptedEventLog acceptedEvents;
    private final RosterService roster;
    private final Clock clock;

    ObjectiveService(MongoTemplate mongo, AcceptedEventLog acceptedEvents, RosterService roster, Clock clock) {
        this.mongo = mongo;
        this.acceptedEvents = acceptedEvents;
        this.roster = roster;
        this.clock = clock;
        mongo.indexOps(StoredObjective.class).createIndex(new Index().on("teamId", Sort.Direction.ASC));
    }

    /**
     * An objective as stored, under its id: its definition's fields, who set, adjusted or cancelled it, and the order
     * {@link LatestState} keeps (so a CRM's older set arriving later never replaces a manager's change).
     */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record StoredObjective(
            @Id String objectiveId,
            ObjectiveScope scope,
            String scopeId,
            ObjectiveMetric metric,
            BigDecimal target,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd,
            Instant occurredAt,
            String teamId,
            String setBy,
            String updatedBy,
            Instant cancelledAt,
            String cancelledBy,
            String reason,
            Long stateOrder) {

        static StoredObjective of(Held held) {
            ObjectiveSet d = held.definition();
            return new StoredObjective(
                    d.objectiveId(),
                    d.scope(),
                    d.scopeId(),
                    d.metric(),
                    d.target(),
                    d.currency(),
                    d.periodStart(),
                    d.periodEnd(),
                    d.occurredAt(),
                    held.teamId(),
                    held.setBy(),
                    held.updatedBy(),
                    held.cancelledAt(),
                    held.cancelledBy(),
                    held.reason(),
                    held.revision());
        }

        Held held() {
            return new Held(
                    new ObjectiveSet(
                            objectiveId, scope, scopeId, metric, target, currency, periodStart, periodEnd, occurredAt),
                    teamId,
                    setBy,
                    updatedBy,
                    cancelledAt,
                    cancelledBy,
                    reason);
        }
    }

    /** What a change did. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * An objective as held here.
     *
     * @param teamId      the team it belongs to (its own, or its rep's when it was set)
     * @param cancelledAt when it was cancelled, {@code null} while it counts
     */
    record Held(
            ObjectiveSet definition,
            String teamId,
            String setBy,
            String updatedBy,
            Instant cancelledAt,
            String cancelledBy,
            String reason) {

        boolean cancelled() {
            return cancelledAt != null;
        }

        /** When it last changed (set, adjusted, cancelled), in epoch milliseconds: its ETag, for {@code If-Match}. */
        long revision() {
            return Objects.requireNonNullElse(cancelledAt, definition.occurredAt())
                    .toEpochMilli();
        }
    }

    record Change(Outcome outcome, Held objective) {}

    Clock clock() {
        return clock;
    }

    /** When a change made now happens: now, or just after the objective's last change (each change its own revision). */
    Instant nextChange(Optional<Held> held) {
        return roster.nextChange(held.map(h -> Instant.ofEpochMilli(h.revision())));
    }

    /** The team an objective belongs to: a team's own, or its rep's team; empty when the rep is unknown. */
    Optional<String> teamOf(ObjectiveScope scope, String scopeId) {
        return scope == ObjectiveScope.TEAM
                ? Optional.of(scopeId)
                : roster.rep(scopeId).map(RepChanged::teamId);
    }

    Optional<Held> get(String objectiveId) {
        return Optional.ofNullable(mongo.findById(objectiveId, StoredObjective.class))
                .map(StoredObjective::held);
    }

    /**
     * Sets the objective when it is new, adjusts it (target or period) when it is held; the caller has checked that
     * scope, scope id, metric and currency are those held, and that it is not cancelled. Asking for what is already
     * held changes nothing and publishes nothing, so a form submitted twice is one change. {@code held}: what
     * {@link #get} found, read once by the caller that judged the request against it.
     */
    Change put(ObjectiveSet requested, Optional<Held> held, String teamId, String by) {
        if (held.isEmpty()) {
            append(requested);
            Held created = new Held(requested, teamId, by, null, null, null, null);
            store(created);
            return new Change(Outcome.CREATED, created);
        }
        ObjectiveSet before = held.get().definition();
        if (before.target().compareTo(requested.target()) == 0
                && before.periodStart().equals(requested.periodStart())
                && before.periodEnd().equals(requested.periodEnd())) {
            return new Change(Outcome.UNCHANGED, held.get());
        }
        ObjectiveUpdated updated = new ObjectiveUpdated(
                requested.objectiveId(),
                before.scope(),
                before.scopeId(),
                before.metric(),
                requested.target(),
                before.currency(),
                requested.periodStart(),
                requested.periodEnd(),
                by,
                requested.occurredAt());
        append(updated);
        Held adjusted =
                new Held(updated.definition(), held.get().teamId(), held.get().setBy(), by, null, null, null);
        store(adjusted);
        return new Change(Outcome.UPDATED, adjusted);
    }

    /** Cancels a held objective for good; cancelling a cancelled one changes nothing. */
    Held cancel(Held held, String by, String reason) {
        if (held.cancelled()) {
            return held;
        }
        Instant now = nextChange(Optional.of(held));
        ObjectiveSet definition = held.definition();
        append(new ObjectiveCancelled(
                definition.objectiveId(), definition.scope(), definition.scopeId(), by, reason, now));
        Held cancelled = new Held(definition, held.teamId(), held.setBy(), held.updatedBy(), now, by, reason);
        store(cancelled);
        return cancelled;
    }

    /**
     * An objective a CRM set through the ingest API, once durable: kept (the latest by when it was set) so a manager
     * can adjust or cancel it. A cancelled objective stays cancelled, as downstream.
     */
    @EventListener
    void onIngested(io.salespulse.activity.ingest.ObjectiveOwners.Ingested ingested) {
        ObjectiveSet objective = ingested.objective();
        Optional<Held> held = get(objective.objectiveId());
        if (held.isPresent() && held.get().cancelled()) {
            return;
        }
        String teamId = teamOf(objective.scope(), objective.scopeId()).orElse(null);
        LatestState.replaceIfNotOlder(
                mongo,
                COLLECTION,
                objective.objectiveId(),
                objective.occurredAt().toEpochMilli(),
                StoredObjective.of(new Held(
                        objective,
                        teamId,
                        io.salespulse.activity.ingest.ObjectiveOwners.ingest(ingested.credential()),
                        null,
                        null,
                        null,
                        null)));
    }

    /** Who last set or adjusted it: a manager who adjusted a CRM's objective owns it from then on. */
    @Override
    public Optional<Optional<String>> setterOf(String objectiveId) {
        return get(objectiveId)
                .map(held -> Optional.ofNullable(held.updatedBy() != null ? held.updatedBy() : held.setBy()));
    }

    private void append(ObjectiveEvent event) {
        acceptedEvents.appendOwn(SOURCE, "objectives", event);
    }

    private void store(Held held) {
        mongo.save(StoredObjective.of(held));
    }
}
