package io.salespulse.activity.deals;

import io.salespulse.activity.outbox.AggregateLog;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Keeps each deal's state and turns CRM updates into deal facts. The state lives in the accepted-event log itself
 * (see {@link AggregateLog}): the entry that records an update also records the state it leads to, in one atomic
 * write, so a crash can neither lose the facts of a stored state nor store facts twice.
 */
@Service
public class DealService {

    private final AggregateLog aggregates;

    DealService(AggregateLog aggregates) {
        this.aggregates = aggregates;
    }

    static String aggregate(String dealId) {
        return "deal:" + dealId;
    }

    /** The deal as last known. */
    public Optional<DealState> current(String dealId) {
        return aggregates.current(aggregate(dealId), DealState.class);
    }

    /** Records a CRM update of a deal; returns whether it was new or a duplicate delivery. */
    public AggregateLog.Applied apply(String source, String eventId, String channel, DealUpdate update) {
        return aggregates.apply(source, eventId, channel, aggregate(update.dealId()), DealState.class, previous -> {
            DealFacts.Result result = DealFacts.apply(previous, update);
            return new AggregateLog.Step<>(result.state(), result.facts());
        });
    }
}
