package io.salespulse.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place for request signatures, both ways: HMAC-SHA256, constant-time comparison, and the timestamp window a
 * signed request must fall in (CRM webhooks coming in, managers' webhooks going out).
 */
public final class Signatures {

    private Signatures() {}

    public static byte[] hmacSha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time: how long it takes tells nothing about how much matched. */
    public static boolean equal(byte[] expected, byte[] presented) {
        return presented != null && MessageDigest.isEqual(expected, presented);
    }

    /** Whether a signed request's time is within {@code tolerance} of now, on either side (clock skew). */
    public static boolean fresh(Instant sent, Instant now, Duration tolerance) {
        return Duration.between(sent, now).abs().compareTo(tolerance) <= 0;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
