package io.salespulse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.notification.delivery.senders.Attempt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant QUEUED = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void deliveredPermanentAndRetryableAttempts() {
        assertThat(RetryPolicy.after(Attempt.delivered("HTTP 200"), 1, QUEUED, QUEUED, 1)
                        .kind())
                .isEqualTo(RetryPolicy.Outcome.Kind.SENT);
        assertThat(RetryPolicy.after(Attempt.delivered("SMTP accepted"), 1, QUEUED, QUEUED, 1)
                        .detail())
                .isEqualTo("SMTP accepted");
        RetryPolicy.Outcome gone = RetryPolicy.after(Attempt.permanent("HTTP 410: permanent"), 1, QUEUED, QUEUED, 1);
        assertThat(gone.kind()).isEqualTo(RetryPolicy.Outcome.Kind.FAILED);
        assertThat(gone.detail()).isEqualTo("HTTP 410: permanent");
        assertThat(RetryPolicy.after(Attempt.retryable("HTTP 500"), 1, QUEUED, QUEUED, 1)
                        .retryAt())
                .isEqualTo(QUEUED.plusSeconds(1));
        assertThat(RetryPolicy.after(Attempt.retryable("unreachable"), 3, QUEUED, QUEUED, 1)
                        .retryAt())
                .isEqualTo(QUEUED.plusSeconds(4));
    }

    @Test
    void theReceiversOwnWaitIsHonouredUpToTheCap() {
        assertThat(RetryPolicy.after(Attempt.retryable("HTTP 429", Duration.ofSeconds(30)), 1, QUEUED, QUEUED, 1)
                        .retryAt())
                .isEqualTo(QUEUED.plusSeconds(30));
        assertThat(RetryPolicy.after(Attempt.retryable("HTTP 429"), 2, QUEUED, QUEUED, 1)
                        .retryAt())
                .isEqualTo(QUEUED.plusSeconds(2));
        // A receiver asking for a day is tried again at the cap: 15 minutes by default, or what is configured.
        assertThat(RetryPolicy.after(Attempt.retryable("HTTP 429", Duration.ofDays(1)), 1, QUEUED, QUEUED, 1)
                        .retryAt())
                .isEqualTo(QUEUED.plus(Duration.ofMinutes(15)));
        assertThat(RetryPolicy.after(
                                Attempt.retryable("HTTP 429", Duration.ofDays(1)),
                                1,
                                QUEUED,
                                QUEUED,
                                1,
                                Duration.ofHours(1))
                        .retryAt())
                .isEqualTo(QUEUED.plus(Duration.ofHours(1)));
    }

    @Test
    void backoffIsCappedAtAnHourAndGivesUpAfterADay() {
        assertThat(RetryPolicy.after(Attempt.retryable("HTTP 503"), 30, QUEUED, QUEUED, 1)
                        .retryAt())
                .isEqualTo(QUEUED.plusSeconds(3600));
        Instant late = QUEUED.plusSeconds(23 * 3600 + 1800);
        RetryPolicy.Outcome given = RetryPolicy.after(Attempt.retryable("HTTP 503"), 30, QUEUED, late, 1);
        assertThat(given.kind()).isEqualTo(RetryPolicy.Outcome.Kind.FAILED);
        assertThat(given.detail()).isEqualTo("HTTP 503: gave up after 24 hours");
        // Jitter spreads the retries of many deliveries.
        assertThat(RetryPolicy.after(Attempt.retryable("HTTP 500"), 2, QUEUED, QUEUED, 1.2)
                        .retryAt())
                .isEqualTo(QUEUED.plusMillis(2400));
    }
}
