package io.salespulse.activity.ingest;

import io.salespulse.kit.web.TooManyRequestsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per source (an ingest key's source, or a CRM), counted in events: a flood from one source is
 * answered 429 with {@code Retry-After} while the others go on. Per instance.
 */
@Component
public class SourceRateLimits {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    @Autowired
    SourceRateLimits(IngestProperties properties) {
        this(properties.rateLimit(), System::nanoTime);
    }

    SourceRateLimits(IngestProperties.RateLimit limit, LongSupplier nanos) {
        this.perSecond = limit.eventsPerSecond();
        this.burst = limit.burst();
        this.nanos = nanos;
    }

    /** Takes {@code events} from the source's bucket, or throws {@link TooManyRequestsException} and takes nothing. */
    public void charge(String source, int events) {
        double cost = Math.min(events, burst);
        // {tokens, last refill in nanos}
        double[] bucket = buckets.computeIfAbsent(source, key -> new double[] {burst, nanos.getAsLong()});
        synchronized (bucket) {
            long now = nanos.getAsLong();
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
            bucket[1] = now;
            if (bucket[0] < cost) {
                long retryAfter = (long) Math.ceil((cost - bucket[0]) / perSecond);
                throw new TooManyRequestsException("Source " + source.substring(source.indexOf(' ') + 1) + " is over its rate of " + (long) perSecond
                        + " events per second; retry later.", Math.max(1, retryAfter));
            }
            bucket[0] -= cost;
        }
    }
}
