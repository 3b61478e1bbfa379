package io.salespulse.kit.security;

import io.salespulse.kit.roster.OrgTree;
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
 * Who is calling, from the bearer token: its subject, its roles ({@code MANAGER}, {@code DIRECTOR}, {@code LEADERSHIP},
 * {@code ADMIN}, {@code REP}, {@code INGEST}), the teams a manager runs and the units a director leads.
 *
 * @param subject the {@code sub} claim (a manager's id for managers, a rep's id for a rep)
 * @param roles   the {@code roles} claim
 * @param teams   the {@code teams} claim
 * @param units   the {@code units} claim: a director reads every team under these units (their subtrees)
 */
public record Caller(String subject, Set<String> roles, Set<String> teams, Set<String> units) {

    public static final String MANAGER = "MANAGER";
    /** Leads units of the organisation: reads every team under them, calls their forecast. */
    public static final String DIRECTOR = "DIRECTOR";

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
        return new Caller(
                jwt.getSubject(),
                strings(jwt.getClaim("roles")),
                strings(jwt.getClaim("teams")),
                strings(jwt.getClaim("units")));
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
        return has(REP) && !has(MANAGER) && !has(DIRECTOR) && !has(LEADERSHIP) && !has(ADMIN);
    }

    /** Reads every team: leadership and admins. */
    public boolean readsAll() {
        return has(LEADERSHIP) || has(ADMIN);
    }

    /** Whether this caller may read the team's data, as a manager of it or from leadership (not as its director). */
    public boolean mayRead(String teamId) {
        return readsAll() || has(MANAGER) && teamId != null && teams.contains(teamId);
    }

    /** Whether this caller may read the team's data: {@link #mayRead(String)}, or as a director of a unit above it. */
    public boolean mayRead(String teamId, OrgTree tree) {
        return mayRead(teamId) || directs(teamId, tree);
    }

    /** Whether this caller is a director of a unit the team sits under. */
    public boolean directs(String teamId, OrgTree tree) {
        return has(DIRECTOR) && teamId != null && tree.isTeamWithin(teamId, units);
    }

    /** Whether this caller reads a unit: leadership and admins, or a director of it or of a unit above it. */
    public boolean mayReadUnit(String unitId, OrgTree tree) {
        return readsAll() || directsUnit(unitId, tree);
    }

    /** Whether this caller is a director of the unit or of a unit above it. */
    public boolean directsUnit(String unitId, OrgTree tree) {
        return has(DIRECTOR) && unitId != null && tree.isWithin(unitId, units);
    }

    /**
     * The teams this caller reads ({@code null}: every team): a manager's own, and every team under a director's
     * units.
     */
    public Set<String> readableTeams(OrgTree tree) {
        if (readsAll()) {
            return null;
        }
        Set<String> readable = new java.util.TreeSet<>(has(MANAGER) ? teams : Set.of());
        if (has(DIRECTOR)) {
            units.forEach(unit -> readable.addAll(tree.teamsUnder(unit)));
        }
        return readable;
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
