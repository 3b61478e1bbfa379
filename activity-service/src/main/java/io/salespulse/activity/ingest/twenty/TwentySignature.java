package io.salespulse.activity.ingest.twenty;

import io.salespulse.kit.security.Signatures;
import io.salespulse.kit.web.UnauthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Twenty's webhook signature: {@code X-Twenty-Webhook-Signature} is the hex HMAC-SHA256, keyed with the webhook's
 * secret, of {@code <X-Twenty-Webhook-Timestamp>:<body>}; timestamps more than 5 minutes away are refused.
 */
final class TwentySignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private TwentySignature() {}

    static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(Signatures.hmacSha256(secret, Signatures.utf8(timestamp + ":"), body));
    }

    static void verify(String secret, byte[] body, String timestamp, String signature, Instant now) {
        if (secret == null || secret.isBlank()) {
            throw new UnauthorizedException("Twenty webhooks are not configured on this installation.");
        }
        if (timestamp == null || signature == null) {
            throw new UnauthorizedException("X-Twenty-Webhook-Signature and X-Twenty-Webhook-Timestamp are required.");
        }
        long value;
        try {
            value = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException("X-Twenty-Webhook-Timestamp must be epoch milliseconds.");
        }
        Instant sent = value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
        if (!Signatures.fresh(sent, now, TOLERANCE)) {
            throw new UnauthorizedException("The request timestamp is more than 5 minutes away from now.");
        }
        byte[] expected = Signatures.utf8(sign(secret, timestamp.trim(), body));
        if (!Signatures.equal(expected, Signatures.utf8(signature.trim().toLowerCase(java.util.Locale.ROOT)))) {
            throw new UnauthorizedException("The Twenty signature does not match.");
        }
    }
}
