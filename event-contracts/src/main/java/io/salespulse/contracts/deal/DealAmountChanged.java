package io.salespulse.contracts.deal;

import io.salespulse.contracts.Money;
import java.time.Instant;

/**
 * A deal's amount changed. Type {@code salespulse.deal.amount-changed.v1}.
 *
 * @param dealId     the deal
 * @param ownerRepId its owner
 * @param stage      its stage now
 * @param previous   the amount before ({@code null} when it was not known yet)
 * @param current    the amount now
 * @param occurredAt when it changed
 */
public record DealAmountChanged(
        String dealId, String ownerRepId, DealStage stage, Money previous, Money current, Instant occurredAt)
        implements DealEvent {}
