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
 * @param dealClockSkew   how far ahead of now a deal update may be dated (default 5 minutes): a deal keeps its latest
 *                        update, so one dated in the future would hold it against every real one until then
 * @param scopes          what each credential (an ingest key's name, or an INGEST token's subject) may write
 */
@ConfigurationProperties("salespulse.ingest")
public record IngestProperties(
        DataSize maxBodySize,
        Map<String, String> apiKeys,
        RateLimit rateLimit,
        Duration historyHorizon,
        Duration futureTolerance,
        Duration dealClockSkew,
        Map<String, Scope> scopes) {

    public IngestProperties {
        dealClockSkew = dealClockSkew == null ? Duration.ofMinutes(5) : dealClockSkew;
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
        historyHorizon = historyHorizon == null ? Duration.ofDays(3 * 365 + 1) : historyHorizon;
        futureTolerance = futureTolerance == null ? Duration.ofHours(24) : futureTolerance;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        rateLimit = rateLimit == null ? new RateLimit(0, 0) : rateLimit;
    }

    /**
     * What one credential may write. Unset lists mean: sources {@code /<credential>} and below, every event type,
     * every deal.
     *
     * @param sources        the CloudEvents {@code source} values it may post: each matches itself and what is below
     *                       it ({@code /acme/dialer} matches {@code /acme/dialer} and {@code /acme/dialer/eu})
     * @param eventTypes     the CloudEvents types it may post
     * @param dealNamespaces prefixes every {@code dealId} it names must start with (e.g. {@code acme-})
     * @param crmDeals       the CRMs' deal namespaces ({@code hubspot-}, {@code pipedrive-}, {@code twenty-},
     *                       {@code salesforce-}) whose deals it may write (a backfill from that CRM); none by default:
     *                       a CRM's deal changes through that CRM's webhooks
     */
    public record Scope(
            java.util.List<String> sources,
            java.util.List<String> eventTypes,
            java.util.List<String> dealNamespaces,
            java.util.List<String> crmDeals) {

        public Scope {
            sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
            eventTypes = eventTypes == null ? java.util.List.of() : java.util.List.copyOf(eventTypes);
            dealNamespaces = dealNamespaces == null ? java.util.List.of() : java.util.List.copyOf(dealNamespaces);
            crmDeals = crmDeals == null ? java.util.List.of() : java.util.List.copyOf(crmDeals);
        }
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
