package io.salespulse.contracts.deal;

import io.salespulse.contracts.Money;
import java.time.Instant;

/**
 * A deal was won. Type {@code salespulse.deal.won.v1}.
 *
 * @param dealId     the deal
 * @param ownerRepId the rep credited
 * @param amount     the amount won
 * @param createdAt  when the deal was created (sales cycle = created to won)
 * @param occurredAt when it was won
 */
public record DealWon(String dealId, String ownerRepId, Money amount, Instant createdAt, Instant occurredAt)
        implements DealEvent {}
