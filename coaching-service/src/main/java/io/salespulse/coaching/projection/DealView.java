package io.salespulse.coaching.projection;

import java.time.Instant;

/**
 * A deal as the rules see it.
 *
 * @param dealId         the deal
 * @param open           still open
 * @param stage          its stage
 * @param stageSince     when it entered the stage
 * @param lastActivityAt the last activity linked to it, or its last fact
 * @param pushes         how often its close date was pushed out
 */
public record DealView(String dealId, boolean open, String stage, Instant stageSince, Instant lastActivityAt, int pushes) {
}
