package io.salespulse.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the bearer token: its subject, its roles ({@code MANAGER}, {@code LEADERSHIP}, {@code ADMIN},
 * {@code REP}, {@code INGEST}) and the teams a manager runs.
 *
 * @param subject the {@code sub} claim (a manager's id for managers, a rep's id for a rep)
 * @param roles   the {@code roles} claim
 * @param teams   the {@code teams} claim
 */
public record Caller(String subject, Set<String> roles, Set<String> teams) {

    public static final String MANAGER = "MANAGER";
    public static final String LEADERSHIP = "LEADERSHIP";
    public static final String ADMIN = "ADMIN";
    public static final String INGEST = "INGEST";
    /** A rep reading its own figures: the token's {@code sub} is the rep's id. */
    public static final String REP = "REP";

    /** The caller of the current request, if it presented a valid token. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token
                ? Optional.of(of(token.getToken()))
                : Optional.empty();
    }

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), strings(jwt.getClaim("roles")), strings(jwt.getClaim("teams")));
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return claim instanceof String value ? Set.of(value.split("[ ,]+")) : Set.of();
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** A rep and nothing more: it reads its own figures, through its own rep id, and nothing else. */
    public boolean isOnlyRep() {
        return has(REP) && !has(MANAGER) && !has(LEADERSHIP) && !has(ADMIN);
    }

    /** Reads every team: leadership and admins. */
    public boolean readsAll() {
        return has(LEADERSHIP) || has(ADMIN);
    }

    /** Whether this caller may read the team's data. */
    public boolean mayRead(String teamId) {
        return readsAll() || has(MANAGER) && teamId != null && teams.contains(teamId);
    }

    /**
     * Whether this caller may change the team's data: an admin, or a manager of the team. Leadership reads every
     * team and changes none, whatever other roles its token holds with it.
     */
    public boolean mayWrite(String teamId) {
        return has(ADMIN) || has(MANAGER) && teamId != null && teams.contains(teamId);
    }

    /**
     * Whether this caller may read what concerns a rep's well-being (its care signals and figures): a manager of the
     * rep's team, or the rep itself. Not leadership, not an admin as such: care is between a rep and its managers.
     */
    public boolean seesCareOf(String teamId, String repId) {
        return has(MANAGER) && teamId != null && teams.contains(teamId)
                || has(REP) && repId != null && repId.equals(subject);
    }

    /** The roles as Spring authorities are named. */
    List<String> authorities() {
        return roles.stream().map(role -> "ROLE_" + role).toList();
    }
}
