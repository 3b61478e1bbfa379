package io.salespulse.contracts.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A rep's figures for one day changed (an event counted, late ones included).
 * Type {@code salespulse.kpi.rep-day-updated.v1}.
 *
 * @param repId      the rep
 * @param teamId     the rep's team when it was counted
 * @param day        the day, in the team's time zone
 * @param activity   the day's totals after the change
 * @param hours      the day's calls, emails, meetings booked and meetings held by the hour of the team's zone they
 *                   happened in (24 counts, hour 0 first; {@code null} in figures counted before hours were kept):
 *                   counts only, never when within the hour
 * @param occurredAt when the figures changed
 */
public record RepDayKpisUpdated(
        String repId, String teamId, LocalDate day, DailyActivity activity, List<Long> hours, Instant occurredAt)
        implements KpiEvent {

    /** The hours of a day. */
    public static final int HOURS = 24;

    public RepDayKpisUpdated {
        if (hours != null && hours.size() != HOURS) {
            throw new IllegalArgumentException("hours must hold " + HOURS + " counts, not " + hours.size());
        }
        hours = hours == null ? null : List.copyOf(hours);
    }

    /** Figures without their hours. */
    public RepDayKpisUpdated(String repId, String teamId, LocalDate day, DailyActivity activity, Instant occurredAt) {
        this(repId, teamId, day, activity, null, occurredAt);
    }

    @Override
    public String partitionKey() {
        return repId;
    }
}
