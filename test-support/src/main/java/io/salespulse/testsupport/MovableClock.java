package io.salespulse.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock the test moves (register it as the {@code @Primary} clock of a context). Between moves it runs at the
 * real pace, so what waits a few real seconds (rate limits, retries) still happens.
 */
public final class MovableClock extends Clock {

    private record Mark(Instant at, long nanos) {}

    private final AtomicReference<Mark> mark = new AtomicReference<>();

    public MovableClock(Instant start) {
        set(start);
    }

    /** Moves the clock to a time, from which it runs on. */
    public void set(Instant instant) {
        mark.set(new Mark(instant, System.nanoTime()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Mark m = mark.get();
        return m.at().plusNanos(System.nanoTime() - m.nanos());
    }
}
