package io.salespulse.activity.outbox;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.kit.mongo.Documents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Inbound events whose meaning depends on what came before (a deal's successive states, an engagement assembled from
 * several CRM notifications): each is applied to its aggregate's latest state and recorded, with the state it leads
 * to and the events it produces, in one atomic append to the accepted-event log. Concurrent writers of the same
 * aggregate collide on its next version and the loser recomputes.
 */
@Component
public class AggregateLog {

    static final int MAX_ATTEMPTS = 10;

    private final AcceptedEventLog acceptedEvents;

    AggregateLog(AcceptedEventLog acceptedEvents) {
        this.acceptedEvents = acceptedEvents;
    }

    /**
     * What applying an inbound event to a state gives.
     *
     * @param state  the state after it (equal to the previous one when nothing changed; null for an aggregate still
     *               unknown)
     * @param events the events to publish, in order
     */
    public record Step<S>(S state, List<? extends SalesPulseEvent> events) {}

    /**
     * What became of an inbound event.
     *
     * @param outcome appended or duplicate
     * @param events  the events it produced (none for a duplicate)
     */
    public record Applied(AcceptedEventLog.Outcome outcome, List<EventEnvelope> events) {}

    /** The aggregate's latest state. */
    public <S> Optional<S> current(String aggregate, Class<S> stateType) {
        return acceptedEvents.latest(aggregate).map(v -> read(v.state(), stateType));
    }

    /**
     * Applies an inbound event to an aggregate (its previous state is {@code null} the first time).
     * Returns {@link AcceptedEventLog.Outcome#DUPLICATE} for an event already recorded.
     */
    public <S> Applied apply(
            String source,
            String eventId,
            String channel,
            String aggregate,
            Class<S> stateType,
            Function<S, Step<S>> step) {
        Applied duplicate = new Applied(AcceptedEventLog.Outcome.DUPLICATE, List.of());
        if (acceptedEvents.contains(source, eventId)) {
            return duplicate;
        }
        String key = AcceptedEventLog.keyOf(source, eventId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<AcceptedEventLog.Versioned> latest = acceptedEvents.latest(aggregate);
            S previous = latest.map(v -> read(v.state(), stateType)).orElse(null);
            Step<S> result = step.apply(previous);
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < result.events().size(); i++) {
                events.add(EventEnvelope.of(
                        i == 0 ? key : key + "." + i, source, result.events().get(i)));
            }
            // A stale or empty event changes nothing and is only remembered as received (so is one that names an
            // aggregate not known yet and leaves it so: a null state).
            AcceptedEventLog.Versioned versioned =
                    result.state() == null || result.state().equals(previous)
                            ? null
                            : new AcceptedEventLog.Versioned(
                                    aggregate, latest.map(v -> v.version() + 1).orElse(1L), write(result.state()));
            AcceptedEventLog.Entry entry = new AcceptedEventLog.Entry(source, eventId, channel, events, versioned);
            if (versioned == null) {
                return acceptedEvents.append(List.of(entry)).isEmpty()
                        ? new Applied(AcceptedEventLog.Outcome.APPENDED, events)
                        : duplicate;
            }
            AcceptedEventLog.Outcome outcome = acceptedEvents.appendVersioned(entry);
            if (outcome == AcceptedEventLog.Outcome.DUPLICATE) {
                return duplicate;
            }
            if (outcome == AcceptedEventLog.Outcome.APPENDED) {
                return new Applied(outcome, events);
            }
        }
        throw new IllegalStateException(aggregate + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private static Document write(Object state) {
        return Documents.of(state);
    }

    private static <S> S read(Document state, Class<S> type) {
        return Documents.read(state, type);
    }
}
