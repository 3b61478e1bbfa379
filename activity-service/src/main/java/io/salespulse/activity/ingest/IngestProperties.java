package io.salespulse.activity.ingest;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion settings.
 *
 * @param maxBodySize the largest request body accepted (413 above)
 * @param apiKeys     ingest API keys by source name; the source name tags metrics and is never secret
 * @param rateLimit   events each source may send, per instance
 * @param historyHorizon  how old an event may be (default 3 years: backfills work, a mistyped year does not)
 * @param futureTolerance how far ahead of now an event may be dated (default 24 hours: clock skew, time zones)
 */
@ConfigurationProperties("salespulse.ingest")
public record IngestProperties(DataSize maxBodySize, Map<String, String> apiKeys, RateLimit rateLimit,
                               Duration historyHorizon, Duration futureTolerance) {

    public IngestProperties {
        historyHorizon = historyHorizon == null ? Duration.ofDays(3 * 365 + 1) : historyHorizon;
        futureTolerance = futureTolerance == null ? Duration.ofHours(24) : futureTolerance;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        rateLimit = rateLimit == null ? new RateLimit(0, 0) : rateLimit;
    }

    /**
     * A token bucket per source: {@code eventsPerSecond} sustained, bursts up to {@code burst} events.
     *
     * @param eventsPerSecond sustained rate (default 1000)
     * @param burst           bucket size (default 5000; a batch larger than this passes only when the bucket is full)
     */
    public record RateLimit(double eventsPerSecond, double burst) {

        public RateLimit {
            eventsPerSecond = eventsPerSecond <= 0 ? 1000 : eventsPerSecond;
            burst = burst <= 0 ? 5000 : burst;
        }
    }
}
