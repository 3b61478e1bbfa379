package io.salespulse.contracts.kpi;

import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An objective's figures changed. Type {@code salespulse.kpi.objective-progressed.v1}.
 *
 * @param objectiveId    the objective
 * @param scope          a rep's or a team's
 * @param scopeId        the rep id or team id
 * @param teamId         the team it belongs to
 * @param metric         what it counts
 * @param target         the figure to reach
 * @param actual         the figure so far
 * @param attainment     actual / target
 * @param elapsed        working days elapsed / working days in the period
 * @param projection     actual / elapsed: the figure expected by the period's end at this pace ({@code null} before the first working day ends)
 * @param pace           attainment / elapsed ({@code null} likewise)
 * @param status         where it stands now
 * @param previousStatus where it stood before this change ({@code null} the first time)
 * @param occurredAt     when the figures changed
 */
public record ObjectiveProgressed(
        String objectiveId,
        ObjectiveScope scope,
        String scopeId,
        String teamId,
        ObjectiveMetric metric,
        BigDecimal target,
        BigDecimal actual,
        BigDecimal attainment,
        BigDecimal elapsed,
        BigDecimal projection,
        BigDecimal pace,
        ObjectiveStatus status,
        ObjectiveStatus previousStatus,
        Instant occurredAt)
        implements KpiEvent {

    @Override
    public String partitionKey() {
        return scope == ObjectiveScope.REP ? scopeId : teamId;
    }
}
