package io.salespulse.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleBackoffTest {

    private final AtomicLong now = new AtomicLong();
    private final IdleBackoff backoff = new IdleBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), now::get);

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void anIdleLoopLooksLessAndLessOftenUpToTheMost() {
        assertThat(backoff.due()).as("the first tick looks").isTrue();
        backoff.looked(false);
        assertThat(backoff.waiting()).isEqualTo(Duration.ofMillis(100));
        backoff.looked(false);
        backoff.looked(false);
        backoff.looked(false);
        assertThat(backoff.waiting()).isEqualTo(Duration.ofMillis(800));
        backoff.looked(false);
        backoff.looked(false);
        assertThat(backoff.waiting()).isEqualTo(Duration.ofSeconds(1));
        advance(999);
        assertThat(backoff.due()).isFalse();
        advance(1);
        assertThat(backoff.due()).isTrue();
    }

    @Test
    void workFoundOrAddedBringsTheNextLookToTheNextTick() {
        backoff.due();
        for (int i = 0; i < 10; i++) {
            backoff.looked(false);
        }
        assertThat(backoff.due()).isFalse();
        backoff.wake();
        assertThat(backoff.due()).as("woken").isTrue();
        assertThat(backoff.due()).as("one wake, one look").isFalse();
        backoff.looked(true);
        assertThat(backoff.waiting()).isZero();
        assertThat(backoff.due()).as("work found: look again").isTrue();
    }

    @Test
    void aWakeDuringALookIsKeptForTheNext() {
        assertThat(backoff.due()).isTrue();
        backoff.wake(); // work added while this look runs
        backoff.looked(false);
        assertThat(backoff.due()).isTrue();
    }
}
