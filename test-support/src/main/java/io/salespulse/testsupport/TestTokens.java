package io.salespulse.testsupport;

import io.salespulse.kit.security.TokenMint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tokens for tests: one key pair per test JVM, whose public key every {@link RealInfrastructure} context trusts,
 * issued by {@link #ISSUER}. {@link Http} sends {@link #admin()} unless a test says otherwise.
 */
public final class TestTokens {

    public static final String ISSUER = "salespulse-test";
    private static final Path FOLDER;
    private static final TokenMint MINT;

    static {
        try {
            FOLDER = Files.createTempDirectory("salespulse-test-jwt");
            MINT = TokenMint.inFolder(FOLDER, ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestTokens() {}

    /** Where the public key is, as a Spring resource location. */
    public static String publicKeyLocation() {
        return TokenMint.publicKey(FOLDER).toUri().toString();
    }

    /** A valid token for an hour. */
    public static String token(String subject, List<String> roles, List<String> teams) {
        return MINT.token(subject, roles, teams, Duration.ofHours(1));
    }

    /** An administrator who also reads everything: what functional tests call with. */
    public static String admin() {
        return token("test-admin", List.of("ADMIN", "LEADERSHIP"), List.of());
    }

    public static String manager(String managerId, String... teams) {
        return token(managerId, List.of("MANAGER"), List.of(teams));
    }

    /** A rep reading its own figures: {@code sub} is the rep's id. */
    public static String rep(String repId, String team) {
        return token(repId, List.of("REP"), List.of(team));
    }

    /** A director of these units: it reads every team under them. */
    public static String director(String directorId, String... units) {
        return MINT.token(directorId, List.of("DIRECTOR"), List.of(), List.of(units), Duration.ofHours(1));
    }

    public static String leadership() {
        return token("test-leadership", List.of("LEADERSHIP"), List.of());
    }

    /** Expired an hour ago. */
    public static String expired(String subject, List<String> roles, List<String> teams) {
        return MINT.token(subject, roles, teams, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), ISSUER);
    }

    /** Signed by our key, but naming another issuer. */
    public static String foreignIssuer(String subject, List<String> roles, List<String> teams) {
        return MINT.token(subject, roles, teams, Instant.now(), Duration.ofHours(1), "https://somebody-else.example");
    }

    /** Signed by our key, without an expiry. */
    public static String withoutExpiry(String subject, List<String> roles, List<String> teams) {
        return MINT.token(subject, roles, teams, Instant.now(), null, ISSUER, TokenMint.AUDIENCE);
    }

    /** Signed by our key, for another audience ({@code null}: none). */
    public static String forAudience(String audience, String subject, List<String> roles, List<String> teams) {
        return MINT.token(subject, roles, teams, Instant.now(), Duration.ofHours(1), ISSUER, audience);
    }

    /** Signed by our key, valid for longer than the services take. */
    public static String longLived(String subject, List<String> roles, List<String> teams) {
        return MINT.token(subject, roles, teams, Duration.ofDays(2));
    }

    /** Well formed, but signed by a key nobody trusts. */
    public static String wronglySigned(String subject, List<String> roles, List<String> teams) {
        try {
            return TokenMint.inFolder(Files.createTempDirectory("salespulse-other-jwt"), ISSUER)
                    .token(subject, roles, teams, Duration.ofHours(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
