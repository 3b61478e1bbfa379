package io.salespulse.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting to be sent (now or at its due time). */
    QUEUED,
    /** Claimed by a sender. */
    SENDING,
    /** Delivered. */
    SENT,
    /** Gave up: a permanent error, or 24 hours of retries. */
    FAILED,
    /** Not sent, and why (below the minimum severity, resolved first, ...). */
    SUPPRESSED,
    /** Kept for the manager's daily digest. */
    DIGEST,
    /** Sent within a daily digest (the digest's own deliveries carry the sending). */
    DIGESTED,
    /**
     * Reached no channel, and why: the team has no manager, the manager has no preferences, or no channel they set can
     * be used (email while SMTP is not configured). Kept with the signal and routed when a manager or a channel appears;
     * suppressed if the signal is resolved first.
     */
    UNROUTABLE
}
