package io.salespulse.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Issues tokens signed with a local RSA key, for the local run and the tests: in production an identity provider
 * issues them and services only know its issuer. Depends on nothing but nimbus-jose-jwt and the JDK: local-run loads
 * it without Spring Security, so it reads its PEM itself (the services read theirs with RsaKeyConverters).
 */
public final class TokenMint {

    private final RSAPrivateKey key;
    private final String issuer;

    private TokenMint(RSAPrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /**
     * The mint of the key pair in {@code folder} ({@code jwt-private.pem}, {@code jwt-public.pem}), created there
     * if absent, so tokens outlive a restart.
     */
    public static TokenMint inFolder(Path folder, String issuer) {
        try {
            Path privatePem = folder.resolve("jwt-private.pem");
            Path publicPem = folder.resolve("jwt-public.pem");
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                Files.createDirectories(folder);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(
                        privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            String body = Files.readString(privatePem)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new TokenMint(key, issuer);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot prepare the local token key in " + folder, e);
        }
    }

    /** The public key file services verify with. */
    public static Path publicKey(Path folder) {
        return folder.resolve("jwt-public.pem");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** The audience the services expect by default ({@code salespulse.security.jwt.audience}). */
    public static final String AUDIENCE = "salespulse";

    /** A token for {@code subject} with these roles and teams, valid for {@code validity} from now. */
    public String token(String subject, Collection<String> roles, Collection<String> teams, Duration validity) {
        return token(subject, roles, teams, Instant.now(), validity, issuer);
    }

    /** A director's token: its {@code units} claim names the units it leads. */
    public String token(
            String subject,
            Collection<String> roles,
            Collection<String> teams,
            Collection<String> units,
            Duration validity) {
        return token(subject, roles, teams, units, Instant.now(), validity, issuer, AUDIENCE);
    }

    /** A token issued at a given time by a given issuer (tests make expired and foreign ones with it). */
    public String token(
            String subject,
            Collection<String> roles,
            Collection<String> teams,
            Instant issuedAt,
            Duration validity,
            String issuer) {
        return token(subject, roles, teams, issuedAt, validity, issuer, AUDIENCE);
    }

    /**
     * Any token this key can sign: {@code validity} {@code null} for one without expiry, {@code audience}
     * {@code null} for one without audience (tests show both refused).
     */
    public String token(
            String subject,
            Collection<String> roles,
            Collection<String> teams,
            Instant issuedAt,
            Duration validity,
            String issuer,
            String audience) {
        return token(subject, roles, teams, List.of(), issuedAt, validity, issuer, audience);
    }

    private String token(
            String subject,
            Collection<String> roles,
            Collection<String> teams,
            Collection<String> units,
            Instant issuedAt,
            Duration validity,
            String issuer,
            String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .claim("roles", List.copyOf(roles))
                .claim("teams", List.copyOf(teams));
        if (!units.isEmpty()) {
            claims.claim("units", List.copyOf(units));
        }
        if (validity != null) {
            claims.expirationTime(Date.from(issuedAt.plus(validity)));
        }
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
