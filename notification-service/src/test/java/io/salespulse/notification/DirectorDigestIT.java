package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A director's weekly digest on Monday at 08:30 in its zone (clock moved by the test), to a local Slack stand-in, in
 * French: each team under its unit last week against the week before, the quarter against quota from the team's
 * weekly review, and the team whose open weak signals grew over the week (counts, no name, the care signal not
 * counted); once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.notifications.digest-check-ms=300")
@RealInfrastructure
@Import(DigestClock.class)
class DirectorDigestIT {

    static final MovableClock CLOCK = DigestClock.CLOCK;
    static final SlackRecorder SLACK = SlackRecorder.start();

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private long consumed(String type) {
        return (long) Http.scrapeSum(
                "http://localhost:" + managementPort, "salespulse_events_consumed_total", "type=\"" + type + "\"");
    }

    private static DailyActivity activity(long calls, long held) {
        return new DailyActivity(calls, 0, 0, 0, 0, 0, held, 0, 0, 0, 0);
    }

    private static EventEnvelope e(String id, Object data) {
        return EventEnvelope.of(id, "/test", (io.salespulse.contracts.SalesPulseEvent) data);
    }

    private static SignalRaised signal(String id, SignalType type, String rep, String team, String at) {
        return new SignalRaised(
                id,
                type,
                SubjectKind.REP,
                rep,
                rep,
                team,
                Severity.WARNING,
                List.of(Evidence.of("days", 3)),
                Map.of(Language.fr, "x", Language.en, "x"),
                Instant.parse(at));
    }

    @Test
    void theDirectorsDigestTellsEachTeamsWeekItsQuarterAndWhoseSignalsGrew() {
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        String s = UUID.randomUUID().toString().substring(0, 8);
        String nadia = "nadia-" + s;
        String unit = "unit-" + s;
        String paris = "paris-" + s;
        String boston = "boston-" + s;
        String ana = "ana-" + s;
        String bo = "bo-" + s;
        // The director sets its own preferences (its digest's channel and time).
        Http.Answer saved = Http.put(
                "http://localhost:" + port + "/api/v1/managers/" + nadia + "/preferences",
                """
                {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris","minSeverity":"INFO",
                 "digest":{"weekly":"MON 08:30"}}""".formatted(SLACK.port()),
                "Authorization",
                "Bearer " + TestTokens.director(nadia, unit));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        EnumSet<DayOfWeek> week = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        long reps = consumed("salespulse.rep.changed.v1");
        long units = consumed("salespulse.unit.changed.v1");
        KafkaProbe.publish(
                e("t1-" + s, new TeamChanged(paris, "Paris", "Europe/Paris", Language.fr, List.of("m1"), week, at)),
                e(
                        "t2-" + s,
                        new TeamChanged(boston, "Boston", "America/New_York", Language.en, List.of("m2"), week, at)),
                e("r1-" + s, rep(ana, paris, at)),
                e("r2-" + s, rep(bo, boston, at)),
                e(
                        "u-" + s,
                        new UnitChanged(
                                unit,
                                "Groupe " + s,
                                null,
                                List.of(nadia),
                                List.of(paris, boston),
                                "EUR",
                                Language.fr,
                                "Europe/Paris",
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumed("salespulse.rep.changed.v1") == reps + 2
                        && consumed("salespulse.unit.changed.v1") == units + 1);
        long days = consumed("salespulse.kpi.rep-day-updated.v1");
        long reviews = consumed("salespulse.kpi.pipeline-reviewed.v1");
        long raised = consumed("salespulse.signal.raised.v1");
        KafkaProbe.publish(
                // Paris: 30 calls and 2 meetings held last week (23-29 Nov), 20 calls the week before.
                e("k1-" + s, day(ana, paris, "2026-11-24", activity(30, 2))),
                e("k2-" + s, day(ana, paris, "2026-11-17", activity(20, 2))),
                // Boston: 10 calls last week, 15 the week before.
                e("k3-" + s, day(bo, boston, "2026-11-25", activity(10, 0))),
                e("k4-" + s, day(bo, boston, "2026-11-18", activity(15, 1))),
                e("p1-" + s, review(paris)));
        KafkaProbe.publish(
                // Paris: one signal open since the 10th, still open: no growth.
                e("s1-" + s, signal("old-" + s, SignalType.SILENCE, ana, paris, "2026-11-10T09:00:00Z")),
                // Boston: a drop raised on the 24th (grew from 0 to 1), and a care signal (never counted).
                e("s2-" + s, signal("new-" + s, SignalType.ACTIVITY_DROP, bo, boston, "2026-11-24T15:00:00Z")),
                e("s3-" + s, signal("care-" + s, SignalType.AFTER_HOURS_RISING, bo, boston, "2026-11-25T15:00:00Z")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumed("salespulse.kpi.rep-day-updated.v1") == days + 4
                        && consumed("salespulse.kpi.pipeline-reviewed.v1") == reviews + 1
                        && consumed("salespulse.signal.raised.v1") == raised + 3);

        // Monday 30 November, 08:31 in Paris.
        CLOCK.set(Instant.parse("2026-11-30T07:31:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !digests(s).isEmpty());
        JsonNode digest = digests(s).get(0);
        String text = digest.toString();
        assertThat(digest.get("text").asString()).startsWith("Groupe " + s + " : la semaine du");
        assertThat(text)
                .contains("Paris : 30 appels (+10), 2 rendez-vous tenus (=)")
                .contains("Boston : 10 appels (−5), 0 rendez-vous tenus (−1)")
                .contains("40 %")
                .contains("Boston : 0 ouverts le lundi, 1 le dimanche soir")
                .contains("Boston : pas encore de revue du pipeline")
                .doesNotContain("Paris : 1 ouverts")
                .doesNotContain(ana)
                .doesNotContain(bo)
                .contains("/units/" + unit);
        // Once, whatever the minutes that pass.
        CLOCK.set(Instant.parse("2026-11-30T09:00:00Z"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> digests(s).size() == 1);
    }

    private List<JsonNode> digests(String s) {
        return SLACK.bodies().stream()
                .map(body -> EventCodec.mapper().readTree(body))
                .filter(json -> json.get("text").asString().startsWith("Groupe " + s))
                .toList();
    }

    private static RepChanged rep(String id, String team, Instant at) {
        return new RepChanged(
                id, id, team, RepRole.AE, Seniority.SENIOR, LocalDate.parse("2025-01-06"), Map.of(), true, at);
    }

    private static RepDayKpisUpdated day(String rep, String team, String day, DailyActivity activity) {
        return new RepDayKpisUpdated(rep, team, LocalDate.parse(day), activity, Instant.parse(day + "T17:00:00Z"));
    }

    private static PipelineReviewed review(String team) {
        return new PipelineReviewed(
                team,
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-29"),
                Map.of(),
                List.of(new PipelineReviewed.Forecast(
                        "EUR",
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"),
                        new BigDecimal("5000"),
                        new BigDecimal("16000"),
                        new BigDecimal("25000"),
                        new BigDecimal("40000"))),
                new PipelineReviewed.Funnel(Map.of(), Map.of()),
                null,
                List.of(),
                List.of(),
                Instant.parse("2026-11-30T00:10:00Z"));
    }
}
