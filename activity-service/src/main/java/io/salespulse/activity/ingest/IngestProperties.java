package io.salespulse.activity.ingest;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion settings.
 *
 * @param maxBodySize the largest request body accepted (413 above)
 * @param apiKeys     ingest API keys by source name; the source name tags metrics and is never secret
 */
@ConfigurationProperties("salespulse.ingest")
public record IngestProperties(DataSize maxBodySize, Map<String, String> apiKeys) {

    public IngestProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
