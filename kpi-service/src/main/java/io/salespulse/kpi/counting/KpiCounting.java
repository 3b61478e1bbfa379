package io.salespulse.kpi.counting;

import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.kafka.EventBatches.Consumed;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.accounts.AccountBook;
import io.salespulse.kpi.activity.ActivityCounting;
import io.salespulse.kpi.activity.Increment;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.changes.FigureChanges;
import io.salespulse.kpi.deals.DealCounting;
import io.salespulse.kpi.deals.DealProjection;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import io.salespulse.kpi.pipeline.DealMoves;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Counts a consumed batch of activities or deal facts into rep-days (each event once, whatever the redelivery),
 * keeps the deal view, then tells coaching-service which rep-days changed and re-evaluates the objectives they touch.
 */
@Service
public class KpiCounting {

    static final String SOURCE = "/kpi-service";

    private final RepDayStore repDays;
    private final RecentEventIds recent;
    private final FigureChanges changes;
    private final AccountBook accounts;
    private final DealProjection deals;
    private final DealMoves moves;
    private final RosterStore roster;
    private final EventPublisher publisher;
    private final ObjectiveTracker objectives;
    private final Clock clock;
    private final io.micrometer.core.instrument.Counter counted;

    KpiCounting(
            RepDayStore repDays,
            RecentEventIds recent,
            FigureChanges changes,
            AccountBook accounts,
            DealProjection deals,
            DealMoves moves,
            RosterStore roster,
            EventPublisher publisher,
            ObjectiveTracker objectives,
            Clock clock,
            MeterRegistry meters) {
        this.repDays = repDays;
        this.recent = recent;
        this.changes = changes;
        this.accounts = accounts;
        this.deals = deals;
        this.moves = moves;
        this.roster = roster;
        this.publisher = publisher;
        this.objectives = objectives;
        this.clock = clock;
        this.counted = io.micrometer.core.instrument.Counter.builder("salespulse.kpi.events.counted")
                .description("Events counted by kpi-service")
                .register(meters);
    }

    /**
     * Counts a consumed batch: each record at its partition and offset, once whatever the redelivery; a record the log
     * holds twice (published again with a new offset) is dropped first ({@link RecentEventIds}).
     */
    public void count(List<Consumed> batch) {
        RecentEventIds.Sorted sorted = recent.sort(batch);
        List<Consumed> consumed = sorted.firstTimes();
        Set<String> republished = new HashSet<>();
        // A duplicate counts nothing, but the rep-days its first copy touched publish again, as on a redelivery.
        sorted.duplicates().forEach(record -> republished.addAll(repDayKeys(record.event())));
        List<Increment> increments = new ArrayList<>();
        List<ActivityEvent> touches = new ArrayList<>();
        for (Consumed record : consumed) {
            EventEnvelope event = record.event();
            if (event.data() instanceof ActivityEvent activity) {
                ActivityCounting.increments(event, roster::zoneOf, this::teamOf)
                        .forEach(increment -> increments.add(increment.at(record.partition(), record.offset())));
                touches.add(activity);
            } else if (event.data() instanceof DealEvent fact) {
                DealCounting.increments(event, roster::zoneOf, this::teamOf)
                        .forEach(increment -> increments.add(increment.at(record.partition(), record.offset())));
                String owner = fact.ownerRepId() != null ? fact.ownerRepId() : ActivityEvent.UNATTRIBUTED;
                LocalDate day = fact.occurredAt().atZone(roster.zoneOf(owner)).toLocalDate();
                deals.apply(event, teamOf(owner), day);
                moves.record(event, teamOf(owner), day);
            }
            if (event.data() instanceof MeetingBooked meeting && meeting.dealId() != null) {
                creditSdr(event.id(), meeting);
            }
        }
        // Every rep-day the batch touches is published, even when all was counted before: the write may have
        // happened in a delivery that crashed before publishing. Update ids are deterministic, consumers dedupe.
        accounts.touched(touches);
        Set<String> touched = repDays.apply(increments);
        recent.remember(sorted);
        increments.forEach(increment -> changes.team(increment.teamId()));
        if (consumed.stream().anyMatch(record -> record.event().data() instanceof DealEvent)) {
            changes.anyTeam(); // a deal moves pipelines, forecasts and its owners' teams
        }
        touched.addAll(republished);
        counted.increment(consumed.size());
        if (!touched.isEmpty()) {
            List<RepDay> days = repDays.byKeys(touched);
            publisher.publishAll(days.stream().map(this::updated).toList());
            objectives.reevaluate(days);
        }
    }

    /**
     * A meeting an SDR booked on a deal credits the deal to the SDR (SDR-sourced pipeline), unless the CRM already named
     * who sourced it.
     */
    private void creditSdr(String eventId, MeetingBooked meeting) {
        boolean sdr = roster.rep(meeting.repId())
                .map(rep -> rep.role() == RepRole.SDR)
                .orElse(false);
        if (sdr && deals.attributeIfUnsourced(meeting.dealId(), meeting.repId())) {
            moves.recordSourcedByMeeting(
                    "sourced|" + eventId,
                    meeting.dealId(),
                    meeting.repId(),
                    teamOf(meeting.repId()),
                    meeting.occurredAt().atZone(roster.zoneOf(meeting.repId())).toLocalDate(),
                    meeting.occurredAt());
        }
    }

    private List<String> repDayKeys(EventEnvelope event) {
        List<Increment> increments = event.data() instanceof ActivityEvent
                ? ActivityCounting.increments(event, roster::zoneOf, this::teamOf)
                : event.data() instanceof DealEvent
                        ? DealCounting.increments(event, roster::zoneOf, this::teamOf)
                        : List.of();
        return increments.stream().map(Increment::repDayKey).toList();
    }

    private String teamOf(String repId) {
        return roster.teamOf(repId).map(TeamChanged::teamId).orElse(null);
    }

    private EventEnvelope updated(RepDay day) {
        // Deterministic id: a batch retried after a crash republishes the same update, which consumers ignore.
        String id = UUID.nameUUIDFromBytes(
                        (day.repId() + "|" + day.day() + "|" + day.version()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return EventEnvelope.of(
                id,
                SOURCE,
                new RepDayKpisUpdated(
                        day.repId(), day.teamId(), day.day(), day.activity(), day.hours(), clock.instant()));
    }
}
