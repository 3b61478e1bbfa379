package io.salespulse.contracts.objective;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A manager adjusted an objective: its target or its period. It carries the whole definition as it now is (scope,
 * scope id, metric and currency never change), so a consumer replaces what it holds, the latest by {@code occurredAt}.
 * Type {@code salespulse.objective.updated.v1}.
 *
 * @param objectiveId the objective
 * @param scope       a rep's or a team's
 * @param scopeId     the rep id or team id
 * @param metric      what it counts
 * @param target      the figure to reach now
 * @param currency    the currency of amount metrics, {@code null} for counts
 * @param periodStart first day, inclusive
 * @param periodEnd   last day, inclusive
 * @param updatedBy   who adjusted it (the manager's id)
 * @param occurredAt  when it was adjusted
 */
public record ObjectiveUpdated(
        String objectiveId,
        ObjectiveScope scope,
        String scopeId,
        ObjectiveMetric metric,
        BigDecimal target,
        String currency,
        LocalDate periodStart,
        LocalDate periodEnd,
        String updatedBy,
        Instant occurredAt)
        implements ObjectiveEvent {

    /** The definition as it now is, in the form every consumer already keeps. */
    public ObjectiveSet definition() {
        return new ObjectiveSet(
                objectiveId, scope, scopeId, metric, target, currency, periodStart, periodEnd, occurredAt);
    }
}
