package io.salespulse.contracts.deal;

import io.salespulse.contracts.Money;
import java.time.Instant;

/**
 * A deal moved from one stage to another (forward or back). Won and lost deals also get {@link DealWon}
 * or {@link DealLost}. Type {@code salespulse.deal.stage-changed.v1}.
 *
 * @param dealId               the deal
 * @param ownerRepId           its owner
 * @param from                 the stage it left
 * @param to                   the stage it entered
 * @param daysInPreviousStage  whole days spent in {@code from}
 * @param amount               its amount now
 * @param occurredAt           when it moved
 */
public record DealStageChanged(
        String dealId,
        String ownerRepId,
        DealStage from,
        DealStage to,
        long daysInPreviousStage,
        Money amount,
        Instant occurredAt)
        implements DealEvent {

    /** Whether the move is towards a win (a move to {@link DealStage#LOST} is not). */
    public boolean movesForward() {
        return to != DealStage.LOST && to.ordinal() > from.ordinal();
    }
}
