package io.salespulse.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.kit.web.TooManyRequestsException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimitsTest {

    final AtomicLong nanos = new AtomicLong();
    final SourceRateLimits limits = new SourceRateLimits(new IngestProperties.RateLimit(10, 20), nanos::get);

    @Test
    void aSourceSpendsItsBurstThenWaitsForTheRefillWhileOthersKeepTheirs() {
        limits.charge("flood", 15);
        limits.charge("flood", 5);
        assertThatThrownBy(() -> limits.charge("flood", 3))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isEqualTo(1));
        limits.charge("calm", 20);

        nanos.addAndGet(300_000_000L); // 0.3 s: 3 events back
        limits.charge("flood", 3);
        assertThatThrownBy(() -> limits.charge("flood", 1)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aRefusedRequestTakesNothingAndRetryAfterSaysWhenItWouldPass() {
        limits.charge("s", 20);
        assertThatThrownBy(() -> limits.charge("s", 20))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isEqualTo(2));
        nanos.addAndGet(2_000_000_000L);
        limits.charge("s", 20);
    }

    @Test
    void aBatchLargerThanTheBurstPassesOnAFullBucket() {
        limits.charge("big", 1000);
        assertThatThrownBy(() -> limits.charge("big", 1)).isInstanceOf(TooManyRequestsException.class);
    }
}
