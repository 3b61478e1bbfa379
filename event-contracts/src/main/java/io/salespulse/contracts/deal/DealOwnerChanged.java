package io.salespulse.contracts.deal;

import java.time.Instant;

/**
 * A deal changed hands. Type {@code salespulse.deal.owner-changed.v1}.
 *
 * @param dealId          the deal
 * @param previousOwnerId the rep who owned it ({@code null} if unattributed)
 * @param ownerRepId      the rep who owns it now ({@code null} if unattributed)
 * @param occurredAt      when it changed
 */
public record DealOwnerChanged(String dealId, String previousOwnerId, String ownerRepId, Instant occurredAt)
        implements DealEvent {}
