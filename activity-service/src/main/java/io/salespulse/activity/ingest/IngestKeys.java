package io.salespulse.activity.ingest;

import io.salespulse.kit.web.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Checks ingest API keys ({@code Authorization: Bearer <key>}) in constant time; names the source a key belongs to. */
@Component
public class IngestKeys {

    private final Map<String, String> keysBySource;

    IngestKeys(IngestProperties properties) {
        this.keysBySource = properties.apiKeys();
    }

    /** The source name of a valid key; otherwise a 401. */
    public String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("An ingest API key is required: Authorization: Bearer <key>.");
        }
        byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        String match = null;
        // Compare with every key, whatever matched, so timing tells nothing about which key is close.
        for (Map.Entry<String, String> entry : keysBySource.entrySet()) {
            if (!entry.getValue().isEmpty()
                    && MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                match = entry.getKey();
            }
        }
        if (match == null) {
            throw new UnauthorizedException("The ingest API key is not valid.");
        }
        return match;
    }
}
