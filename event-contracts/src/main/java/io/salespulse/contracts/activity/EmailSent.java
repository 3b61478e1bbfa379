package io.salespulse.contracts.activity;

import java.time.Instant;

/**
 * A rep sent a sales email. Type {@code salespulse.email.sent.v1}.
 *
 * @param repId      the sender
 * @param dealId     the linked deal, if any
 * @param occurredAt when it was sent
 */
public record EmailSent(String repId, String dealId, Instant occurredAt) implements ActivityEvent {}
