package io.salespulse.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.EventType;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalEvent;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.kit.mongo.LatestState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Every signal's latest lifecycle state as notification-service knows it (raised, updated, acknowledged, resolved):
 * what routing and digests read. Keyed by signal id; an older lifecycle event never overwrites a newer one.
 */
@Component
public class SignalInbox {

    public static final String COLLECTION = "signals";

    private final MongoTemplate mongo;

    SignalInbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("teamId", Sort.Direction.ASC));
        // Retention deletes resolved signals by lifecycle.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("lifecycle", Sort.Direction.ASC));
    }

    /**
     * A signal's state as the inbox keeps it, under its id: what routing and digests read, and its last lifecycle
     * event's type. Earlier builds stored the whole event beside the lifecycle; it reads the same.
     */
    record Entry(
            String signalId,
            SignalType type,
            String repId,
            String teamId,
            Severity severity,
            String lifecycle,
            Instant raisedAt,
            Instant resolvedAt) {}

    void record(EventEnvelope envelope) {
        SignalEvent signal = envelope.dataAs(SignalEvent.class);
        Severity severity = signal instanceof SignalRaised raised
                ? raised.severity()
                : signal instanceof SignalUpdated updated ? updated.severity() : null;
        // When it was raised, kept from the first event (a signal's events come in order, on its partition); when
        // resolved, from the resolution: for "open a week ago".
        Entry held = mongo.findById(signal.signalId(), Entry.class, COLLECTION);
        Instant raisedAt = signal instanceof SignalRaised
                ? signal.occurredAt()
                : held == null || held.raisedAt() == null ? null : held.raisedAt();
        LatestState.replaceIfNotOlder(
                mongo,
                COLLECTION,
                signal.signalId(),
                signal.occurredAt().toEpochMilli(),
                new Entry(
                        signal.signalId(),
                        signal.type(),
                        signal.repId(),
                        signal.teamId(),
                        severity,
                        envelope.type().typeName(),
                        raisedAt,
                        signal instanceof io.salespulse.contracts.signal.SignalResolved ? signal.occurredAt() : null));
    }

    /**
     * A signal still open (raised, updated or acknowledged, not resolved).
     *
     * @param signalId     the signal
     * @param type         its type
     * @param repId        its rep ({@code null} for a team's)
     * @param teamId       its team
     * @param severity     its severity, when the last change told it
     * @param acknowledged whether a manager acknowledged it
     */
    public record OpenSignal(
            String signalId, SignalType type, String repId, String teamId, String severity, boolean acknowledged) {}

    /** The rep of each of these signals the inbox knows (a team's signals have none). */
    public java.util.Map<String, String> repsOf(Collection<String> signalIds) {
        java.util.Map<String, String> reps = new java.util.HashMap<>();
        if (signalIds.isEmpty()) {
            return reps;
        }
        for (Entry entry : mongo.find(query(where("_id").in(signalIds)), Entry.class, COLLECTION)) {
            if (entry.repId() != null) {
                reps.put(entry.signalId(), entry.repId());
            }
        }
        return reps;
    }

    /**
     * How many weak signals (no recognition, no care signal) of each of these teams were open at {@code at}: raised by
     * then (a signal whose raising this service never saw counts as raised before) and not resolved by then.
     */
    public java.util.Map<String, Long> weakOpenAt(Collection<String> teamIds, Instant at) {
        java.util.Map<String, Long> open = new java.util.TreeMap<>();
        for (Entry entry : mongo.find(query(where("teamId").in(teamIds)), Entry.class, COLLECTION)) {
            if (entry.type() == null
                    || entry.type().isPositive()
                    || entry.type().isCare()) {
                continue;
            }
            boolean raised = entry.raisedAt() == null || !entry.raisedAt().isAfter(at);
            boolean resolved = EventType.SIGNAL_RESOLVED.typeName().equals(entry.lifecycle())
                    && (entry.resolvedAt() == null || !entry.resolvedAt().isAfter(at));
            if (raised && !resolved) {
                open.merge(entry.teamId(), 1L, Long::sum);
            }
        }
        return open;
    }

    /** The open signals of these teams. */
    public List<OpenSignal> openOf(Collection<String> teamIds) {
        return mongo
                .find(
                        query(where("teamId").in(teamIds).and("lifecycle").ne(EventType.SIGNAL_RESOLVED.typeName())),
                        Entry.class,
                        COLLECTION)
                .stream()
                .map(entry -> new OpenSignal(
                        entry.signalId(),
                        entry.type(),
                        entry.repId(),
                        entry.teamId(),
                        entry.severity() == null ? null : entry.severity().name(),
                        EventType.SIGNAL_ACKNOWLEDGED.typeName().equals(entry.lifecycle())))
                .toList();
    }
}
