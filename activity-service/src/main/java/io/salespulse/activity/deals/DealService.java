package io.salespulse.activity.deals;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.deal.DealEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * Keeps each deal's state and turns CRM updates into deal facts. The state lives in the accepted-event log itself
 * (see {@link AcceptedEventLog.Versioned}): the entry that records an update also records the state it leads to,
 * in one atomic write, so a crash can neither lose the facts of a stored state nor store facts twice.
 */
@Service
public class DealService {

    static final int MAX_ATTEMPTS = 10;

    private final AcceptedEventLog acceptedEvents;

    DealService(AcceptedEventLog acceptedEvents) {
        this.acceptedEvents = acceptedEvents;
    }

    static String aggregate(String dealId) {
        return "deal:" + dealId;
    }

    /** The deal as last known. */
    public Optional<DealState> current(String dealId) {
        return acceptedEvents.latest(aggregate(dealId)).map(v -> read(v.state()));
    }

    /** Records a CRM update of a deal; returns whether it was new or a duplicate delivery. */
    public AcceptedEventLog.Outcome apply(String source, String eventId, String channel, DealUpdate update) {
        if (acceptedEvents.contains(source, eventId)) {
            return AcceptedEventLog.Outcome.DUPLICATE;
        }
        String aggregate = aggregate(update.dealId());
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<AcceptedEventLog.Versioned> latest = acceptedEvents.latest(aggregate);
            DealState previous = latest.map(v -> read(v.state())).orElse(null);
            DealFacts.Result result = DealFacts.apply(previous, update);
            String key = AcceptedEventLog.keyOf(source, eventId);
            List<EventEnvelope> facts = new ArrayList<>();
            for (int i = 0; i < result.facts().size(); i++) {
                DealEvent fact = result.facts().get(i);
                facts.add(EventEnvelope.of(i == 0 ? key : key + "." + i, source, fact));
            }
            // A stale update changes nothing and is only remembered as received; any other moves the deal a version.
            AcceptedEventLog.Versioned versioned = result.state().equals(previous) ? null
                    : new AcceptedEventLog.Versioned(aggregate, latest.map(v -> v.version() + 1).orElse(1L), write(result.state()));
            AcceptedEventLog.Entry entry = new AcceptedEventLog.Entry(source, eventId, channel, facts, versioned);
            AcceptedEventLog.Outcome outcome = versioned == null
                    ? (acceptedEvents.append(List.of(entry)).isEmpty() ? AcceptedEventLog.Outcome.APPENDED : AcceptedEventLog.Outcome.DUPLICATE)
                    : acceptedEvents.appendVersioned(entry);
            if (outcome != AcceptedEventLog.Outcome.CONFLICT) {
                return outcome;
            }
        }
        throw new IllegalStateException("Deal " + update.dealId() + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    private static Document write(DealState state) {
        return Document.parse(EventCodec.mapper().writeValueAsString(state));
    }

    private static DealState read(Document state) {
        return EventCodec.mapper().readValue(state.toJson(), DealState.class);
    }
}
