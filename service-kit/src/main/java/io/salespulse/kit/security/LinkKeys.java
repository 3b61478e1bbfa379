package io.salespulse.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The keys of links that open something without a session (a team's wall, a rep's pulse question): 256 random bits,
 * given once in the link, kept only as their SHA-256, and compared on it in constant time.
 */
public final class LinkKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkKeys() {}

    /** A new key: 256 random bits, base64url without padding. */
    public static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What is kept of a key: its SHA-256, in hex. */
    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a key given is the one kept as {@code keptHash} (false for none), in constant time. */
    public static boolean matches(String key, String keptHash) {
        return key != null
                && keptHash != null
                && MessageDigest.isEqual(
                        keptHash.getBytes(StandardCharsets.US_ASCII), hash(key).getBytes(StandardCharsets.US_ASCII));
    }
}
