package io.salespulse.coaching.projection;

import io.salespulse.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal as the rules see it.
 *
 * @param dealId            the deal
 * @param open              still open
 * @param stage             its stage
 * @param stageSince        when it entered the stage
 * @param lastActivityAt    the last activity linked to it, or its last fact
 * @param pushes            how often its close date was pushed out
 * @param name              its name in the CRM, if known
 * @param amount            its amount, if known
 * @param expectedCloseDate its expected close date, if any
 */
public record DealView(
        String dealId,
        boolean open,
        String stage,
        Instant stageSince,
        Instant lastActivityAt,
        int pushes,
        String name,
        Money amount,
        LocalDate expectedCloseDate) {

    /** A deal known by its stage and times only. */
    public DealView(String dealId, boolean open, String stage, Instant stageSince, Instant lastActivityAt, int pushes) {
        this(dealId, open, stage, stageSince, lastActivityAt, pushes, null, null, null);
    }
}
