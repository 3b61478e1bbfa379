package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.coaching.signals.Signal;
import io.salespulse.coaching.signals.SignalStatus;
import io.salespulse.coaching.signals.SignalStore;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.AccessTable;
import io.salespulse.testsupport.AccessTable.Rule;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TwoTeams;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what on coaching-service: every endpoint, every kind of caller (see {@link AccessTable}); a signal of
 * another team is refused by its id as by its team's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class CoachingSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    SignalStore book;

    @Autowired
    io.salespulse.kit.roster.RosterStore rosterStore;

    private String signalOf(String repId, String teamId) {
        book.recognise(
                new Detection(
                        SignalType.BIG_WIN,
                        SubjectKind.DEAL,
                        "deal-" + repId,
                        Severity.INFO,
                        List.of(Evidence.of("amount", 90000))),
                new SignalStore.Context(repId, teamId, "Rep"));
        return book.ofTeam(teamId, SignalStatus.OPEN, SignalType.BIG_WIN).stream()
                .map(Signal::signalId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void pagingReturnsEveryItemExactlyOnceAndRefusesABadLimitOrCursor() {
        String team = "team-paging-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        java.util.Set<String> raised = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            // Raised within the same few milliseconds: ties on the date are ordered by id.
            book.recognise(
                    new Detection(
                            SignalType.BIG_WIN,
                            SubjectKind.DEAL,
                            "deal-" + team + "-" + i,
                            Severity.INFO,
                            List.of(Evidence.of("amount", 90000 + i))),
                    new SignalStore.Context("rep-" + team, team, "Rep"));
        }
        book.ofTeam(team, null, null).forEach(signal -> raised.add(signal.signalId()));
        assertThat(raised).hasSize(7);
        List<String> seen = new java.util.ArrayList<>();
        String url = "http://localhost:" + port + "/api/v1/teams/" + team + "/signals?limit=3";
        int pages = 0;
        while (url != null) {
            io.salespulse.testsupport.Http.Answer page = io.salespulse.testsupport.Http.get(url);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(3);
            page.json().forEach(signal -> seen.add(signal.get("signalId").asString()));
            url = page.next();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(raised);
        String base = "http://localhost:" + port + "/api/v1/teams/" + team + "/signals";
        for (String bad : List.of("?limit=0", "?limit=501", "?cursor=not-a-cursor")) {
            io.salespulse.testsupport.Http.Answer refused = io.salespulse.testsupport.Http.get(base + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field"))
                    .containsExactly(bad.substring(1, bad.indexOf('=')));
        }
    }

    @Test
    void everyEndpointRefusesWhoMayNotCallIt() {
        String base = "http://localhost:" + port;
        TwoTeams t = TwoTeams.publish(base, "/api/v1/reps/{repId}/one-on-one");
        String sa = "/api/v1/signals/" + signalOf(t.repA(), t.teamA());
        String sb = "/api/v1/signals/" + signalOf(t.repB(), t.teamB());
        String oneOnOne = """
                {"heldOn":"%s","notes":"Point de la semaine","actionItems":[{"text":"Relancer Acme","owner":"REP"}]}""".formatted(java.time.LocalDate.now().minusDays(2));
        for (String rep : java.util.List.of(t.repA(), t.repB())) {
            assertThat(io.salespulse.testsupport.Http.put(
                                    base + "/api/v1/reps/" + rep + "/one-on-ones/o-" + rep, oneOnOne)
                            .status())
                    .isEqualTo(201);
        }
        // Rep A is an SDR, rep B an AE: a plan valid for both.
        String plan = """
                {"goals":[{"goalId":"g1","kind":"SKILL","title":"Objections","skill":"objection-handling",
                 "milestones":[{"text":"Role-play","due":"%s"}]}]}""".formatted(java.time.LocalDate.now().plusDays(30));
        for (String rep : java.util.List.of(t.repA(), t.repB())) {
            assertThat(io.salespulse.testsupport.Http.put(base + "/api/v1/reps/" + rep + "/plan", plan)
                            .status())
                    .isEqualTo(201);
        }
        // Both teams run the pulse, so that asking its question is a manager's action like any other.
        io.salespulse.testsupport.KafkaProbe.publish(
                io.salespulse.testsupport.OrgEvents.pulseTeam(
                        t.teamA(), "A", "Europe/Paris", io.salespulse.contracts.org.Language.fr, List.of(t.managerA())),
                io.salespulse.testsupport.OrgEvents.pulseTeam(
                        t.teamB(),
                        "B",
                        "America/New_York",
                        io.salespulse.contracts.org.Language.en,
                        List.of(t.managerB())));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> java.util.List.of(t.teamA(), t.teamB()).stream()
                        .allMatch(team -> rosterStore
                                .team(team)
                                .map(found -> found.careOrNone().runsPulse())
                                .orElse(false)));
        AccessTable table = new AccessTable(base, t.managerA(), t.teamA())
                .rep(t.repA())
                .units(t.unitA(), t.company())
                .row(
                        "GET",
                        "/api/v1/units/{unitId}/signals/heatmap",
                        "/api/v1/units/" + t.unitA() + "/signals/heatmap",
                        "/api/v1/units/" + t.unitB() + "/signals/heatmap",
                        null,
                        Rule.UNIT_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/plan",
                        "/api/v1/reps/" + t.repA() + "/plan",
                        "/api/v1/reps/" + t.repB() + "/plan",
                        null,
                        Rule.REP_READ)
                .row(
                        "PUT",
                        "/api/v1/reps/{repId}/plan",
                        "/api/v1/reps/" + t.repA() + "/plan",
                        "/api/v1/reps/" + t.repB() + "/plan",
                        plan,
                        Rule.TEAM_ACTION)
                .row(
                        "POST",
                        "/api/v1/reps/{repId}/plan/review",
                        "/api/v1/reps/" + t.repA() + "/plan/review",
                        "/api/v1/reps/" + t.repB() + "/plan/review",
                        "{}",
                        Rule.TEAM_ACTION)
                .row(
                        "POST",
                        "/api/v1/reps/{repId}/plan/goals/{goalId}/milestones/{milestoneId}/done",
                        "/api/v1/reps/" + t.repA() + "/plan/goals/g1/milestones/g1-1/done",
                        "/api/v1/reps/" + t.repB() + "/plan/goals/g1/milestones/g1-1/done",
                        "{}",
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/signals",
                        "/api/v1/teams/" + t.teamA() + "/signals",
                        "/api/v1/teams/" + t.teamB() + "/signals",
                        null,
                        Rule.TEAM_READ)
                .row("GET", "/api/v1/signals/{signalId}", sa, sb, null, Rule.TEAM_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/one-on-one",
                        "/api/v1/reps/" + t.repA() + "/one-on-one",
                        "/api/v1/reps/" + t.repB() + "/one-on-one",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "POST",
                        "/api/v1/signals/{signalId}/acknowledge",
                        sa + "/acknowledge",
                        sb + "/acknowledge",
                        "{\"note\":\"seen\"}",
                        Rule.TEAM_ACTION)
                .row(
                        "PUT",
                        "/api/v1/reps/{repId}/one-on-ones/{oneOnOneId}",
                        "/api/v1/reps/" + t.repA() + "/one-on-ones/o-" + t.repA(),
                        "/api/v1/reps/" + t.repB() + "/one-on-ones/o-" + t.repB(),
                        oneOnOne,
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/recognitions",
                        "/api/v1/reps/" + t.repA() + "/recognitions",
                        "/api/v1/reps/" + t.repB() + "/recognitions",
                        null,
                        Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/teams/{teamId}/pulse",
                        "/api/v1/teams/" + t.teamA() + "/pulse",
                        "/api/v1/teams/" + t.teamB() + "/pulse",
                        null,
                        Rule.CARE_TEAM_READ)
                .row(
                        "POST",
                        "/api/v1/teams/{teamId}/pulse/ask",
                        "/api/v1/teams/" + t.teamA() + "/pulse/ask",
                        "/api/v1/teams/" + t.teamB() + "/pulse/ask",
                        "{}",
                        Rule.TEAM_ACTION)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/pulse",
                        "/api/v1/reps/" + t.repA() + "/pulse",
                        "/api/v1/reps/" + t.repB() + "/pulse",
                        null,
                        Rule.REP_OWN_READ)
                .row(
                        "GET",
                        "/api/v1/pulse/{inviteId}",
                        "/api/v1/pulse/x?key=y",
                        "/api/v1/pulse/x?key=y",
                        null,
                        Rule.OWN_CREDENTIALS)
                .row(
                        "POST",
                        "/api/v1/pulse/{inviteId}/answer",
                        "/api/v1/pulse/x/answer",
                        "/api/v1/pulse/x/answer",
                        "{}",
                        Rule.OWN_CREDENTIALS)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/care",
                        "/api/v1/reps/" + t.repA() + "/care",
                        "/api/v1/reps/" + t.repB() + "/care",
                        null,
                        Rule.CARE_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/action-items",
                        "/api/v1/reps/" + t.repA() + "/action-items",
                        "/api/v1/reps/" + t.repB() + "/action-items",
                        null,
                        Rule.REP_READ)
                .row(
                        "GET",
                        "/api/v1/reps/{repId}/one-on-ones",
                        "/api/v1/reps/" + t.repA() + "/one-on-ones",
                        "/api/v1/reps/" + t.repB() + "/one-on-ones",
                        null,
                        Rule.TEAM_READ)
                .row(
                        "POST",
                        "/api/v1/reps/{repId}/one-on-ones/{oneOnOneId}/action-items/{itemId}/done",
                        "/api/v1/reps/" + t.repA() + "/one-on-ones/o-" + t.repA() + "/action-items/o-" + t.repA()
                                + "-1/done",
                        "/api/v1/reps/" + t.repB() + "/one-on-ones/o-" + t.repB() + "/action-items/o-" + t.repB()
                                + "-1/done",
                        null,
                        Rule.TEAM_ACTION);
        table.coversEveryEndpoint(mappings);
        table.check();
    }
}
