package io.salespulse.kpi.activity;

import io.salespulse.contracts.kpi.DailyActivity;
import java.time.LocalDate;
import java.util.Map;

/**
 * A rep's counted figures for one day of the team's time zone.
 *
 * @param repId    the rep
 * @param teamId   the team it was counted for ({@code null} if the rep was not in the roster then)
 * @param day      the day
 * @param counters every counter by key (see {@link Measures}); absent means 0
 * @param version  how many events have been counted into it (it only grows)
 */
public record RepDay(String repId, String teamId, LocalDate day, Map<String, Long> counters, int version) {

    public long get(String key) {
        return counters.getOrDefault(key, 0L);
    }

    public long get(Counter counter) {
        return get(counter.name());
    }

    /** The day's activities by hour of the team's zone (24 counts, hour 0 first), as published to coaching-service. */
    public java.util.List<Long> hours() {
        java.util.List<Long> hours = new java.util.ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            hours.add(get(Measures.hour(hour)));
        }
        return hours;
    }

    /** The activity counts, as published to coaching-service. */
    public DailyActivity activity() {
        return new DailyActivity(
                get(Counter.calls),
                get(Counter.connectedCalls),
                get(Counter.talkTimeSeconds),
                get(Counter.emails),
                get(Counter.meetingsBooked),
                get(Counter.meetingsScheduled),
                get(Counter.meetingsHeld),
                get(Counter.dealsCreated),
                get(Counter.dealsAdvanced),
                get(Counter.dealsWon),
                get(Counter.dealsLost));
    }
}
