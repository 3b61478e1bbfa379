package io.salespulse.contracts.objective;

import java.time.Instant;

/**
 * A manager cancelled an objective. Cancelling is final: the objective stops being counted and judged, its open
 * signals are resolved, and a later set or update for the same id is ignored.
 * Type {@code salespulse.objective.cancelled.v1}.
 *
 * @param objectiveId the objective
 * @param scope       a rep's or a team's
 * @param scopeId     the rep id or team id
 * @param cancelledBy who cancelled it (the manager's id)
 * @param reason      why, as the manager wrote it ({@code null} when not given)
 * @param occurredAt  when it was cancelled
 */
public record ObjectiveCancelled(
        String objectiveId, ObjectiveScope scope, String scopeId, String cancelledBy, String reason, Instant occurredAt)
        implements ObjectiveEvent {}
