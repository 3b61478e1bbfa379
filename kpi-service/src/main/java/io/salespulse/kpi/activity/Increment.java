package io.salespulse.kpi.activity;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one event adds to one rep-day.
 *
 * @param countingId the id that makes it count once: the event id (with a suffix when one event touches two days)
 * @param repId      the rep
 * @param teamId     the rep's team when counted ({@code null} if the rep is not in the roster yet)
 * @param day        the day in the team's time zone
 * @param counters   what to add, by field: a {@link Counter} name, or a money or per-stage key (see {@link Measures})
 */
public record Increment(String countingId, String repId, String teamId, LocalDate day, Map<String, Long> counters) {

    String repDayKey() {
        return RepDayStore.key(repId, day);
    }
}
