package io.salespulse.activity.ingest;

import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.outbox.AcceptedEventLog;

/** One inbound event, ready to be made durable. */
public sealed interface Inbound permits Inbound.Ready, Inbound.DealChange {

    /** An event whose canonical events are already known. */
    record Ready(AcceptedEventLog.Entry entry) implements Inbound {
    }

    /** A CRM update of a deal: its facts depend on the deal's state when it is applied. */
    record DealChange(String source, String eventId, DealUpdate update) implements Inbound {
    }
}
