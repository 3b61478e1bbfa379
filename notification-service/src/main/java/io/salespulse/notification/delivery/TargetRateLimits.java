package io.salespulse.notification.delivery;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} messages per second per target (Bucket4j): each bucket is refilled whole each second, so no
 * second ever holds more than the limit. Bounded by the targets in use: a bucket refilled whole is the same as a new
 * one, so once more than {@link #SWEEP_ABOVE} targets are held, the full ones are forgotten (a target called once and
 * never again does not stay for ever).
 */
final class TargetRateLimits {

    /** How many targets are held before the idle ones are swept. */
    static final int SWEEP_ABOVE = 1_000;

    private final Map<String, Held> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    private record Held(Bucket bucket, int limit) {}

    TargetRateLimits(TimeMeter time) {
        this.time = time;
    }

    /** Whether one more message may go to the target now. */
    boolean tryConsume(String target, int limit) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet()
                    .removeIf(entry -> entry.getValue().bucket().getAvailableTokens()
                            >= entry.getValue().limit());
        }
        return buckets.computeIfAbsent(
                        target,
                        key -> new Held(
                                Bucket.builder()
                                        .addLimit(bandwidth -> bandwidth
                                                .capacity(limit)
                                                .refillIntervally(limit, Duration.ofSeconds(1)))
                                        .withCustomTimePrecision(time)
                                        .build(),
                                limit))
                .bucket()
                .tryConsume(1);
    }

    /** How many targets are held. */
    int size() {
        return buckets.size();
    }
}
