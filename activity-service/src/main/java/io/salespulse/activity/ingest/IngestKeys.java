package io.salespulse.activity.ingest;

import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.ForbiddenException;
import io.salespulse.kit.web.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Authenticates the ingest API: {@code Authorization: Bearer <key>} with a configured per-source key (compared in
 * constant time), or a JWT with role {@code INGEST} whose subject names the source.
 */
@Component
public class IngestKeys {

    private final Map<String, String> keysBySource;
    private final java.util.Set<String> scoped;
    private final ObjectProvider<JwtDecoder> tokens;

    IngestKeys(IngestProperties properties, ObjectProvider<JwtDecoder> tokens) {
        this.keysBySource = properties.apiKeys();
        this.scoped = properties.scopes().keySet();
        this.tokens = tokens;
    }

    /** The source name of a valid key or token; otherwise a 401 (or 403 for a valid token without INGEST). */
    public String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("An ingest API key is required: Authorization: Bearer <key>.");
        }
        String credential = authorization.substring(7).trim();
        byte[] presented = credential.getBytes(StandardCharsets.UTF_8);
        String match = null;
        // Compare with every key, whatever matched, so timing tells nothing about which key is close.
        for (Map.Entry<String, String> entry : keysBySource.entrySet()) {
            if (!entry.getValue().isEmpty()
                    && MessageDigest.isEqual(presented, entry.getValue().getBytes(StandardCharsets.UTF_8))) {
                match = entry.getKey();
            }
        }
        if (match != null) {
            return match;
        }
        JwtDecoder decoder = tokens.getIfAvailable();
        if (decoder != null && credential.chars().filter(c -> c == '.').count() == 2) {
            Caller caller;
            try {
                caller = Caller.of(decoder.decode(credential));
            } catch (JwtException e) {
                throw new UnauthorizedException("The ingest API key is not valid.");
            }
            if (!caller.has(Caller.INGEST)) {
                throw new ForbiddenException("This token has no INGEST role.");
            }
            // The subject is the credential it speaks as: one configured (an API key's name or a scope), never one an
            // issuer made up, whose sources and limits nobody set.
            if (caller.subject() == null
                    || !keysBySource.containsKey(caller.subject()) && !scoped.contains(caller.subject())) {
                throw new ForbiddenException(
                        "This token's subject names no configured ingest credential (salespulse.ingest.scopes.<subject>).");
            }
            return caller.subject();
        }
        throw new UnauthorizedException("The ingest API key is not valid.");
    }
}
