package io.salespulse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.kit.web.Buckets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TargetRateLimitsTest {

    private final AtomicLong millis = new AtomicLong(1_000_000);
    private final TargetRateLimits limits =
            new TargetRateLimits(Buckets.time(() -> TimeUnit.MILLISECONDS.toNanos(millis.get())));

    @Test
    void aTargetGetsAtMostItsLimitEachSecond() {
        assertThat(limits.tryConsume("https://hooks.slack.com/a", 1)).isTrue();
        assertThat(limits.tryConsume("https://hooks.slack.com/a", 1)).isFalse();
        assertThat(limits.tryConsume("https://hooks.slack.com/b", 1)).isTrue();
        millis.addAndGet(1_000);
        assertThat(limits.tryConsume("https://hooks.slack.com/a", 1)).isTrue();
    }

    @Test
    void targetsCalledOnceAreForgottenOnceTheirSecondIsOver() {
        for (int i = 0; i < 5 * TargetRateLimits.SWEEP_ABOVE; i++) {
            assertThat(limits.tryConsume("https://hooks.example/" + i, 10)).isTrue();
            if (i % 500 == 0) {
                millis.addAndGet(1_000);
            }
        }
        // Never more than the sweep threshold and the targets of the last second.
        assertThat(limits.size()).isLessThanOrEqualTo(TargetRateLimits.SWEEP_ABOVE + 501);
        // A target still inside its second keeps its count through a sweep.
        for (int i = 0; i < 10; i++) {
            limits.tryConsume("https://hooks.example/busy", 10);
        }
        for (int i = 0; i < 2 * TargetRateLimits.SWEEP_ABOVE; i++) {
            limits.tryConsume("https://hooks.example/other-" + i, 10);
        }
        assertThat(limits.tryConsume("https://hooks.example/busy", 10)).isFalse();
    }
}
