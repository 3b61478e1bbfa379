package io.salespulse.notification.delivery.senders;

import java.time.Duration;

/**
 * What one attempt to send came to, whatever the channel: delivered, worth retrying (with the receiver's own wait,
 * if it gave one), or never to be retried. The retry policy decides from this alone.
 *
 * @param result     the kind of outcome
 * @param detail     what the delivery log shows ({@code HTTP 200}, {@code timed out}, {@code SMTP accepted}...)
 * @param retryAfter how long the receiver asked to wait ({@code Retry-After}), or {@code null}
 */
public record Attempt(Result result, String detail, Duration retryAfter) {

    public enum Result {
        DELIVERED,
        RETRYABLE,
        PERMANENT
    }

    public static Attempt delivered(String detail) {
        return new Attempt(Result.DELIVERED, detail, null);
    }

    public static Attempt retryable(String detail) {
        return new Attempt(Result.RETRYABLE, detail, null);
    }

    public static Attempt retryable(String detail, Duration retryAfter) {
        return new Attempt(Result.RETRYABLE, detail, retryAfter);
    }

    public static Attempt permanent(String detail) {
        return new Attempt(Result.PERMANENT, detail, null);
    }
}
