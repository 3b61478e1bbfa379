package io.salespulse.activity.ingest.salesforce;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Salesforce Change Data Capture through the Pub/Sub API ({@code salespulse.crm.salesforce.cdc.*}); off unless
 * {@code enabled}. The connector signs in with the OAuth 2.0 client-credentials flow ({@code client-id},
 * {@code client-secret}) or, with a {@code username} and a {@code private-key-location} (PEM, PKCS#8), the JWT bearer
 * flow; subscribes to each topic ({@code /data/OpportunityChangeEvent}, {@code /data/TaskChangeEvent},
 * {@code /data/EventChangeEvent}, {@code /data/ContractChangeEvent} by default) asking for {@code batch} events at a time, and reconnects with a backoff
 * doubling up to {@code max-backoff}.
 *
 * @param loginUrl the org's login (or My Domain) URL the token endpoint hangs under
 * @param host     the Pub/Sub API's host ({@code api.pubsub.salesforce.com})
 * @param port     its port (7443)
 * @param plaintext no TLS (a test server only)
 * @param callTimeout how long a call the stream waits on may take (a schema fetch, 10 s): past it the stream is given
 *                    up and opened again after its stored position, so a server that does not answer holds nothing
 */
@ConfigurationProperties("salespulse.crm.salesforce.cdc")
public record CdcProperties(
        boolean enabled,
        String loginUrl,
        String clientId,
        String clientSecret,
        String username,
        String privateKeyLocation,
        String host,
        Integer port,
        boolean plaintext,
        List<String> topics,
        Integer batch,
        Duration maxBackoff,
        Duration callTimeout) {

    public CdcProperties {
        host = host == null || host.isBlank() ? "api.pubsub.salesforce.com" : host;
        port = port == null ? 7443 : port;
        topics = topics == null || topics.isEmpty()
                ? List.of(
                        "/data/OpportunityChangeEvent",
                        "/data/TaskChangeEvent",
                        "/data/EventChangeEvent",
                        "/data/ContractChangeEvent")
                : List.copyOf(topics);
        batch = batch == null || batch < 1 ? 100 : Math.min(batch, 1000);
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        callTimeout = callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()
                ? Duration.ofSeconds(10)
                : callTimeout;
    }
}
