package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.salespulse.testsupport.OrgEvents;
import io.salespulse.testsupport.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A team's wall, as a TV opens it through its link: the day's and the week's figures of the team, the week's calls by
 * rep and the team's recent wins, worked out by hand from the events below; never a weak signal, never a rep who would
 * rather not be posted; a wrong key and a revoked link open nothing. "Now" is Wednesday 2 December 2026, 15:00 UTC
 * (16:00 in Paris).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.notifications.digest-check-ms=300")
@RealInfrastructure
@Import(DigestClock.class)
class WallIT {

    @LocalServerPort
    int port;

    private static RepDayKpisUpdated day(String rep, String team, String day, long calls, long won) {
        return new RepDayKpisUpdated(
                rep,
                team,
                LocalDate.parse(day),
                new DailyActivity(calls, calls / 2, 0, 0, 1, 0, 0, 0, 0, won, 0),
                Instant.parse(day + "T17:00:00Z"));
    }

    private static SignalRaised signal(String id, SignalType type, String rep, String team, Severity severity) {
        return new SignalRaised(
                id,
                type,
                SubjectKind.REP,
                rep,
                rep,
                team,
                severity,
                List.of(Evidence.of("weekTotal", new BigDecimal("40"))),
                Map.of(Language.fr, "Bravo.", Language.en, "Well done."),
                DigestClock.CLOCK.instant());
    }

    private Http.Answer board(String wallId, String key) {
        return Http.send(
                "GET",
                "http://localhost:" + port + "/api/v1/walls/" + wallId + "/board",
                null,
                null,
                "X-Wall-Key",
                key);
    }

    @Test
    void aWallShowsTheTeamsFiguresAndWinsToWhoeverHoldsItsLinkAndNothingElse() {
        Instant before = DigestClock.CLOCK.instant();
        DigestClock.CLOCK.set(Instant.parse("2026-12-02T15:00:00Z"));
        try {
            String s = UUID.randomUUID().toString().substring(0, 8);
            String manager = "camille-" + s;
            String team = "team-" + s;
            String lea = "lea-" + s;
            String hugo = "hugo-" + s;
            String base = "http://localhost:" + port + "/api/v1";
            assertThat(Http.put(base + "/managers/" + manager + "/preferences", """
                            {"slackWebhookUrl":"http://127.0.0.1:9/slack","locale":"fr","timezone":"Europe/Paris",
                             "minSeverity":"INFO"}""")
                            .status())
                    .isEqualTo(200);
            KafkaProbe.publish(
                    OrgEvents.team(team, "Paris", "Europe/Paris", Language.fr, List.of(manager)),
                    OrgEvents.sdr(lea, "Léa", team),
                    OrgEvents.sdr(hugo, "Hugo", team));
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            Http.get(base + "/reps/" + hugo + "/celebrations").status() == 200);
            // Hugo would rather not be posted.
            assertThat(Http.put(base + "/reps/" + hugo + "/celebrations", "{\"publicPosts\":false}")
                            .status())
                    .isEqualTo(200);
            KafkaProbe.publish(
                    // Léa: 5 calls on Monday 30th, 10 today with a deal won; 100 last week, not this one's.
                    EventEnvelope.of("k1-" + s, "/kpi-service", day(lea, team, "2026-11-30", 5, 0)),
                    EventEnvelope.of("k2-" + s, "/kpi-service", day(lea, team, "2026-12-02", 10, 1)),
                    EventEnvelope.of("k3-" + s, "/kpi-service", day(lea, team, "2026-11-25", 100, 0)),
                    // Hugo: 20 calls today; he counts in the team's totals, not by name.
                    EventEnvelope.of("k4-" + s, "/kpi-service", day(hugo, team, "2026-12-02", 20, 0)));
            KafkaProbe.publish(
                    EventEnvelope.of(
                            "s1-" + s,
                            "/coaching-service",
                            signal("win-" + s, SignalType.BIG_WIN, lea, team, Severity.INFO)),
                    EventEnvelope.of(
                            "s2-" + s,
                            "/coaching-service",
                            signal("best-" + s, SignalType.PERSONAL_BEST, hugo, team, Severity.INFO)),
                    EventEnvelope.of(
                            "s3-" + s,
                            "/coaching-service",
                            signal("drop-" + s, SignalType.ACTIVITY_DROP, lea, team, Severity.CRITICAL)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Http.get(base + "/managers/" + manager + "/notifications")
                                    .json()
                                    .size()
                            == 3);

            // The manager creates a link: its key is told once, never listed.
            Http.Answer created = Http.post(base + "/teams/" + team + "/walls", "application/json", "{}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String wallId = created.json().get("wallId").asString();
            String key = created.json().get("key").asString();
            assertThat(key).hasSizeGreaterThanOrEqualTo(43);
            JsonNode listed = Http.get(base + "/teams/" + team + "/walls").json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).has("key")).isFalse();
            assertThat(listed.toString()).doesNotContain(key);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Http.Answer opened = board(wallId, key);
                assertThat(opened.status()).as(opened.body()).isEqualTo(200);
                JsonNode wall = opened.json();
                assertThat(wall.get("teamName").asString()).isEqualTo("Paris");
                assertThat(wall.get("today").asString()).isEqualTo("2026-12-02");
                assertThat(wall.get("weekFrom").asString()).isEqualTo("2026-11-30");
                // Today: Léa 10 + Hugo 20 calls, 5 + 10 connected, 1 + 1 meetings booked, 1 deal won.
                assertThat(wall.get("todayFigures").toString())
                        .isEqualTo("{\"calls\":30,\"connectedCalls\":15,\"meetingsBooked\":2,\"dealsWon\":1}");
                // The week so far: Léa 5 + 10, Hugo 20.
                assertThat(wall.get("weekFigures").get("calls").asLong()).isEqualTo(35);
                // The week's calls by rep: Léa only (Hugo is not posted by name).
                assertThat(wall.get("leaderboard").toString())
                        .isEqualTo("[{\"rank\":1,\"name\":\"Léa\",\"calls\":15}]");
                // The team's wins: Léa's big win; not Hugo's personal best, never Léa's drop.
                assertThat(wall.get("wins")).hasSize(1);
                assertThat(wall.get("wins").get(0).get("title").asString()).isEqualTo("Belle signature de Léa");
            });
            assertThat(board(wallId, key).body()).doesNotContain("Baisse", "drop-", "Hugo");

            // A wrong key, a missing one, an unknown link: nothing, alike.
            assertThat(board(wallId, key.substring(1) + "x").status()).isEqualTo(404);
            assertThat(Http.send("GET", base + "/walls/" + wallId + "/board", null, null)
                            .status())
                    .isEqualTo(404);
            assertThat(board("no-such-wall", key).status()).isEqualTo(404);
            // Revoked, it opens nothing either, and is no longer listed.
            assertThat(Http.send("DELETE", base + "/teams/" + team + "/walls/" + wallId, null, null)
                            .status())
                    .isEqualTo(204);
            assertThat(board(wallId, key).status()).isEqualTo(404);
            assertThat(Http.get(base + "/teams/" + team + "/walls").json()).isEmpty();
        } finally {
            DigestClock.CLOCK.set(before);
        }
    }
}
