package io.salespulse.kit.web;

/**
 * A part the request needs is away (the broker did not confirm in time): nothing of what failed was acknowledged, and
 * the caller should send it again. Answered 503 with {@code Retry-After}.
 */
public class UnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public UnavailableException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
