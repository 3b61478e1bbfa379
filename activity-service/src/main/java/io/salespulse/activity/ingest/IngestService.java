package io.salespulse.activity.ingest;

import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Makes inbound events durable and counts what happened to them. */
@Service
public class IngestService {

    private final AcceptedEventLog acceptedEvents;
    private final IngestMetrics metrics;

    IngestService(AcceptedEventLog acceptedEvents, IngestMetrics metrics) {
        this.acceptedEvents = acceptedEvents;
        this.metrics = metrics;
    }

    /** Appends the entries to the accepted-event log; when this returns, every non-duplicate is durable. */
    public IngestResult accept(String channel, List<AcceptedEventLog.Entry> entries) {
        Set<String> duplicateKeys = Set.copyOf(acceptedEvents.append(entries));
        int duplicates = duplicateKeys.size();
        int accepted = entries.size() - duplicates;
        metrics.accepted(channel, accepted);
        metrics.duplicates(channel, duplicates);
        long unattributed = entries.stream().filter(entry -> !duplicateKeys.contains(entry.key())).flatMap(entry -> entry.events().stream())
                .map(EventEnvelope::data)
                .filter(data -> data instanceof ActivityEvent activity && activity.repId() == null)
                .count();
        metrics.unattributed(channel, (int) unattributed);
        return new IngestResult(accepted, duplicates);
    }
}
