package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.RealInfrastructure;
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

/** The daily digest goes out at the manager's local digest time, once, with the signals kept for it (clock moved by the test). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.notifications.digest-check-ms=300")
@RealInfrastructure
@Import(DigestClock.class)
class DailyDigestIT {

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

    private double repChangesConsumed() {
        return Http.scrapeSum(
                "http://localhost:" + managementPort,
                "salespulse_events_consumed_total",
                "type=\"salespulse.rep.changed.v1\"");
    }

    /** Publishes a team (Europe/Paris) with one manager and rep, and waits until this service knows them. */
    private void teamOf(String manager, String team, String rep, String s) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        double before = repChangesConsumed();
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of(manager),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r-" + s,
                        "/t",
                        new RepChanged(
                                rep,
                                "Léa",
                                team,
                                RepRole.SDR,
                                Seniority.JUNIOR,
                                LocalDate.parse("2026-01-05"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30)).until(() -> repChangesConsumed() > before);
    }

    @Test
    void digestGoesOutAtTheManagersLocalTimeOnceWithTheKeptSignals() {
        CLOCK.set(Instant.parse("2026-11-27T07:29:00Z"));
        String s = UUID.randomUUID().toString().substring(0, 8);
        String manager = "camille-" + s;
        String team = "team-" + s;
        assertThat(Http.put("http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences", """
                {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris","minSeverity":"WARNING",
                 "digest":{"daily":"08:30","weekly":"MON 08:30"}}""".formatted(
                                        SLACK.port()))
                        .status())
                .isEqualTo(200);
        teamOf(manager, team, "lea-" + s, s);
        for (SignalType type : List.of(SignalType.STALLED_DEAL, SignalType.CLOSE_DATE_SLIPPING)) {
            KafkaProbe.publish(EventEnvelope.of(
                    type + s,
                    "/coaching-service",
                    new SignalRaised(
                            type + "-" + s,
                            type,
                            SubjectKind.DEAL,
                            "d-" + s,
                            "lea-" + s,
                            team,
                            Severity.WARNING,
                            List.of(Evidence.of("pushes", 2)),
                            Map.of(Language.fr, "Quel est le prochain pas ?", Language.en, "What is the next step?"),
                            CLOCK.instant())));
        }
        String log = "http://localhost:" + port + "/api/v1/managers/" + manager + "/notifications";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(log + "?status=DIGEST").json().size() == 2);

        // 08:29 in Paris: not yet.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> SLACK.bodies().isEmpty());

        // 08:31 in Paris: one digest with both signals.
        CLOCK.set(Instant.parse("2026-11-27T07:31:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.bodies().size() == 1);
        JsonNode digest = EventCodec.mapper().readTree(SLACK.bodies().get(0));
        assertThat(digest.get("text").asString()).isEqualTo("Votre point du jour : 2 signaux");
        assertThat(digest.get("blocks").toString())
                .contains("Affaire bloquée (Léa)", "Date de signature qui glisse (Léa)");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Http.get(log + "?status=DIGESTED").json().size() == 2);

        // Later the same day: no second digest; a signal kept after it waits for tomorrow's.
        CLOCK.set(Instant.parse("2026-11-27T15:00:00Z"));
        KafkaProbe.publish(EventEnvelope.of(
                "late" + s,
                "/coaching-service",
                new SignalRaised(
                        "late-" + s,
                        SignalType.DEAL_GONE_QUIET,
                        SubjectKind.DEAL,
                        "d2-" + s,
                        "lea-" + s,
                        team,
                        Severity.WARNING,
                        List.of(Evidence.of("daysWithoutActivity", 15)),
                        Map.of(Language.fr, "Relancez.", Language.en, "Follow up."),
                        CLOCK.instant())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(log + "?status=DIGEST").json().size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> SLACK.bodies().size() == 1);
        assertThat(Http.get(log + "?status=DIGEST").json()).hasSize(1);
        // Saturday 28th: the team does not work, no digest; it waits for Monday's.
        CLOCK.set(Instant.parse("2026-11-28T07:31:00Z"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> SLACK.bodies().size() == 1);
        CLOCK.set(Instant.parse("2026-11-30T07:31:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK.bodies().size() == 2);
        assertThat(EventCodec.mapper()
                        .readTree(SLACK.bodies().get(1))
                        .get("text")
                        .asString())
                .isEqualTo("Votre point du jour : 1 signal");
    }

    @Test
    void aCriticalSignalInTheManagersQuietHoursWaitsForTheirEnd() {
        CLOCK.set(Instant.parse("2026-11-27T21:00:00Z")); // 22:00 in Paris
        String s = UUID.randomUUID().toString().substring(0, 8);
        String manager = "quiet-" + s;
        String team = "team-" + s;
        try (SlackRecorder slack = SlackRecorder.start()) {
            assertThat(Http.put(
                                    "http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences",
                                    """
                    {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris","minSeverity":"WARNING",
                     "quietHours":{"from":"19:00","to":"08:00"}}""".formatted(slack.port()))
                            .status())
                    .isEqualTo(200);
            teamOf(manager, team, "lea-" + s, s);
            KafkaProbe.publish(EventEnvelope.of(
                    "q" + s,
                    "/coaching-service",
                    new SignalRaised(
                            "quiet-" + s,
                            SignalType.ACTIVITY_DROP,
                            SubjectKind.REP,
                            "lea-" + s,
                            "lea-" + s,
                            team,
                            Severity.CRITICAL,
                            List.of(Evidence.of("ratio", new java.math.BigDecimal("0.2"))),
                            Map.of(Language.fr, "Prenez des nouvelles.", Language.en, "Check in."),
                            CLOCK.instant())));
            String log = "http://localhost:" + port + "/api/v1/managers/" + manager + "/notifications";
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Http.get(log + "?status=QUEUED").json().size() == 1);
            // Deferred to 08:00 in Paris the next morning, and not sent before.
            assertThat(Http.get(log + "?status=QUEUED")
                            .json()
                            .get(0)
                            .get("dueAt")
                            .asString())
                    .isEqualTo("2026-11-28T07:00:00Z");
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> slack.bodies().isEmpty());

            CLOCK.set(Instant.parse("2026-11-28T07:00:05Z"));
            await().atMost(Duration.ofSeconds(30)).until(() -> slack.bodies().size() == 1);
            assertThat(slack.bodies().get(0)).contains("Baisse d'activité de Léa");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Http.get(log + "?status=SENT").json().size() == 1);
        }
    }
}
