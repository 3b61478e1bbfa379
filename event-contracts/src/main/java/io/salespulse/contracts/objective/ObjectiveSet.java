package io.salespulse.contracts.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A SMART objective was set (or replaced: the latest for an objective id wins).
 * Type {@code salespulse.objective.set.v1}.
 *
 * @param objectiveId the objective
 * @param scope       a rep's or a team's
 * @param scopeId     the rep id or team id
 * @param metric      what it counts
 * @param target      the figure to reach
 * @param currency    the currency of amount metrics, {@code null} for counts
 * @param periodStart first day, inclusive, in the team's time zone
 * @param periodEnd   last day, inclusive
 * @param occurredAt  when it was set
 */
public record ObjectiveSet(
        String objectiveId,
        ObjectiveScope scope,
        String scopeId,
        ObjectiveMetric metric,
        BigDecimal target,
        String currency,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant occurredAt)
        implements ObjectiveEvent {

    /** The longest period an objective may span (a SMART objective is time-bound): producers refuse longer ones. */
    public static final java.time.Period MAX_PERIOD = java.time.Period.ofYears(2);

    /** Whether the period is well formed: both days known, the end not before the start, at most {@link #MAX_PERIOD}. */
    public boolean hasBoundedPeriod() {
        return periodStart != null
                && periodEnd != null
                && !periodEnd.isBefore(periodStart)
                && !periodEnd.isAfter(periodStart.plus(MAX_PERIOD));
    }
}
