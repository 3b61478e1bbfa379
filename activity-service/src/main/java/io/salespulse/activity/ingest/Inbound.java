package io.salespulse.activity.ingest;

import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.activity.outbox.AggregateLog;
import java.util.function.Function;

/** One inbound event, ready to be made durable. */
public sealed interface Inbound permits Inbound.Ready, Inbound.DealChange, Inbound.Assembled {

    /** Who sent it: the CloudEvents source, or the CRM and its account ({@code /crm/hubspot/<portal>}). */
    String source();

    /** An event whose canonical events are already known. */
    record Ready(AcceptedEventLog.Entry entry) implements Inbound {

        @Override
        public String source() {
            return entry.source();
        }
    }

    /** A CRM update of a deal: its facts depend on the deal's state when it is applied. */
    record DealChange(String source, String eventId, DealUpdate update) implements Inbound {}

    /**
     * A notification that adds to an aggregate assembled over several notifications (a CRM engagement whose owner,
     * outcome and time arrive separately): its events depend on that aggregate's state.
     */
    record Assembled<S>(
            String source, String eventId, String aggregate, Class<S> stateType, Function<S, AggregateLog.Step<S>> step)
            implements Inbound {}
}
