package io.salespulse.kit.work;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * When a polling loop (the outbox relay, the delivery dispatcher) next looks for work: at its next tick when it is
 * woken (work was just added in this process) or when its last look found some; after an empty look, later and later,
 * the wait doubling from one tick up to {@code most}, so an idle service looks once per {@code most} instead of at every
 * tick. Work added by another process is found within {@code most}. Thread-safe; the ticks themselves do no I/O.
 */
public final class IdleBackoff {

    private final long tickNanos;
    private final long mostNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean woken = new AtomicBoolean(true);
    private long wait;
    private long nextAt;

    public IdleBackoff(Duration tick, Duration most) {
        this(tick, most, System::nanoTime);
    }

    IdleBackoff(Duration tick, Duration most, LongSupplier nanoTime) {
        this.tickNanos = Math.max(1, tick.toNanos());
        this.mostNanos = Math.max(tickNanos, most.toNanos());
        this.nanoTime = nanoTime;
        this.nextAt = nanoTime.getAsLong();
    }

    /** Work was added: look at the next tick. */
    public void wake() {
        woken.set(true);
    }

    /**
     * Whether to look now. If so, a wake received from here on counts for the next look (work added while this one
     * runs is not missed).
     */
    public synchronized boolean due() {
        if (woken.getAndSet(false)) {
            return true;
        }
        return nanoTime.getAsLong() - nextAt >= 0;
    }

    /** What the look found: some work (look again at the next tick) or none (wait longer, up to the most). */
    public synchronized void looked(boolean found) {
        wait = found ? 0 : wait == 0 ? tickNanos : Math.min(wait * 2, mostNanos);
        nextAt = nanoTime.getAsLong() + wait;
    }

    /** How long it now waits between looks when idle (for tests and metrics). */
    public synchronized Duration waiting() {
        return Duration.ofNanos(wait);
    }
}
