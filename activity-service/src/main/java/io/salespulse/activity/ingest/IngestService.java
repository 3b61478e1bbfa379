package io.salespulse.activity.ingest;

import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.deals.DealService;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Makes inbound events durable and counts what happened to them. */
@Service
public class IngestService {

    private final AcceptedEventLog acceptedEvents;
    private final DealService deals;
    private final IngestMetrics metrics;

    IngestService(AcceptedEventLog acceptedEvents, DealService deals, IngestMetrics metrics) {
        this.acceptedEvents = acceptedEvents;
        this.deals = deals;
        this.metrics = metrics;
    }

    /** Appends ready entries to the accepted-event log; when this returns, every non-duplicate is durable. */
    public IngestResult accept(String channel, List<AcceptedEventLog.Entry> entries) {
        return acceptAll(channel, entries.stream().<Inbound>map(Inbound.Ready::new).toList());
    }

    /**
     * Makes every inbound event durable: ready ones in one bulk write, deal updates one by one against their deal's
     * state. When this returns, every non-duplicate is durable; if it throws, the caller retries the whole request
     * and what was already stored counts as duplicates then.
     */
    public IngestResult acceptAll(String channel, List<Inbound> inbound) {
        List<AcceptedEventLog.Entry> ready = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int unattributed = 0;
        for (Inbound event : inbound) {
            if (event instanceof Inbound.Ready r) {
                ready.add(r.entry());
            }
        }
        Set<String> duplicateKeys = Set.copyOf(acceptedEvents.append(ready));
        duplicates += duplicateKeys.size();
        accepted += ready.size() - duplicateKeys.size();
        unattributed += ready.stream().filter(entry -> !duplicateKeys.contains(entry.key()))
                .flatMap(entry -> entry.events().stream())
                .map(EventEnvelope::data)
                .filter(data -> data instanceof ActivityEvent activity && activity.repId() == null)
                .count();
        for (Inbound event : inbound) {
            if (event instanceof Inbound.DealChange change) {
                AcceptedEventLog.Outcome outcome = deals.apply(change.source(), change.eventId(), channel, change.update());
                if (outcome == AcceptedEventLog.Outcome.DUPLICATE) {
                    duplicates++;
                } else {
                    accepted++;
                    if (change.update().present().contains(DealField.OWNER) && change.update().ownerRepId() == null) {
                        unattributed++;
                    }
                }
            }
        }
        metrics.accepted(channel, accepted);
        metrics.duplicates(channel, duplicates);
        metrics.unattributed(channel, unattributed);
        return new IngestResult(accepted, duplicates);
    }
}
