package io.salespulse.contracts.deal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal's expected close date moved. Type {@code salespulse.deal.close-date-moved.v1}.
 *
 * @param dealId     the deal
 * @param ownerRepId its owner
 * @param previous   the date before ({@code null} if it had none)
 * @param current    the date now
 * @param direction  pushed out, pulled in, or set for the first time
 * @param pushCount  how many times this deal's close date has been pushed out so far, this move included
 * @param occurredAt when it moved
 */
public record DealCloseDateMoved(
        String dealId,
        String ownerRepId,
        LocalDate previous,
        LocalDate current,
        CloseDateDirection direction,
        int pushCount,
        Instant occurredAt)
        implements DealEvent {}
