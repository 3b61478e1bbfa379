package io.salespulse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant QUEUED = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void successPermanentAndRetryableAnswers() {
        assertThat(RetryPolicy.after(200, null, 1, QUEUED, QUEUED, 1).kind()).isEqualTo(RetryPolicy.Outcome.Kind.SENT);
        assertThat(RetryPolicy.after(410, null, 1, QUEUED, QUEUED, 1).kind()).isEqualTo(RetryPolicy.Outcome.Kind.FAILED);
        assertThat(RetryPolicy.after(400, null, 1, QUEUED, QUEUED, 1).kind()).isEqualTo(RetryPolicy.Outcome.Kind.FAILED);
        assertThat(RetryPolicy.after(500, null, 1, QUEUED, QUEUED, 1).retryAt()).isEqualTo(QUEUED.plusSeconds(1));
        assertThat(RetryPolicy.after(-1, null, 3, QUEUED, QUEUED, 1).retryAt()).isEqualTo(QUEUED.plusSeconds(4));
    }

    @Test
    void tooManyRequestsHonoursRetryAfter() {
        assertThat(RetryPolicy.after(429, "30", 1, QUEUED, QUEUED, 1).retryAt()).isEqualTo(QUEUED.plusSeconds(30));
        assertThat(RetryPolicy.after(429, "soon", 2, QUEUED, QUEUED, 1).retryAt()).isEqualTo(QUEUED.plusSeconds(2));
        // A receiver asking for a day is tried again at the cap: 15 minutes by default, or what is configured.
        assertThat(RetryPolicy.after(429, "86400", 1, QUEUED, QUEUED, 1).retryAt()).isEqualTo(QUEUED.plus(java.time.Duration.ofMinutes(15)));
        assertThat(RetryPolicy.after(429, "86400", 1, QUEUED, QUEUED, 1, null, java.time.Duration.ofHours(1)).retryAt())
                .isEqualTo(QUEUED.plus(java.time.Duration.ofHours(1)));
    }

    @Test
    void backoffIsCappedAtAnHourAndGivesUpAfterADay() {
        assertThat(RetryPolicy.after(503, null, 30, QUEUED, QUEUED, 1).retryAt()).isEqualTo(QUEUED.plusSeconds(3600));
        Instant late = QUEUED.plusSeconds(23 * 3600 + 1800);
        assertThat(RetryPolicy.after(503, null, 30, QUEUED, late, 1).kind()).isEqualTo(RetryPolicy.Outcome.Kind.FAILED);
        // Jitter spreads the retries of many deliveries.
        assertThat(RetryPolicy.after(500, null, 2, QUEUED, QUEUED, 1.2).retryAt()).isEqualTo(QUEUED.plusMillis(2400));
    }
}
