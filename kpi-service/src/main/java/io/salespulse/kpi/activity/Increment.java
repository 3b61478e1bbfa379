package io.salespulse.kpi.activity;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one event adds to one rep-day.
 *
 * @param repId     the rep
 * @param teamId    the rep's team when counted ({@code null} if the rep is not in the roster yet)
 * @param day       the day in the team's time zone
 * @param counters  what to add, by field: a {@link Counter} name, or a money or per-stage key (see {@link Measures})
 * @param partition the topic partition the event was read from ({@code null} until {@link #at} places it)
 * @param offset    its offset there: what makes it count once ({@link RepDayStore})
 */
public record Increment(
        String repId, String teamId, LocalDate day, Map<String, Long> counters, String partition, long offset) {

    /** What an event adds, not yet placed in the log. */
    public Increment(String repId, String teamId, LocalDate day, Map<String, Long> counters) {
        this(repId, teamId, day, counters, null, -1);
    }

    /** The same, read at this partition and offset. */
    public Increment at(String partition, long offset) {
        return new Increment(repId, teamId, day, counters, partition, offset);
    }

    /** The rep-day it adds to, as {@link RepDayStore} keys it. */
    public String repDayKey() {
        return RepDayStore.key(repId, day);
    }
}
