package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.signals.SignalEvaluator;
import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.OrgEvents;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * Most of a team dropping at once is one signal for the team: five SDRs, two of them dropping is two reps' drops; a
 * third one dropping raises TEAM_ACTIVITY_DROP (CRITICAL, 3 of 5), the third rep's drop is raised linked to it (told
 * with the team's, not on its own) and the first two are linked too. "Now" is Friday 27 November 2026, 12:00 UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class TeamActivityDropIT {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SignalEvaluator evaluator;

    @Autowired
    RosterStore roster;

    @Autowired
    io.salespulse.coaching.projection.CoachingFactsStore facts;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "drop-" + s;
    final String manager = "Bearer " + TestTokens.manager("mgr-" + s, team);

    /** 20 working days at 20 calls, then the last 5 at {@code recent}. */
    private List<EventEnvelope> days(String rep, long recent) {
        List<LocalDate> window = WorkingDays.ending(
                LocalDate.parse("2026-11-26"), 5, day -> day.getDayOfWeek().getValue() <= 5);
        List<LocalDate> base = WorkingDays.ending(
                window.get(0).minusDays(1), 20, day -> day.getDayOfWeek().getValue() <= 5);
        List<EventEnvelope> events = new ArrayList<>();
        for (LocalDate day : base) {
            events.add(day(rep, day, 20));
        }
        for (LocalDate day : window) {
            events.add(day(rep, day, recent));
        }
        return events;
    }

    private EventEnvelope day(String rep, LocalDate day, long calls) {
        return EventEnvelope.of(
                rep + "|" + day + "|" + calls,
                "/kpi",
                new RepDayKpisUpdated(rep, team, day, new DailyActivity(calls, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW));
    }

    private JsonNode open(String type) {
        return Http.get(
                        "http://localhost:" + port + "/api/v1/teams/" + team + "/signals?status=OPEN&type=" + type,
                        "Authorization",
                        manager)
                .json();
    }

    @Test
    void mostOfTheTeamDroppingIsOneSignalForTheTeamWithTheRepsDropsLinkedToIt() {
        List<String> reps = List.of("a-" + s, "b-" + s, "c-" + s, "d-" + s, "e-" + s);
        List<EventEnvelope> roster = new ArrayList<>();
        roster.add(OrgEvents.team(team, "Lyon", "Europe/Paris", Language.fr, List.of("mgr-" + s)));
        reps.forEach(rep -> roster.add(OrgEvents.sdr(rep, rep, team)));
        KafkaProbe.publish(roster.toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reps.stream().allMatch(rep -> this.roster.rep(rep).isPresent()));
        TeamChanged lyon = this.roster.team(team).orElseThrow();

        // A and B drop to a quarter; D and E hold; C has no history yet.
        List<EventEnvelope> first = new ArrayList<>();
        first.addAll(days(reps.get(0), 5));
        first.addAll(days(reps.get(1), 5));
        first.addAll(days(reps.get(3), 20));
        first.addAll(days(reps.get(4), 20));
        KafkaProbe.publish(first.toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> open("ACTIVITY_DROP").size() == 2);
        // Every day of the four in (until then, a rep whose last days have not come yet looks as if it dropped).
        await().atMost(Duration.ofSeconds(60))
                .until(() -> List.of(reps.get(0), reps.get(1), reps.get(3), reps.get(4)).stream()
                        .allMatch(rep -> facts.repDaysOf(rep) == 25));
        evaluator.evaluateTeam(lyon);
        assertThat(open("TEAM_ACTIVITY_DROP"))
                .as("two of four is not most of the team")
                .isEmpty();

        // C's weeks come in, dropping too: three of five.
        try (KafkaProbe signals = KafkaProbe.reading(Topics.SIGNALS)) {
            KafkaProbe.publish(days(reps.get(2), 4).toArray(EventEnvelope[]::new));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> open("TEAM_ACTIVITY_DROP").size() == 1);
            JsonNode teamDrop = open("TEAM_ACTIVITY_DROP").get(0);
            assertThat(teamDrop.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(teamDrop.get("subjectKind").asString()).isEqualTo("TEAM");
            assertThat(teamDrop.get("evidence").toString())
                    .contains("\"repsDropping\",\"value\":3", "\"repsMeasured\",\"value\":5");
            String teamSignal = teamDrop.get("signalId").asString();
            // C's drop was raised as part of it: told with the team's, not on its own.
            SignalRaised c = (SignalRaised) signals.awaitEvents(
                            e -> e.data() instanceof SignalRaised raised
                                    && raised.type() == SignalType.ACTIVITY_DROP
                                    && raised.repId().equals(reps.get(2)),
                            1,
                            Duration.ofSeconds(30))
                    .get(0)
                    .data();
            assertThat(c.linkedTo()).isEqualTo(teamSignal);
            // A's and B's drops, raised before, are linked to it now.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (JsonNode drop : open("ACTIVITY_DROP")) {
                    assertThat(drop.get("linkedTo").asString()).isEqualTo(teamSignal);
                }
            });
            assertThat(open("ACTIVITY_DROP")).hasSize(3);
        }
    }
}
