package io.salespulse.kpi.activity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.contracts.org.TeamChanged;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Counts activity events into rep-days and tells coaching-service which rep-days changed. */
@Service
public class ActivityKpis {

    static final String SOURCE = "/kpi-service";

    private final RepDayStore repDays;
    private final RosterStore roster;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Counter counted;

    ActivityKpis(RepDayStore repDays, RosterStore roster, EventPublisher publisher, Clock clock, MeterRegistry meters) {
        this.repDays = repDays;
        this.roster = roster;
        this.publisher = publisher;
        this.clock = clock;
        this.counted = Counter.builder("salespulse.kpi.events.counted").description("Activity events consumed by kpi-service").register(meters);
    }

    /** Counts a batch (each event once, whatever the redelivery) and publishes the changed rep-days. */
    public void count(List<EventEnvelope> events) {
        List<Increment> increments = new ArrayList<>();
        for (EventEnvelope event : events) {
            increments.addAll(ActivityCounting.increments(event, roster::zoneOf,
                    rep -> roster.teamOf(rep).map(TeamChanged::teamId).orElse(null)));
        }
        Set<String> changed = repDays.apply(increments);
        counted.increment(events.size());
        if (!changed.isEmpty()) {
            publisher.publishAll(repDays.byKeys(changed).stream().map(this::updated).toList());
        }
    }

    private EventEnvelope updated(RepDay day) {
        // Deterministic id: a batch retried after a crash republishes the same update, which consumers ignore.
        String id = UUID.nameUUIDFromBytes((day.repId() + "|" + day.day() + "|" + day.version()).getBytes(StandardCharsets.UTF_8)).toString();
        return EventEnvelope.of(id, SOURCE, new RepDayKpisUpdated(day.repId(), day.teamId(), day.day(), day.activity(), clock.instant()));
    }
}
