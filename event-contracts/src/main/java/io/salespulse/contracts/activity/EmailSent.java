package io.salespulse.contracts.activity;

import java.time.Instant;

/**
 * A rep sent a sales email. Type {@code salespulse.email.sent.v1}.
 *
 * @param repId      the sender
 * @param dealId     the linked deal, if any
 * @param accountId  the customer account written to (a customer touch), if any
 * @param occurredAt when it was sent
 */
public record EmailSent(String repId, String dealId, String accountId, Instant occurredAt) implements ActivityEvent {

    /** An email linked to no customer account. */
    public EmailSent(String repId, String dealId, Instant occurredAt) {
        this(repId, dealId, null, occurredAt);
    }
}
