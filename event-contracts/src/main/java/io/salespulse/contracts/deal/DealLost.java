package io.salespulse.contracts.deal;

import io.salespulse.contracts.Money;
import java.time.Instant;

/**
 * A deal was lost. Type {@code salespulse.deal.lost.v1}.
 *
 * @param dealId     the deal
 * @param ownerRepId its owner
 * @param amount     the amount that was at stake
 * @param lostFrom   the stage it was in when lost
 * @param reason     the CRM's lost reason, if any
 * @param occurredAt when it was lost
 */
public record DealLost(
        String dealId, String ownerRepId, Money amount, DealStage lostFrom, String reason, Instant occurredAt)
        implements DealEvent {}
