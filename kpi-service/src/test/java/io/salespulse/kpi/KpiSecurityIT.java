package io.salespulse.kpi;

import io.salespulse.testsupport.AccessTable;
import io.salespulse.testsupport.AccessTable.Rule;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TwoTeams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Who may call what on kpi-service: every endpoint, every kind of caller (see {@link AccessTable}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class KpiSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointRefusesWhoMayNotCallIt() {
        String base = "http://localhost:" + port;
        TwoTeams t = TwoTeams.publish(base, "/api/v1/reps/{repId}/kpis");
        String a = "/api/v1/teams/" + t.teamA();
        String b = "/api/v1/teams/" + t.teamB();
        String ra = "/api/v1/reps/" + t.repA();
        String rb = "/api/v1/reps/" + t.repB();
        AccessTable table = new AccessTable(base, t.managerA(), t.teamA())
                .rep(t.repA())
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/kpis",
                        a + "/kpis?period=week",
                        b + "/kpis?period=week",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/kpis",
                        ra + "/kpis?period=month",
                        rb + "/kpis?period=month",
                        null,
                        Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/objectives",
                        ra + "/objectives",
                        rb + "/objectives",
                        null,
                        Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/kpis/daily",
                        ra + "/kpis/daily?from=2026-11-01&to=2026-11-26",
                        rb + "/kpis/daily?from=2026-11-01&to=2026-11-26",
                        null,
                        Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/kpis/daily",
                        a + "/kpis/daily?from=2026-11-01&to=2026-11-26",
                        b + "/kpis/daily?from=2026-11-01&to=2026-11-26",
                        null,
                        Rule.TEAM_READ)
                .row("GET", "/api/v1/reps/{repId}/deals", ra + "/deals", rb + "/deals", null, Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/objectives",
                        a + "/objectives",
                        b + "/objectives",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/leaderboard",
                        a + "/leaderboard?metric=calls",
                        b + "/leaderboard?metric=calls",
                        null,
                        Rule.TEAM_READ)
                .row("GET", "/api/v1/teams/{teamId}/pipeline", a + "/pipeline", b + "/pipeline", null, Rule.TEAM_READ)
                .row("GET", "/api/v1/teams/{teamId}/deals", a + "/deals", b + "/deals", null, Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/pipeline/changes",
                        a + "/pipeline/changes",
                        b + "/pipeline/changes",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/pipeline/changes",
                        ra + "/pipeline/changes",
                        rb + "/pipeline/changes",
                        null,
                        Rule.REP_READ)
                .row("GET", "/api/v1/teams/{teamId}/funnel", a + "/funnel", b + "/funnel", null, Rule.TEAM_READ)
                .row("GET", "/api/v1/reps/{repId}/funnel", ra + "/funnel", rb + "/funnel", null, Rule.REP_READ)
                .row("GET", "/api/v1/teams/{teamId}/forecast", a + "/forecast", b + "/forecast", null, Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/forecast/accuracy",
                        a + "/forecast/accuracy",
                        b + "/forecast/accuracy",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "PUT",
                        "/api/v1/teams/{teamId}/forecast/call",
                        a + "/forecast/call",
                        b + "/forecast/call",
                        "{\"amount\":50000,\"currency\":\"EUR\"}",
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/retention",
                        a + "/retention",
                        b + "/retention",
                        null,
                        Rule.TEAM_READ)
                .row("GET", "/api/v1/teams/{teamId}/accounts", a + "/accounts", b + "/accounts", null, Rule.TEAM_READ)
                // A CSM reads its own accounts and figures, never another CSM's.
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/retention",
                        ra + "/retention?period=t12m",
                        rb + "/retention?period=t12m",
                        null,
                        Rule.REP_READ)
                .row("GET", "/api/v1/reps/{repId}/accounts", ra + "/accounts", rb + "/accounts", null, Rule.REP_READ)
                // Last: a rebuild replays the roster too.
                .row(
                        "POST",
                        "/api/v1/admin/rebuild",
                        "/api/v1/admin/rebuild",
                        "/api/v1/admin/rebuild",
                        null,
                        Rule.ADMIN_WRITE);
        table.coversEveryEndpoint(mappings);
        table.check();
    }
}
