package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.coaching.signals.SignalStore;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import io.salespulse.testsupport.TwoTeams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * A director's heatmap of its teams' weak signals: counts by team and type against a week ago, no care signal ever
 * counted, no person named; the signals about a team itself, which its director may acknowledge (one about a person is
 * its manager's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class UnitSignalsIT {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TestConfiguration
    static class Overrides {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(NOW);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    SignalStore book;

    private void raise(SignalType type, SubjectKind kind, String subject, String rep, String team) {
        book.sync(
                type,
                subject,
                Optional.of(new Detection(type, kind, subject, Severity.WARNING, List.of(Evidence.of("days", 3)))),
                new SignalStore.Context(rep, team, "Someone"),
                null);
    }

    @Test
    void aDirectorSeesItsTeamsSignalsCountedNeverACareSignalAndAcknowledgesTheTeamsOwn() {
        String base = "http://localhost:" + port + "/api/v1";
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/one-on-one");
        // Team B: two silences ten days ago, one resolved two days ago.
        clock.set(NOW.minus(Duration.ofDays(10)));
        raise(SignalType.SILENCE, SubjectKind.REP, t.repB(), t.repB(), t.teamB());
        raise(SignalType.SILENCE, SubjectKind.REP, "other-" + t.repB(), "other-" + t.repB(), t.teamB());
        clock.set(NOW.minus(Duration.ofDays(2)));
        book.sync(
                SignalType.SILENCE,
                "other-" + t.repB(),
                Optional.empty(),
                new SignalStore.Context("other-" + t.repB(), t.teamB(), "Someone"),
                "Active again");
        // Team A, yesterday: the team's activity drop, a rep's silence, and a care signal (never counted).
        clock.set(NOW.minus(Duration.ofDays(1)));
        raise(SignalType.TEAM_ACTIVITY_DROP, SubjectKind.TEAM, t.teamA(), null, t.teamA());
        raise(SignalType.SILENCE, SubjectKind.REP, t.repA(), t.repA(), t.teamA());
        raise(SignalType.AFTER_HOURS_RISING, SubjectKind.REP, t.repA(), t.repA(), t.teamA());
        clock.set(NOW);

        String director = "Bearer " + TestTokens.director("dir-" + t.company(), t.company());
        Http.Answer answer = Http.get(base + "/units/" + t.company() + "/signals/heatmap", "Authorization", director);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode heatmap = answer.json();
        assertThat(heatmap.get("types").toString()).isEqualTo("[\"TEAM_ACTIVITY_DROP\",\"SILENCE\"]");
        assertThat(heatmap.get("totals").get("SILENCE").asLong()).isEqualTo(2);
        assertThat(heatmap.toString()).doesNotContain("AFTER_HOURS_RISING").doesNotContain(t.repB());
        JsonNode a = heatmap.get("teams").get(0);
        assertThat(a.get("teamId").asString()).isEqualTo(t.teamA());
        assertThat(a.get("total").asLong()).isEqualTo(2);
        assertThat(a.get("weekAgo").asLong()).isZero();
        JsonNode b = heatmap.get("teams").get(1);
        assertThat(b.get("open").get("SILENCE").asLong()).isEqualTo(1);
        assertThat(b.get("weekAgo").asLong()).isEqualTo(2);
        assertThat(a.get("teamSignals")).hasSize(1);
        String teamSignal = a.get("teamSignals").get(0).get("signalId").asString();

        // Unit A's director acknowledges the team's drop, not the rep's silence; not team B's anything.
        String unitA = "Bearer " + TestTokens.director("dir-" + t.unitA(), t.unitA());
        assertThat(Http.post(
                                base + "/signals/" + teamSignal + "/acknowledge",
                                "application/json",
                                "{\"note\":\"Vu\"}",
                                "Authorization",
                                unitA)
                        .status())
                .isEqualTo(200);
        String silence = Http.get(base + "/teams/" + t.teamA() + "/signals?type=SILENCE", "Authorization", unitA)
                .json()
                .get(0)
                .get("signalId")
                .asString();
        assertThat(Http.post(
                                base + "/signals/" + silence + "/acknowledge",
                                "application/json",
                                "{}",
                                "Authorization",
                                unitA)
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(base + "/units/" + t.unitB() + "/signals/heatmap", "Authorization", unitA)
                        .status())
                .isEqualTo(403);
        // The team's list read by its director leaves the care signal out, as leadership's does.
        assertThat(Http.get(base + "/teams/" + t.teamA() + "/signals", "Authorization", unitA)
                        .json()
                        .findValuesAsString("type"))
                .containsExactlyInAnyOrder("TEAM_ACTIVITY_DROP", "SILENCE");
    }
}
