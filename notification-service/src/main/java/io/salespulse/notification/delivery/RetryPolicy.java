package io.salespulse.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What to do after an attempt: network errors, 5xx and 429 are retried with exponential backoff and jitter (429
 * honouring Retry-After up to 15 minutes) for up to 24 hours after the delivery was queued; other 4xx are permanent. Pure but for the
 * jitter, which callers may fix.
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

    private RetryPolicy() {
    }

    /** The outcome of one attempt. */
    public record Outcome(Kind kind, Instant retryAt, String detail) {

        public enum Kind {
            SENT,
            RETRY,
            FAILED
        }
    }

    /**
     * @param status     the HTTP status, or -1 for a network error or time-out
     * @param retryAfter the Retry-After header (seconds), if any
     * @param attempts   attempts made so far, this one included
     * @param queuedAt   when the delivery was queued
     * @param now        now
     * @param jitter     a factor in [0.8, 1.2] spreading retries
     */
    public static Outcome after(int status, String retryAfter, int attempts, Instant queuedAt, Instant now, double jitter) {
        return after(status, retryAfter, attempts, queuedAt, now, jitter, null);
    }

    /** As {@link #after(int, String, int, Instant, Instant, double)}, naming a network error ({@code null}: "unreachable"). */
    public static Outcome after(int status, String retryAfter, int attempts, Instant queuedAt, Instant now, double jitter,
                                String networkError) {
        return after(status, retryAfter, attempts, queuedAt, now, jitter, networkError, MAX_RETRY_AFTER);
    }

    /** As above, honouring a Retry-After up to {@code maxRetryAfter}. */
    public static Outcome after(int status, String retryAfter, int attempts, Instant queuedAt, Instant now, double jitter,
                                String networkError, Duration maxRetryAfter) {
        String failure = status < 0 ? (networkError == null ? "unreachable" : networkError) : "HTTP " + status;
        if (status >= 200 && status < 300 || status == 250) {
            return new Outcome(Outcome.Kind.SENT, null, status == 250 ? "SMTP 250" : "HTTP " + status);
        }
        boolean retryable = status < 0 || status >= 500 || status == 429;
        if (!retryable) {
            return new Outcome(Outcome.Kind.FAILED, null, "HTTP " + status + ": permanent");
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        delay = Duration.ofMillis((long) (delay.toMillis() * jitter));
        if (status == 429 && retryAfter != null) {
            try {
                long seconds = Long.parseLong(retryAfter.trim());
                delay = seconds < 0 ? delay : Duration.ofSeconds(Math.min(seconds, maxRetryAfter.toSeconds()));
            } catch (NumberFormatException ignored) {
                // an HTTP date or garbage: keep the backoff
            }
        }
        Instant at = now.plus(delay);
        if (at.isAfter(queuedAt.plus(GIVE_UP_AFTER))) {
            return new Outcome(Outcome.Kind.FAILED, null, failure + ": gave up after 24 hours");
        }
        return new Outcome(Outcome.Kind.RETRY, at, failure);
    }

    public static double jitter() {
        return 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    }
}
