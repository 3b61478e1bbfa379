package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.kpi.PipelineReviewed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.RealInfrastructure;
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
 * The weekly digest at Monday 08:30 in the manager's zone (clock moved by the test): last week's figures per rep
 * against the week before (a late, older update of a day does not count), the objective and its pace, the open
 * signals (not the resolved one), last week's recognition and, once kpi-service's weekly pipeline review has come, the
 * pipeline sections (changes, forecast against quota, funnel against the week before, deals due and overdue), in French
 * and in English, once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.notifications.digest-check-ms=300")
@RealInfrastructure
@Import(DigestClock.class)
class WeeklyDigestIT {

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

    private static DailyActivity calls(long calls, long won) {
        return new DailyActivity(calls, calls / 4, 0, 0, 0, 0, 0, 0, 0, won, 0);
    }

    private static RepDayKpisUpdated day(String rep, String team, String day, DailyActivity activity, String at) {
        return new RepDayKpisUpdated(rep, team, LocalDate.parse(day), activity, Instant.parse(at));
    }

    /** Events of this type consumed so far by this context (the context is shared with other digest tests). */
    private long consumed(String type) {
        return (long) Http.scrapeSum(
                "http://localhost:" + managementPort, "salespulse_events_consumed_total", "type=\"" + type + "\"");
    }

    private List<JsonNode> weekly() {
        return weekly("Revue hebdomadaire");
    }

    private List<JsonNode> weekly(String title) {
        return SLACK.bodies().stream()
                .map(body -> EventCodec.mapper().readTree(body))
                .filter(json -> json.get("text").asString().startsWith(title))
                .toList();
    }

    /** The text of the section under this heading. */
    private static String section(JsonNode digest, String heading) {
        for (JsonNode block : digest.get("blocks")) {
            String text = block.path("text").path("text").asString("");
            if (text.startsWith("*" + heading + "*")) {
                return text;
            }
        }
        throw new AssertionError("no section " + heading + " in " + digest);
    }

    /** kpi-service's review of the team's week of 23 November. */
    private static PipelineReviewed review(String team, String lea, String hugo) {
        return new PipelineReviewed(
                team,
                LocalDate.parse("2026-11-23"),
                LocalDate.parse("2026-11-29"),
                Map.of(
                        "CREATED",
                        new PipelineReviewed.Change(
                                2, Map.of("EUR", new BigDecimal("18500"), "USD", new BigDecimal("3000"))),
                        "PUSHED",
                        new PipelineReviewed.Change(1, Map.of("EUR", new BigDecimal("8000"))),
                        "WON",
                        new PipelineReviewed.Change(1, Map.of("USD", new BigDecimal("3000")))),
                List.of(new PipelineReviewed.Forecast(
                        "EUR",
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"),
                        new BigDecimal("5000"),
                        new BigDecimal("16000"),
                        new BigDecimal("25000"),
                        new BigDecimal("40000"))),
                new PipelineReviewed.Funnel(
                        Map.of(
                                "calls",
                                10L,
                                "connectedCalls",
                                6L,
                                "meetingsBooked",
                                2L,
                                "meetingsHeld",
                                1L,
                                "dealsCreated",
                                2L,
                                "dealsWon",
                                1L),
                        Map.of(
                                "connectedCalls",
                                new BigDecimal("0.6"),
                                "meetingsBooked",
                                new BigDecimal("0.3333"),
                                "meetingsHeld",
                                new BigDecimal("0.5"),
                                "dealsCreated",
                                new BigDecimal("2"),
                                "dealsWon",
                                new BigDecimal("0.5"))),
                new PipelineReviewed.Funnel(
                        Map.of("calls", 4L, "connectedCalls", 1L), Map.of("connectedCalls", new BigDecimal("0.25"))),
                List.of(new PipelineReviewed.DealDue(
                        "d-acme",
                        "Acme",
                        lea,
                        io.salespulse.contracts.Money.of("24000", "EUR"),
                        LocalDate.parse("2026-12-02"))),
                List.of(new PipelineReviewed.DealDue(
                        "d-globex",
                        "Globex",
                        hugo,
                        io.salespulse.contracts.Money.of("8000", "USD"),
                        LocalDate.parse("2026-11-20"))),
                Instant.parse("2026-11-30T00:10:00Z"));
    }

    @Test
    void weeklyDigestGoesOutOnMondayAtTheManagersTimeWithLastWeeksFigures() {
        CLOCK.set(Instant.parse("2026-11-26T10:00:00Z"));
        String s = UUID.randomUUID().toString().substring(0, 8);
        String manager = "camille-" + s;
        String team = "team-" + s;
        String lea = "lea-" + s;
        String hugo = "hugo-" + s;
        assertThat(Http.put("http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences", """
                {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris","minSeverity":"INFO",
                 "digest":{"daily":"08:30","weekly":"MON 08:30"}}""".formatted(
                                        SLACK.port()))
                        .status())
                .isEqualTo(200);
        String english = "paul-" + s;
        assertThat(Http.put("http://localhost:" + port + "/api/v1/managers/" + english + "/preferences", """
                {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"en","timezone":"Europe/Paris","minSeverity":"CRITICAL",
                 "recognitions":"OFF","digest":{"weekly":"MON 08:30"}}""".formatted(
                                        SLACK.port()))
                        .status())
                .isEqualTo(200);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        long reps = consumed("salespulse.rep.changed.v1");
        long days = consumed("salespulse.kpi.rep-day-updated.v1");
        long objectives = consumed("salespulse.kpi.objective-progressed.v1");
        long resolved = consumed("salespulse.signal.resolved.v1");
        long raised = consumed("salespulse.signal.raised.v1");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of(manager, english),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r1-" + s,
                        "/t",
                        new RepChanged(
                                lea,
                                "Léa",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2025-01-06"),
                                Map.of(),
                                true,
                                at)),
                EventEnvelope.of(
                        "r2-" + s,
                        "/t",
                        new RepChanged(
                                hugo,
                                "Hugo",
                                team,
                                RepRole.SDR,
                                Seniority.JUNIOR,
                                LocalDate.parse("2025-01-06"),
                                Map.of(),
                                true,
                                at)));
        // The roster first (another topic, so no order between them otherwise): a signal for a team this service does
        // not know yet reaches no manager.
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed("salespulse.rep.changed.v1") == reps + 2);
        KafkaProbe.publish(
                // Léa, last week (23-29 Nov): 20 + 22 calls, one deal won; the week before: 35 calls.
                EventEnvelope.of(
                        "k1-" + s, "/kpi-service", day(lea, team, "2026-11-24", calls(20, 0), "2026-11-24T17:00:00Z")),
                EventEnvelope.of(
                        "k2-" + s, "/kpi-service", day(lea, team, "2026-11-25", calls(22, 1), "2026-11-25T17:00:00Z")),
                // An older state of the 25th arriving late changes nothing.
                EventEnvelope.of(
                        "k3-" + s, "/kpi-service", day(lea, team, "2026-11-25", calls(5, 0), "2026-11-25T09:00:00Z")),
                EventEnvelope.of(
                        "k4-" + s, "/kpi-service", day(lea, team, "2026-11-17", calls(35, 0), "2026-11-17T17:00:00Z")),
                // Hugo: silent last week, 12 calls the week before; and a day of this week, not in the report.
                EventEnvelope.of(
                        "k5-" + s, "/kpi-service", day(hugo, team, "2026-11-18", calls(12, 0), "2026-11-18T17:00:00Z")),
                EventEnvelope.of(
                        "k6-" + s, "/kpi-service", day(hugo, team, "2026-11-30", calls(50, 0), "2026-11-30T07:00:00Z")),
                EventEnvelope.of(
                        "o1-" + s,
                        "/kpi-service",
                        new ObjectiveProgressed(
                                "obj-" + s,
                                ObjectiveScope.REP,
                                lea,
                                team,
                                ObjectiveMetric.REVENUE_WON,
                                new BigDecimal("30000"),
                                new BigDecimal("18700"),
                                new BigDecimal("0.6233"),
                                new BigDecimal("0.69"),
                                new BigDecimal("27101"),
                                new BigDecimal("0.9034"),
                                ObjectiveStatus.AT_RISK,
                                ObjectiveStatus.ON_TRACK,
                                Instant.parse("2026-11-25T17:00:00Z"))));
        KafkaProbe.publish(
                EventEnvelope.of(
                        "s1-" + s,
                        "/coaching-service",
                        new SignalRaised(
                                "drop-" + s,
                                SignalType.ACTIVITY_DROP,
                                SubjectKind.REP,
                                hugo,
                                hugo,
                                team,
                                Severity.WARNING,
                                List.of(Evidence.of("ratio", new BigDecimal("0.5"))),
                                Map.of(Language.fr, "Faites le point avec Hugo.", Language.en, "Check in."),
                                CLOCK.instant())),
                EventEnvelope.of(
                        "s2-" + s,
                        "/coaching-service",
                        new SignalRaised(
                                "stall-" + s,
                                SignalType.STALLED_DEAL,
                                SubjectKind.DEAL,
                                "d-" + s,
                                lea,
                                team,
                                Severity.WARNING,
                                List.of(Evidence.of("daysInStage", 20)),
                                Map.of(Language.fr, "x", Language.en, "x"),
                                CLOCK.instant())),
                EventEnvelope.of(
                        "s3-" + s,
                        "/coaching-service",
                        new SignalResolved(
                                "stall-" + s, SignalType.STALLED_DEAL, lea, team, "deal moved", CLOCK.instant())),
                EventEnvelope.of(
                        "s4-" + s,
                        "/coaching-service",
                        new SignalRaised(
                                "win-" + s,
                                SignalType.BIG_WIN,
                                SubjectKind.DEAL,
                                "d2-" + s,
                                lea,
                                team,
                                Severity.INFO,
                                List.of(Evidence.of("amount", 18700)),
                                Map.of(Language.fr, "Félicitez Léa.", Language.en, "Congratulate Léa."),
                                CLOCK.instant())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> consumed("salespulse.kpi.rep-day-updated.v1") == days + 6
                        && consumed("salespulse.kpi.objective-progressed.v1") == objectives + 1
                        && consumed("salespulse.signal.resolved.v1") == resolved + 1
                        && consumed("salespulse.signal.raised.v1") == raised + 3);
        // The big win goes at once; the activity drop waits for tomorrow's daily digest (kept after today's 08:30).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> SLACK.bodies().stream().anyMatch(body -> body.contains("Belle signature de Léa")));

        // Monday 30 November, 08:29 in Paris: not yet.
        CLOCK.set(Instant.parse("2026-11-30T07:29:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> weekly().isEmpty());
        // 08:31: the digest waits for kpi-service's pipeline review of the week...
        CLOCK.set(Instant.parse("2026-11-30T07:31:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> weekly().isEmpty());
        // ...which comes: the digest goes, with the pipeline sections.
        KafkaProbe.publish(EventEnvelope.of("review-" + s, "/kpi-service", review(team, lea, hugo)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> weekly().size() == 1 && weekly("Weekly review").size() == 1);
        JsonNode digest = weekly().get(0);
        assertThat(digest.get("text").asString()).isEqualTo("Revue hebdomadaire : semaine du lun. 23 nov.");
        JsonNode blocks = digest.get("blocks");
        assertThat(blocks.get(1).get("text").get("text").asString())
                .isEqualTo(
                        "*Activité de la semaine (écart avec la précédente)*"
                                + "\n• Hugo : appels 0 (−12), décrochés 0 (−3), e-mails 0 (=), RDV pris 0 (=), RDV tenus 0 (=), affaires créées 0 (=), affaires gagnées 0 (=)"
                                + "\n• Léa : appels 42 (+7), décrochés 10 (+2), e-mails 0 (=), RDV pris 0 (=), RDV tenus 0 (=), affaires créées 0 (=), affaires gagnées 1 (+1)");
        assertThat(blocks.get(2).get("text").get("text").asString())
                .isEqualTo(
                        "*Objectifs et rythme*\n• Léa · chiffre d'affaires signé : 62 % atteint, rythme 90 % — à risque");
        assertThat(section(digest, "Pipeline de la semaine"))
                .contains(
                        "• Nouvelles : 2 affaires, 18",
                        "• Signature repoussée : 1 affaire, 8",
                        "• Gagnées : 1 affaire, 3")
                .doesNotContain("Perdues");
        assertThat(section(digest, "Prévision du trimestre"))
                .contains("Signé 5", "engagé 16", "meilleur cas 25", "pour un objectif de 40", "(13 % signé)");
        assertThat(
                        section(
                                digest,
                                "Entonnoir de la semaine (conversion : appels décrochés parmi les appels, affaires gagnées parmi celles créées dans la semaine, gagnées depuis ; semaine d'avant)"))
                .contains(
                        "• Appels décrochés : 6, 60 % (semaine d'avant : 25 %)",
                        "• RDV pris : 2, 33 % (semaine d'avant : —)");
        assertThat(section(digest, "Signatures attendues cette semaine"))
                .contains("• Acme (Léa), 24", "prévue le mer. 2 déc.");
        assertThat(section(digest, "Date de signature dépassée"))
                .contains("• Globex (Hugo), 8", "prévue le ven. 20 nov.");
        assertThat(section(digest, "Signaux ouverts"))
                .isEqualTo("*Signaux ouverts*\n• Baisse d'activité de Hugo (Attention)");
        assertThat(section(digest, "Réussites à saluer")).isEqualTo("*Réussites à saluer*\n• Belle signature de Léa");
        // The same in English for Paul.
        JsonNode en = weekly("Weekly review").get(0);
        assertThat(section(en, "Pipeline last week"))
                .contains("• New: 2 deals, 18,500 EUR + 3,000 USD", "• Close date pushed out: 1 deal, 8,000 EUR");
        assertThat(section(en, "Forecast this quarter"))
                .contains(
                        "Closed 5,000 EUR, commit 16,000 EUR, best case 25,000 EUR, against a quota of 40,000 EUR (13% closed)");
        assertThat(
                        section(
                                en,
                                "Funnel last week (conversion: connected calls among the calls, deals won among the deals created that week, won since; the week before)"))
                .contains("• Connected calls: 6, 60% (week before: 25%)");
        assertThat(section(en, "Expected to close this week")).contains("• Acme (Léa), 24,000 EUR, expected Wed 2 Dec");
        assertThat(section(en, "Past their close date")).contains("• Globex (Hugo), 8,000 USD, expected Fri 20 Nov");

        // Later that Monday: no second one.
        CLOCK.set(Instant.parse("2026-11-30T15:00:00Z"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> weekly().size() == 1);
        JsonNode log = Http.get(
                        "http://localhost:" + port + "/api/v1/managers/" + manager + "/notifications?status=SENT")
                .json();
        assertThat(log.findValuesAsString("type")).contains("WEEKLY_DIGEST", "BIG_WIN");
    }
}
