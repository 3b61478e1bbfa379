package io.salespulse.notification.delivery;

import io.salespulse.notification.delivery.senders.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What to do after an attempt, whatever the channel: delivered is sent; permanent fails; retryable is tried again with
 * exponential backoff and jitter (the receiver's own {@code Retry-After} honoured up to {@code maxRetryAfter}) for up
 * to 24 hours after the delivery was queued. Pure but for the jitter, which callers may fix.
 */
public final class RetryPolicy {

    public static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofHours(1);
    /**
     * The longest Retry-After honoured by default ({@code salespulse.notifications.max-retry-after}): a receiver asking
     * for more is tried again after this.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

    private RetryPolicy() {}

    /** The outcome of one attempt. */
    public record Outcome(Kind kind, Instant retryAt, String detail) {

        public enum Kind {
            SENT,
            RETRY,
            FAILED
        }
    }

    /**
     * @param attempt       what the attempt came to
     * @param attempts      attempts made so far, this one included
     * @param queuedAt      when the delivery was queued
     * @param now           now
     * @param jitter        a factor in [0.8, 1.2] spreading retries
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     */
    public static Outcome after(
            Attempt attempt, int attempts, Instant queuedAt, Instant now, double jitter, Duration maxRetryAfter) {
        switch (attempt.result()) {
            case DELIVERED:
                return new Outcome(Outcome.Kind.SENT, null, attempt.detail());
            case PERMANENT:
                return new Outcome(Outcome.Kind.FAILED, null, attempt.detail());
            default:
                break;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        delay = Duration.ofMillis((long) (delay.toMillis() * jitter));
        if (attempt.retryAfter() != null) {
            delay = attempt.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : attempt.retryAfter();
        }
        Instant at = now.plus(delay);
        if (at.isAfter(queuedAt.plus(GIVE_UP_AFTER))) {
            return new Outcome(Outcome.Kind.FAILED, null, attempt.detail() + ": gave up after 24 hours");
        }
        return new Outcome(Outcome.Kind.RETRY, at, attempt.detail());
    }

    public static Outcome after(Attempt attempt, int attempts, Instant queuedAt, Instant now, double jitter) {
        return after(attempt, attempts, queuedAt, now, jitter, MAX_RETRY_AFTER);
    }

    public static double jitter() {
        return 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    }
}
