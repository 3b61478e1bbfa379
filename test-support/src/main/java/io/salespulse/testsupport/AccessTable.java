package io.salespulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A service's endpoints and who may call them, checked row by row against the running service with real tokens:
 * no token and bad tokens (expired, without expiry, living too long, wrongly signed, foreign issuer, another audience or
 * none) get 401; a manager of team A reaching team B (by team, rep, signal or manager id) gets 403; leadership reads
 * all and writes nothing, and a manager holding leadership too writes only for its own teams; an admin writes; a
 * manager does not write what only admins may. {@link #coversEveryEndpoint} fails when an endpoint has no row.
 */
public final class AccessTable {

    /** Who may call an endpoint. */
    public enum Rule {
        /** Team-scoped read: managers of the team, leadership, admins. */
        TEAM_READ,
        /** A team-scoped read of one rep that the rep reads too (role REP, its own id only). */
        REP_READ,
        /**
         * What concerns a rep's well-being (care figures): the rep itself and the managers of its team; leadership and
         * admins get 403.
         */
        CARE_READ,
        /** What concerns a team's morale (its pulse): the managers of the team only; leadership and admins get 403. */
        CARE_TEAM_READ,
        /** What a rep alone reads (its own pulse answers): the rep itself; its manager, leadership and admins get 403. */
        REP_OWN_READ,
        /** Team-scoped manager action (e.g. acknowledge): managers of the team and admins. */
        TEAM_ACTION,
        /** A list every reader may ask for (managers, leadership, admins); what each sees in it is filtered by the endpoint, tested apart. */
        FILTERED_READ,
        /** A write whose records each name their team (an import): managers and admins 2xx, each record checked by the endpoint, tested apart. */
        FILTERED_WRITE,
        /** Roster and operations writes: admins only. */
        ADMIN_WRITE,
        /** A manager's own data (path {managerId}): itself; leadership reads; admins read and write. */
        OWN_READ,
        OWN_WRITE,
        /**
         * A unit's read (path {unitId}): its directors and those of the units above it, leadership, admins; a
         * director of a sibling unit, managers and reps get 403.
         */
        UNIT_READ,
        /** A director's action for its unit (its forecast call): its directors and admins; leadership 403. */
        UNIT_ACTION,
        /** What a rep does for itself (its forecast call): the rep, the managers of its team, admins. */
        REP_ACTION,
        /** Authenticated by its own credentials (ingest keys, CRM signatures): out of the token rules. */
        OWN_CREDENTIALS
    }

    /**
     * One endpoint.
     *
     * @param method  HTTP method
     * @param pattern the mapping, as the controller declares it
     * @param ownPath the path with ids of the manager's own team (or the manager itself)
     * @param otherPath the path with ids of the other team (or another manager)
     * @param body    the JSON body of a write (a valid one), or null
     * @param rule    who may call it
     */
    public record Row(String method, String pattern, String ownPath, String otherPath, String body, Rule rule) {}

    /** In a row's body: the team of the path it is sent to. */
    public static final String PATH_TEAM = "%PATH_TEAM%";

    private final String baseUrl;
    private final String manager;
    private final String team;
    private final List<Row> rows = new ArrayList<>();
    private String rep;
    private String directorUnit;
    private String companyUnit;

    /** @param manager a manager id whose token holds {@code team} only */
    public AccessTable(String baseUrl, String manager, String team) {
        this.baseUrl = baseUrl;
        this.manager = manager;
        this.team = team;
    }

    /**
     * A rep of {@code team}: its token reads the {@link Rule#REP_READ} rows' own paths (which must name this rep) and
     * nothing else: other rows, and another rep's paths, are 403.
     */
    public AccessTable rep(String repId) {
        this.rep = repId;
        return this;
    }

    /**
     * The units above the two teams: {@code ownUnit} holds the manager's team (the own paths), a sibling unit the other
     * team, {@code company} both. A director of {@code ownUnit} reads what its managers read on the own paths and gets
     * 403 on the other ones; a director of {@code company} reads both; no director writes but for its unit.
     */
    public AccessTable units(String ownUnit, String company) {
        this.directorUnit = ownUnit;
        this.companyUnit = company;
        return this;
    }

    public AccessTable row(String method, String pattern, String ownPath, String otherPath, String body, Rule rule) {
        rows.add(new Row(method, pattern, ownPath, otherPath, body, rule));
        return this;
    }

    /** Every mapped endpoint of the service (but OpenAPI and error pages) has a row. */
    public void coversEveryEndpoint(RequestMappingHandlerMapping mappings) {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.startsWith("/webhooks/")) {
                    info.getMethodsCondition()
                            .getMethods()
                            .forEach(method -> mapped.add(method.name() + " " + pattern));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row.method() + " " + row.pattern()));
        assertThat(covered).as("endpoints in the access table").isEqualTo(mapped);
    }

    /** Checks every row with every kind of caller. */
    public void check() {
        for (Row row : rows) {
            if (row.rule() == Rule.OWN_CREDENTIALS) {
                continue;
            }
            String own = baseUrl + row.ownPath();
            String other = baseUrl + row.otherPath();
            String what = row.method() + " " + row.pattern();
            List<String> roles = List.of("MANAGER");
            List<String> teams = List.of(team);
            assertThat(status(row, own, "")).as(what + " without a token").isEqualTo(401);
            assertThat(status(row, own, TestTokens.expired(manager, roles, teams)))
                    .as(what + " expired")
                    .isEqualTo(401);
            assertThat(status(row, own, TestTokens.wronglySigned(manager, roles, teams)))
                    .as(what + " wrongly signed")
                    .isEqualTo(401);
            assertThat(status(row, own, TestTokens.foreignIssuer(manager, roles, teams)))
                    .as(what + " foreign issuer")
                    .isEqualTo(401);
            assertThat(status(row, own, TestTokens.withoutExpiry(manager, roles, teams)))
                    .as(what + " without expiry")
                    .isEqualTo(401);
            assertThat(status(row, own, TestTokens.longLived(manager, roles, teams)))
                    .as(what + " living too long")
                    .isEqualTo(401);
            assertThat(status(row, own, TestTokens.forAudience("another-api", manager, roles, teams)))
                    .as(what + " another audience")
                    .isEqualTo(401);
            assertThat(status(row, own, TestTokens.forAudience(null, manager, roles, teams)))
                    .as(what + " without audience")
                    .isEqualTo(401);
            assertThat(status(row, own, "x.y.z")).as(what + " garbage").isEqualTo(401);

            String mine = TestTokens.manager(manager, team);
            String mineAndLeadership = TestTokens.token(manager, List.of("MANAGER", "LEADERSHIP"), List.of(team));
            int leadership = status(row, other, TestTokens.leadership());
            int admin = status(row, other, TestTokens.token("test-admin", List.of("ADMIN"), List.of()));
            if (rep != null) {
                String repToken = TestTokens.rep(rep, team);
                if (row.rule() == Rule.REP_READ
                        || row.rule() == Rule.CARE_READ
                        || row.rule() == Rule.REP_OWN_READ
                        || row.rule() == Rule.REP_ACTION) {
                    assertThat(status(row, own, repToken))
                            .as(what + " by the rep itself")
                            .isBetween(200, 299);
                    assertThat(status(row, other, repToken))
                            .as(what + " by a rep, of another rep")
                            .isEqualTo(403);
                } else {
                    assertThat(status(row, own, repToken))
                            .as(what + " by a rep")
                            .isEqualTo(403);
                }
            }
            if (directorUnit != null) {
                checkDirectors(row, own, other, what);
            }
            switch (row.rule()) {
                case UNIT_READ -> {
                    assertThat(status(row, own, mine))
                            .as(what + " by a manager")
                            .isEqualTo(403);
                    assertThat(leadership).as(what + " by leadership").isBetween(200, 299);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                case UNIT_ACTION -> {
                    assertThat(status(row, own, mine))
                            .as(what + " by a manager")
                            .isEqualTo(403);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                case REP_ACTION -> {
                    assertThat(status(row, other, mine))
                            .as(what + " by a manager of another team")
                            .isEqualTo(403);
                    assertThat(status(row, own, mine))
                            .as(what + " by the manager of the team")
                            .isBetween(200, 299);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                case TEAM_READ, REP_READ, OWN_READ -> {
                    assertThat(status(row, other, mine))
                            .as(what + " by a manager of another team")
                            .isEqualTo(403);
                    assertThat(status(row, own, mine))
                            .as(what + " by the manager of the team")
                            .isBetween(200, 299);
                    assertThat(leadership).as(what + " by leadership").isBetween(200, 299);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                case CARE_READ -> {
                    assertThat(status(row, other, mine))
                            .as(what + " by a manager of another team")
                            .isEqualTo(403);
                    assertThat(status(row, other, mineAndLeadership))
                            .as(what + " by a manager of another team, also leadership")
                            .isEqualTo(403);
                    assertThat(status(row, own, mine))
                            .as(what + " by the manager of the team")
                            .isBetween(200, 299);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isEqualTo(403);
                }
                case CARE_TEAM_READ -> {
                    assertThat(status(row, other, mine))
                            .as(what + " by a manager of another team")
                            .isEqualTo(403);
                    assertThat(status(row, own, mine))
                            .as(what + " by the manager of the team")
                            .isBetween(200, 299);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isEqualTo(403);
                }
                case REP_OWN_READ -> {
                    assertThat(status(row, own, mine))
                            .as(what + " by the rep's manager")
                            .isEqualTo(403);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isEqualTo(403);
                }
                case FILTERED_READ -> {
                    assertThat(status(row, own, mine))
                            .as(what + " by a manager")
                            .isBetween(200, 299);
                    assertThat(leadership).as(what + " by leadership").isBetween(200, 299);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                    assertThat(status(row, own, TestTokens.token("test-ingest", List.of("INGEST"), List.of())))
                            .as(what + " by an ingest token")
                            .isEqualTo(403);
                }
                case FILTERED_WRITE -> {
                    assertThat(status(row, own, mine))
                            .as(what + " by a manager")
                            .isBetween(200, 299);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                    assertThat(status(row, own, TestTokens.token("test-ingest", List.of("INGEST"), List.of())))
                            .as(what + " by an ingest token")
                            .isEqualTo(403);
                }
                case TEAM_ACTION -> {
                    assertThat(status(row, other, mine))
                            .as(what + " by a manager of another team")
                            .isEqualTo(403);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(status(row, other, mineAndLeadership))
                            .as(what + " by a manager of another team, also leadership")
                            .isEqualTo(403);
                    assertThat(status(row, own, mine))
                            .as(what + " by the manager of the team")
                            .isBetween(200, 299);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                case OWN_WRITE -> {
                    assertThat(status(row, other, mine))
                            .as(what + " by another manager")
                            .isEqualTo(403);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(status(row, other, mineAndLeadership))
                            .as(what + " by another manager, also leadership")
                            .isEqualTo(403);
                    assertThat(status(row, own, mine))
                            .as(what + " by the manager itself")
                            .isBetween(200, 299);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                case ADMIN_WRITE -> {
                    assertThat(status(row, own, mine))
                            .as(what + " by a manager")
                            .isEqualTo(403);
                    assertThat(status(row, own, mineAndLeadership))
                            .as(what + " by a manager, also leadership")
                            .isEqualTo(403);
                    assertThat(leadership).as(what + " by leadership").isEqualTo(403);
                    assertThat(admin).as(what + " by an admin").isBetween(200, 299);
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    /**
     * Directors: of the manager's team's unit, and of the company above both. A director reads a team's and a rep's
     * figures under its units (never its people's care, pulse or own answers, never a manager's own data), acts only
     * for its unit, and reaches nothing of a sibling unit.
     */
    private void checkDirectors(Row row, String own, String other, String what) {
        String director = TestTokens.director("test-director", directorUnit);
        String company = TestTokens.director("test-company-director", companyUnit);
        switch (row.rule()) {
            case TEAM_READ, REP_READ, UNIT_READ, FILTERED_READ -> {
                assertThat(status(row, own, director))
                        .as(what + " by a director of the unit")
                        .isBetween(200, 299);
                if (row.rule() != Rule.FILTERED_READ) {
                    assertThat(status(row, other, director))
                            .as(what + " by a director of a sibling unit")
                            .isEqualTo(403);
                    assertThat(status(row, other, company))
                            .as(what + " by a director of the unit above")
                            .isBetween(200, 299);
                }
            }
            case UNIT_ACTION -> {
                assertThat(status(row, other, director))
                        .as(what + " by a director of a sibling unit")
                        .isEqualTo(403);
                assertThat(status(row, own, director))
                        .as(what + " by a director of the unit")
                        .isBetween(200, 299);
            }
            default ->
                assertThat(status(row, own, director))
                        .as(what + " by a director of the unit")
                        .isEqualTo(403);
        }
    }

    private static int status(Row row, String url, String token) {
        String type = row.body() == null
                ? null
                : row.body().startsWith("{") || row.body().startsWith("[") ? "application/json" : "text/csv";
        return Http.send(
                        row.method(),
                        url,
                        type,
                        body(row, url),
                        "Authorization",
                        token.isEmpty() ? "" : "Bearer " + token)
                .status();
    }

    /** The row's body, {@value #PATH_TEAM} replaced by the team the path names (a write valid on both paths). */
    private static String body(Row row, String url) {
        if (row.body() == null || !row.body().contains(PATH_TEAM)) {
            return row.body();
        }
        String after = url.substring(url.indexOf("/teams/") + "/teams/".length());
        return row.body().replace(PATH_TEAM, after.contains("/") ? after.substring(0, after.indexOf('/')) : after);
    }
}
