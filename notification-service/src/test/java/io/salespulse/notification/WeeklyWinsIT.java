package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.OrgEvents;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The weekly wins ritual: on the team's first working morning (Monday 30 November 2026, 09:00 in Paris; the clock moved
 * by the test) the team's channel (a local Slack stand-in) gets last week's wins in the team's language: the deals won
 * as a team, its reps' recognitions of the week of 23 November, never a weak or a care signal, never a rep who would
 * rather not be posted; once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.notifications.digest-check-ms=300")
@RealInfrastructure
@Import(DigestClock.class)
class WeeklyWinsIT {

    static final MovableClock CLOCK = DigestClock.CLOCK;
    static final SlackRecorder SLACK = SlackRecorder.start();

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private static SignalRaised signal(
            String id, SignalType type, String rep, String team, String at, Evidence... evidence) {
        return new SignalRaised(
                id,
                type,
                rep == null ? SubjectKind.OBJECTIVE : SubjectKind.REP,
                rep == null ? "obj-" + id : rep,
                rep,
                team,
                type.isPositive() ? Severity.INFO : Severity.WARNING,
                List.of(evidence),
                Map.of(Language.fr, "Bravo.", Language.en, "Well done."),
                Instant.parse(at));
    }

    private List<JsonNode> wins() {
        return SLACK.bodies().stream()
                .map(body -> EventCodec.mapper().readTree(body))
                .filter(json -> json.get("text").asString().startsWith("🏆"))
                .toList();
    }

    @Test
    void lastWeeksWinsArePostedOnTheFirstWorkingMorningWithoutTheRepWhoOptedOut() {
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String manager = "mgr-" + s;
        String lea = "lea-" + s;
        String hugo = "hugo-" + s;
        KafkaProbe.publish(
                OrgEvents.team(team, "Lyon", "Europe/Paris", Language.fr, List.of(manager)),
                OrgEvents.sdr(lea, "Léa Martin", team),
                OrgEvents.sdr(hugo, "Hugo Bernard", team));
        String token = "Bearer " + TestTokens.manager(manager, team);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(url("/reps/" + hugo + "/celebrations"), "Authorization", token)
                                .status()
                        == 200);
        assertThat(Http.put(
                                url("/teams/" + team + "/celebrations"),
                                """
                {"enabled":true,"slackWebhookUrl":"http://127.0.0.1:%d/slack"}""".formatted(SLACK.port()),
                                "Authorization",
                                token)
                        .status())
                .isEqualTo(200);
        assertThat(Http.put(url("/reps/" + hugo + "/celebrations"), "{\"publicPosts\":false}", "Authorization", token)
                        .status())
                .isEqualTo(200);

        KafkaProbe.publish(
                // Last week (23-29 November): Léa's big win and development goal, Hugo's personal best (he would
                // rather not be posted), the team's objective reached; a weak and a care signal of Léa's.
                EventEnvelope.of(
                        "w1-" + s,
                        "/coaching-service",
                        signal(
                                "win-" + s,
                                SignalType.BIG_WIN,
                                lea,
                                team,
                                "2026-11-24T15:00:00Z",
                                Evidence.of("amount", new BigDecimal("68000")))),
                EventEnvelope.of(
                        "w2-" + s,
                        "/coaching-service",
                        signal(
                                "goal-" + s,
                                SignalType.PLAN_GOAL_REACHED,
                                lea,
                                team,
                                "2026-11-26T09:00:00Z",
                                Evidence.of("value", new BigDecimal("0.31")))),
                EventEnvelope.of(
                        "w3-" + s,
                        "/coaching-service",
                        signal(
                                "best-" + s,
                                SignalType.PERSONAL_BEST,
                                hugo,
                                team,
                                "2026-11-27T09:00:00Z",
                                Evidence.of("weekTotal", 142))),
                EventEnvelope.of(
                        "w4-" + s,
                        "/coaching-service",
                        signal(
                                "obj-" + s,
                                SignalType.OBJECTIVE_ACHIEVED,
                                null,
                                team,
                                "2026-11-27T10:00:00Z",
                                Evidence.of("milestone", BigDecimal.ONE))),
                EventEnvelope.of(
                        "w5-" + s,
                        "/coaching-service",
                        signal(
                                "drop-" + s,
                                SignalType.ACTIVITY_DROP,
                                lea,
                                team,
                                "2026-11-25T09:00:00Z",
                                Evidence.of("ratio", new BigDecimal("0.3")))),
                EventEnvelope.of(
                        "w6-" + s,
                        "/coaching-service",
                        signal(
                                "late-" + s,
                                SignalType.AFTER_HOURS_RISING,
                                lea,
                                team,
                                "2026-11-25T09:00:00Z",
                                Evidence.of("afterHoursShare", new BigDecimal("0.4")))),
                // The week before: not last week's news.
                EventEnvelope.of(
                        "w7-" + s,
                        "/coaching-service",
                        signal(
                                "old-" + s,
                                SignalType.BIG_WIN,
                                lea,
                                team,
                                "2026-11-17T15:00:00Z",
                                Evidence.of("amount", new BigDecimal("9000")))),
                // The deals the team won last week: two by Léa, one by Hugo.
                EventEnvelope.of(
                        "k1-" + s,
                        "/kpi-service",
                        new RepDayKpisUpdated(
                                lea,
                                team,
                                LocalDate.parse("2026-11-24"),
                                new DailyActivity(10, 3, 0, 0, 0, 0, 0, 0, 0, 2, 0),
                                Instant.parse("2026-11-24T17:00:00Z"))),
                EventEnvelope.of(
                        "k2-" + s,
                        "/kpi-service",
                        new RepDayKpisUpdated(
                                hugo,
                                team,
                                LocalDate.parse("2026-11-26"),
                                new DailyActivity(10, 3, 0, 0, 0, 0, 0, 0, 0, 1, 0),
                                Instant.parse("2026-11-26T17:00:00Z"))));
        // The instant celebrations come first (Léa's win, the team's objective): the wins were received.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.bodies().stream().anyMatch(body -> body.contains("Lyon atteint 100")));

        // Monday 08:30 in Paris: not yet.
        CLOCK.set(Instant.parse("2026-11-30T07:30:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> wins().isEmpty());
        // 09:01: posted, once.
        CLOCK.set(Instant.parse("2026-11-30T08:01:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> wins().size() == 1);
        String text = wins().get(0).get("text").asString();
        assertThat(text)
                .startsWith("🏆 Lyon : les réussites de la semaine dernière (semaine du lun. 23 nov.)")
                .contains(
                        "3 affaires signées en équipe",
                        "Belle signature de Léa Martin",
                        "Objectif de développement atteint par Léa Martin",
                        "Lyon atteint 100 % de son objectif")
                .doesNotContain("Hugo", "Baisse", "soir", "9000", "68000");
        assertThat(wins().get(0).toString()).contains("Bravo à toutes et à tous");
        CLOCK.set(Instant.parse("2026-11-30T10:00:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> wins().size() == 1);
        assertThat(Http.get(url("/managers/" + manager + "/notifications"), "Authorization", token)
                        .status())
                .isEqualTo(200);
    }
}
