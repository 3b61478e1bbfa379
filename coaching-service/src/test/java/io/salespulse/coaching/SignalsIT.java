package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * KPI updates and objective progress, as kpi-service publishes them, through the real broker into coaching-service:
 * signals raised with evidence, updated while the condition persists (never a second one, even when everything is
 * delivered again), resolved when it clears, recognitions, acknowledgement and the 1:1 agenda. "Now" is Friday
 * 2026-11-27 12:00 UTC, so the last completed working days are Friday 20th to Thursday 26th.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class SignalsIT {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final EnumSet<DayOfWeek> WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

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

    @LocalManagementPort
    int managementPort;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "team-" + s;
    final String rep = "lea-" + s;

    private EventEnvelope e(String id, io.salespulse.contracts.SalesPulseEvent data) {
        return EventEnvelope.of(id, "/test", data);
    }

    /** 20 baseline working days at {@code baseline} calls, then the last 5 at {@code recent}. */
    private List<EventEnvelope> days(long baseline, long recent) {
        List<LocalDate> window =
                WorkingDays.ending(LocalDate.parse("2026-11-26"), 5, day -> WEEK.contains(day.getDayOfWeek()));
        List<LocalDate> base =
                WorkingDays.ending(window.get(0).minusDays(1), 20, day -> WEEK.contains(day.getDayOfWeek()));
        List<EventEnvelope> events = new ArrayList<>();
        for (LocalDate day : base) {
            events.add(e(
                    rep + day + baseline,
                    new RepDayKpisUpdated(
                            rep, team, day, new DailyActivity(baseline, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)));
        }
        for (LocalDate day : window) {
            events.add(e(
                    rep + day + recent,
                    new RepDayKpisUpdated(
                            rep, team, day, new DailyActivity(recent, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)));
        }
        return events;
    }

    private JsonNode signals(String query) {
        return Http.get("http://localhost:" + port + "/api/v1/teams/" + team + "/signals" + query)
                .json();
    }

    private ObjectiveProgressed progress(
            String attainment, ObjectiveStatus status, ObjectiveStatus previous, int minute) {
        return new ObjectiveProgressed(
                "obj-" + s,
                ObjectiveScope.REP,
                rep,
                team,
                ObjectiveMetric.CALLS,
                new BigDecimal("400"),
                new BigDecimal(attainment).multiply(new BigDecimal("400")),
                new BigDecimal(attainment),
                new BigDecimal("0.5"),
                new BigDecimal(attainment).multiply(new BigDecimal("800")),
                new BigDecimal(attainment).multiply(BigDecimal.valueOf(2)),
                status,
                previous,
                NOW.plusSeconds(minute * 60L));
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.salespulse.coaching.signals.SignalStore book;

    /**
     * The list pages by keyset: with every signal raised at the same instant (the clock is fixed), the id breaks the
     * tie, and walking the {@code Link} headers returns each signal exactly once, newest first.
     */
    @Test
    void aTeamsSignalsArePagedEachOnceThroughTheLinkHeaders() {
        java.util.Set<String> raised = new java.util.HashSet<>();
        for (int n = 0; n < 7; n++) {
            book.sync(
                    io.salespulse.contracts.signal.SignalType.STALLED_DEAL,
                    "deal-" + n + "-" + s,
                    java.util.Optional.of(new io.salespulse.coaching.signals.rules.Detection(
                            io.salespulse.contracts.signal.SignalType.STALLED_DEAL,
                            io.salespulse.contracts.signal.SubjectKind.DEAL,
                            "deal-" + n + "-" + s,
                            io.salespulse.contracts.signal.Severity.WARNING,
                            List.of(io.salespulse.contracts.signal.Evidence.of("daysInStage", 20)))),
                    new io.salespulse.coaching.signals.SignalStore.Context(rep, team, "Léa"),
                    "deal moved");
            raised.add("deal-" + n + "-" + s);
        }
        List<String> walked = new ArrayList<>();
        int pages = 0;
        for (String url = "http://localhost:" + port + "/api/v1/teams/" + team + "/signals?limit=3";
                url != null;
                pages++) {
            Http.Answer page = Http.get(url);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(3);
            page.json().forEach(signal -> walked.add(signal.get("subjectId").asString()));
            url = page.next();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(raised);
    }

    @Test
    void signalsAreRaisedUpdatedNeverDoubledAndResolvedWhenTheConditionClears() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                e("t-" + s, new TeamChanged(team, "Paris", "Europe/Paris", Language.fr, List.of("mgr"), WEEK, at)),
                e(
                        "r-" + s,
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
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body()
                        .contains("type=\"salespulse.rep.changed.v1\""));

        try (KafkaProbe signalsTopic = KafkaProbe.reading(Topics.SIGNALS)) {
            // Activity slides to a quarter of the baseline: 25 calls in 5 days against 100.
            List<EventEnvelope> slump = days(20, 5);
            KafkaProbe.publish(slump.toArray(EventEnvelope[]::new));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode open = signals("?status=OPEN&type=ACTIVITY_DROP");
                assertThat(open).hasSize(1);
                assertThat(open.get(0).get("severity").asString()).isEqualTo("CRITICAL");
                assertThat(open.get(0).get("evidence").toString()).contains("\"activityLastDays\"", "25");
            });
            JsonNode drop = signals("?status=OPEN&type=ACTIVITY_DROP").get(0);
            assertThat(drop.get("suggestedAction").get("fr").asString()).contains("Léa");
            assertThat(drop.get("suggestedAction").get("en").asString()).contains("Léa");

            // Everything delivered again: still one signal.
            KafkaProbe.publish(slump.toArray(EventEnvelope[]::new));
            KafkaProbe.publish(e("marker-" + s, progress("0.2", ObjectiveStatus.OFF_TRACK, null, 1)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> signals("?type=OBJECTIVE_AT_RISK").size() == 1);
            assertThat(signals("?type=ACTIVITY_DROP")).hasSize(1);
            assertThat(signals("?type=OBJECTIVE_AT_RISK").get(0).get("severity").asString())
                    .isEqualTo("CRITICAL");

            // The manager acknowledges; the 1:1 agenda has it with questions, and the objective.
            Http.Answer ack = Http.post(
                    "http://localhost:" + port + "/api/v1/signals/"
                            + drop.get("signalId").asString() + "/acknowledge",
                    "application/json",
                    "{\"note\":\"On en parle jeudi\"}",
                    "Authorization",
                    "Bearer " + TestTokens.admin());
            assertThat(ack.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
            assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo("test-admin");
            JsonNode agenda = Http.get("http://localhost:" + port + "/api/v1/reps/" + rep + "/one-on-one")
                    .json();
            assertThat(agenda.get("toDiscuss")).hasSize(2);
            assertThat(Http.get("http://localhost:" + port + "/api/v1/reps/no-such-rep-" + rep + "/one-on-one")
                            .status())
                    .isEqualTo(404);
            assertThat(agenda.get("toDiscuss").get(0).get("questions").get("fr"))
                    .isNotEmpty();
            assertThat(agenda.get("objectives").get(0).get("status").asString()).isEqualTo("OFF_TRACK");

            // The rep is back: the drop resolves, and the come-back is recognised. The objective is reached.
            KafkaProbe.publish(days(20, 21).toArray(EventEnvelope[]::new));
            KafkaProbe.publish(
                    e("achieved-" + s, progress("1.0", ObjectiveStatus.ACHIEVED, ObjectiveStatus.OFF_TRACK, 2)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(signals("?status=RESOLVED&type=ACTIVITY_DROP")).hasSize(1);
                assertThat(signals("?status=RESOLVED&type=OBJECTIVE_AT_RISK")).hasSize(1);
                assertThat(signals("?type=BACK_ON_TRACK")).hasSize(1);
                // 50% and 100% crossed at once: the achievement is told, not 50% then 100%.
                assertThat(signals("?type=OBJECTIVE_ACHIEVED"))
                        .singleElement()
                        .satisfies(achieved ->
                                assertThat(achieved.get("subjectId").asString()).endsWith("@100"));
            });
            assertThat(signals("?status=RESOLVED&type=ACTIVITY_DROP")
                            .get(0)
                            .get("resolution")
                            .asString())
                    .contains("of baseline");
            assertThat(signals("?type=ACTIVITY_DROP")).hasSize(1);

            List<EventEnvelope> published =
                    signalsTopic.awaitEvents(ev -> ev.key().equals(rep), 6, Duration.ofSeconds(30));
            assertThat(published.stream()
                            .filter(ev -> ev.data() instanceof SignalRaised r
                                    && r.type().name().equals("ACTIVITY_DROP")))
                    .hasSize(1);
            // (A silence may flicker while the history is loaded day by day; it is resolved as the days come in.)
            assertThat(published.stream()
                            .filter(ev -> ev.data() instanceof SignalResolved r
                                    && (r.type().name().equals("ACTIVITY_DROP")
                                            || r.type().name().equals("OBJECTIVE_AT_RISK"))))
                    .hasSize(2);
        }
        assertThat(Http.get("http://localhost:" + port + "/api/v1/teams/" + team + "/signals?status=SHOUTING")
                        .status())
                .isEqualTo(400);
        assertThat(Http.get("http://localhost:" + port + "/api/v1/signals/nope").status())
                .isEqualTo(404);
    }

    @Test
    void aCancelledObjectiveResolvesItsSignalAndLeavesTheAgenda() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                e("t-" + s, new TeamChanged(team, "Paris", "Europe/Paris", Language.fr, List.of("mgr"), WEEK, at)),
                e(
                        "r-" + s,
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
        // The roster is known once the team's manager may read the rep (an unknown rep is refused to a manager).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(
                                        "http://localhost:" + port + "/api/v1/reps/" + rep + "/one-on-one",
                                        "Authorization",
                                        "Bearer " + TestTokens.manager("mgr", team))
                                .status()
                        == 200);
        KafkaProbe.publish(e("risk-" + s, progress("0.2", ObjectiveStatus.OFF_TRACK, null, 1)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> signals("?status=OPEN&type=OBJECTIVE_AT_RISK").size() == 1);

        KafkaProbe.publish(e("cancel-" + s, progress("0.2", ObjectiveStatus.CANCELLED, ObjectiveStatus.OFF_TRACK, 2)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> signals("?status=RESOLVED&type=OBJECTIVE_AT_RISK").size() == 1);
        assertThat(signals("?status=RESOLVED&type=OBJECTIVE_AT_RISK")
                        .get(0)
                        .get("resolution")
                        .asString())
                .isEqualTo("objective cancelled");
        assertThat(signals("?status=OPEN")).isEmpty();
        // Figures computed before the cancellation and published after it (kpi-service counting a batch of calls while
        // the
        // manager cancels) are not a new state of the objective: nothing is raised again.
        KafkaProbe.publish(e("late-" + s, progress("0.1", ObjectiveStatus.OFF_TRACK, ObjectiveStatus.OFF_TRACK, 3)));
        await().during(Duration.ofSeconds(5))
                .atMost(Duration.ofSeconds(10))
                .until(() -> signals("?status=OPEN&type=OBJECTIVE_AT_RISK").isEmpty());
        assertThat(signals("?type=OBJECTIVE_ACHIEVED")).isEmpty();
        assertThat(Http.get("http://localhost:" + port + "/api/v1/reps/" + rep + "/one-on-one")
                        .json()
                        .get("objectives"))
                .isEmpty();
    }
}
