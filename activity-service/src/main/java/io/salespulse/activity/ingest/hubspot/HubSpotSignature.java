package io.salespulse.activity.ingest.hubspot;

import io.salespulse.kit.security.Signatures;
import io.salespulse.kit.web.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * HubSpot's v3 request signature: {@code X-HubSpot-Signature-v3} is the Base64 HMAC-SHA256, keyed with the app's
 * client secret, of method + URI + body + {@code X-HubSpot-Request-Timestamp}; a timestamp more than 5 minutes old
 * is refused, so a captured request cannot be replayed later.
 */
final class HubSpotSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private HubSpotSignature() {}

    static String sign(String secret, String method, String uri, byte[] body, String timestamp) {
        return Base64.getEncoder()
                .encodeToString(Signatures.hmacSha256(
                        secret, Signatures.utf8(method), Signatures.utf8(uri), body, Signatures.utf8(timestamp)));
    }

    /** Passes a genuine, fresh request; otherwise 401, before anything of the body is read. */
    static void verify(
            String secret, String method, String uri, byte[] body, String timestamp, String signature, Instant now) {
        if (secret == null || secret.isBlank()) {
            throw new UnauthorizedException("HubSpot webhooks are not configured on this installation.");
        }
        if (timestamp == null || signature == null) {
            throw new UnauthorizedException("X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are required.");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException("X-HubSpot-Request-Timestamp must be epoch milliseconds.");
        }
        if (!Signatures.fresh(Instant.ofEpochMilli(millis), now, TOLERANCE)) {
            throw new UnauthorizedException("The request timestamp is more than 5 minutes away from now.");
        }
        byte[] expected = Signatures.utf8(sign(secret, method, uri, body, timestamp.trim()));
        if (!Signatures.equal(expected, Signatures.utf8(signature.trim()))) {
            throw new UnauthorizedException("The HubSpot signature does not match.");
        }
    }
}
