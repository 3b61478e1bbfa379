package io.salespulse.activity.ingest;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.salespulse.kit.web.Buckets;
import io.salespulse.kit.web.TooManyRequestsException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per source (an ingest key's source, or a CRM account), counted in events (Bucket4j): a flood from
 * one source is answered 429 with {@code Retry-After} while the others go on. Per instance.
 */
@Component
public class SourceRateLimits {

    private final long perSecond;
    private final long burst;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    SourceRateLimits(IngestProperties properties) {
        this(properties.rateLimit(), System::nanoTime);
    }

    SourceRateLimits(IngestProperties.RateLimit limit, LongSupplier nanos) {
        this.perSecond = Math.max(1, Math.round(limit.eventsPerSecond()));
        this.burst = Math.max(1, Math.round(limit.burst()));
        this.time = Buckets.time(nanos);
    }

    /** Takes {@code events} from the source's bucket, or throws {@link TooManyRequestsException} and takes nothing. */
    public void charge(String source, int events) {
        // A batch larger than the bucket passes when the bucket is full, and empties it.
        long cost = Math.min(events, burst);
        Bucket bucket = buckets.computeIfAbsent(
                source,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                        .withCustomTimePrecision(time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(cost);
        if (!probe.isConsumed()) {
            long retryAfter = (long) Math.ceil(probe.getNanosToWaitForRefill() / 1e9);
            throw new TooManyRequestsException(
                    "Source " + source.substring(source.indexOf(' ') + 1) + " is over its rate of " + perSecond
                            + " events per second; retry later.",
                    Math.max(1, retryAfter));
        }
    }
}
