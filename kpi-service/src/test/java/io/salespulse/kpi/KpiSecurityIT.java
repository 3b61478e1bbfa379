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
                .units(t.unitA(), t.company())
                .row("GET", "/api/v1/rates", "/api/v1/rates", "/api/v1/rates", null, Rule.FILTERED_READ)
                .row(
                        "PUT",
                        "/api/v1/admin/rates",
                        "/api/v1/admin/rates",
                        "/api/v1/admin/rates",
                        "{\"rates\":[{\"from\":\"USD\",\"to\":\"EUR\",\"rate\":0.92,\"effectiveFrom\":\"2026-10-01\"}]}",
                        Rule.ADMIN_WRITE)
                .row(
                        "POST",
                        "/api/v1/admin/rates/import",
                        "/api/v1/admin/rates/import",
                        "/api/v1/admin/rates/import",
                        "from,to,rate,effectiveFrom\nGBP,EUR,1.17,2026-10-01\n",
                        Rule.ADMIN_WRITE)
                .row(
                        "GET",
                        "/api/v1/units/{unitId}/rollup",
                        "/api/v1/units/" + t.unitA() + "/rollup",
                        "/api/v1/units/" + t.unitB() + "/rollup",
                        null,
                        Rule.UNIT_READ)
                .row(
                        "GET",
                        "/api/v1/units/{unitId}/forecast",
                        "/api/v1/units/" + t.unitA() + "/forecast",
                        "/api/v1/units/" + t.unitB() + "/forecast",
                        null,
                        Rule.UNIT_READ)
                .row(
                        "PUT",
                        "/api/v1/units/{unitId}/forecast/call",
                        "/api/v1/units/" + t.unitA() + "/forecast/call",
                        "/api/v1/units/" + t.unitB() + "/forecast/call",
                        "{\"amount\":100000,\"currency\":\"EUR\"}",
                        Rule.UNIT_ACTION)
                .row(
                        "PUT",
                        "/api/v1/reps/{repId}/forecast/call",
                        ra + "/forecast/call",
                        rb + "/forecast/call",
                        "{\"amount\":20000,\"currency\":\"EUR\"}",
                        Rule.REP_ACTION)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/forecast/calls",
                        ra + "/forecast/calls",
                        rb + "/forecast/calls",
                        null,
                        Rule.REP_READ)
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
