package io.salespulse.contracts.kpi;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A rep's figures for one day changed (an event counted, late ones included).
 * Type {@code salespulse.kpi.rep-day-updated.v1}.
 *
 * @param repId      the rep
 * @param teamId     the rep's team when it was counted
 * @param day        the day, in the team's time zone
 * @param activity   the day's totals after the change
 * @param occurredAt when the figures changed
 */
public record RepDayKpisUpdated(String repId, String teamId, LocalDate day, DailyActivity activity, Instant occurredAt)
        implements KpiEvent {

    @Override
    public String partitionKey() {
        return repId;
    }
}
