package io.salespulse.activity.ingest;

import io.salespulse.activity.deals.DealService;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.activity.outbox.AggregateLog;
import io.salespulse.activity.outbox.DirectActivities;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealOwnerChanged;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.kit.web.TooManyRequestsException;
import io.salespulse.kit.web.UnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Makes inbound events durable and counts what happened to them. */
@Service
public class IngestService {

    private final AcceptedEventLog acceptedEvents;
    private final DealService deals;
    private final AggregateLog aggregates;
    private final IngestMetrics metrics;
    private final SourceRateLimits rateLimits;
    private final ApplicationEventPublisher applicationEvents;
    private final DirectActivities directActivities;

    IngestService(
            AcceptedEventLog acceptedEvents,
            DirectActivities directActivities,
            DealService deals,
            AggregateLog aggregates,
            IngestMetrics metrics,
            SourceRateLimits rateLimits,
            ApplicationEventPublisher applicationEvents) {
        this.rateLimits = rateLimits;
        this.applicationEvents = applicationEvents;
        this.acceptedEvents = acceptedEvents;
        this.directActivities = directActivities;
        this.deals = deals;
        this.aggregates = aggregates;
        this.metrics = metrics;
    }

    /** Activities and deals whose CRM owner maps to no rep: kept, published, and counted. */
    private static int unattributed(List<EventEnvelope> events) {
        return (int) events.stream()
                .map(EventEnvelope::data)
                .filter(data -> data instanceof ActivityEvent activity && activity.repId() == null
                        || data instanceof DealCreated created && created.ownerRepId() == null
                        || data instanceof DealOwnerChanged changed && changed.ownerRepId() == null)
                .count();
    }

    private <S> AggregateLog.Applied applyAssembled(String channel, Inbound.Assembled<S> assembled) {
        return aggregates.apply(
                assembled.source(),
                assembled.eventId(),
                channel,
                assembled.aggregate(),
                assembled.stateType(),
                assembled.step());
    }

    /** Appends ready entries to the accepted-event log; when this returns, every non-duplicate is durable. */
    public IngestResult accept(String channel, List<AcceptedEventLog.Entry> entries) {
        return acceptAll(
                channel, entries.stream().<Inbound>map(Inbound.Ready::new).toList());
    }

    /**
     * Makes every inbound event durable: activities straight to Kafka ({@link DirectActivities}) first, other ready
     * ones in one bulk write to the accepted-event log, deal updates one by one against their deal's state. When this
     * returns, every non-duplicate is durable; if it throws, the caller retries the whole request and what was already
     * stored counts as duplicates then (activities the broker did not confirm throw before anything else is stored).
     */
    public IngestResult acceptAll(String channel, List<Inbound> inbound) {
        return acceptAll(channel, inbound, false);
    }

    /**
     * As {@link #acceptAll(String, List)}; {@code perAccount}: the rate limit counts per source (a CRM webhook's
     * account: {@code /crm/hubspot/<portal>}) instead of per channel, so one busy account never slows another.
     */
    public IngestResult acceptAll(String channel, List<Inbound> inbound, boolean perAccount) {
        try {
            if (perAccount) {
                java.util.Map<String, Integer> bySource = new java.util.TreeMap<>();
                inbound.forEach(event -> bySource.merge(event.source(), 1, Integer::sum));
                bySource.forEach((source, events) -> rateLimits.charge(channel + " " + source, events));
            } else {
                rateLimits.charge(channel, inbound.size());
            }
        } catch (TooManyRequestsException e) {
            metrics.rejected(channel, "rate_limited");
            throw e;
        }
        // A key twice in one request is one entry, and a duplicate.
        Map<String, AcceptedEventLog.Entry> distinct = new LinkedHashMap<>();
        int duplicates = 0;
        for (Inbound event : inbound) {
            if (event instanceof Inbound.Ready r
                    && distinct.putIfAbsent(r.entry().key(), r.entry()) != null) {
                duplicates++;
            }
        }
        List<AcceptedEventLog.Entry> ready = new ArrayList<>();
        List<AcceptedEventLog.Entry> activities = new ArrayList<>();
        distinct.values().forEach(entry -> (directActivities.takes(entry) ? activities : ready).add(entry));
        Set<String> known;
        try {
            known = new HashSet<>(directActivities.publish(activities));
        } catch (UnavailableException e) {
            metrics.rejected(channel, "broker_unavailable");
            throw e;
        }
        known.addAll(acceptedEvents.append(ready));
        duplicates += known.size();
        int accepted = distinct.size() - known.size();
        int unattributed = 0;
        List<EventEnvelope> fresh = distinct.values().stream()
                .filter(entry -> !known.contains(entry.key()))
                .flatMap(entry -> entry.events().stream())
                .toList();
        unattributed += unattributed(fresh);
        // Objectives a CRM sets are kept where managers adjust and cancel them (once durable, never before).
        fresh.stream()
                .map(EventEnvelope::data)
                .filter(ObjectiveSet.class::isInstance)
                .forEach(objective -> applicationEvents.publishEvent(
                        new ObjectiveOwners.Ingested(channel, (ObjectiveSet) objective)));
        for (Inbound event : inbound) {
            AggregateLog.Applied applied;
            if (event instanceof Inbound.DealChange change) {
                applied = deals.apply(change.source(), change.eventId(), channel, change.update());
            } else if (event instanceof Inbound.Assembled<?> assembled) {
                applied = applyAssembled(channel, assembled);
            } else {
                continue;
            }
            if (applied.outcome() == AcceptedEventLog.Outcome.DUPLICATE) {
                duplicates++;
            } else {
                accepted++;
                unattributed += unattributed(applied.events());
            }
        }
        metrics.accepted(channel, accepted);
        metrics.duplicates(channel, duplicates);
        metrics.unattributed(channel, unattributed);
        return new IngestResult(accepted, duplicates);
    }
}
