package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import io.salespulse.testsupport.TwoTeams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * A development plan, as a manager writes and reviews it: an indicator goal moving with real KPI events through the
 * broker until it is reached and recognised, a milestone done and recognised, bad goals refused naming each field, and
 * the reminder once a month has passed without a review. "Now" starts on Friday 2026-11-27 12:00 UTC and moves on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PlansIT {

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-11-27T12:00:00Z"));

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(NOW.get(), zone);
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    }

    @TestConfiguration
    static class Moving {
        @Bean
        @Primary
        Clock movingClock() {
            return new MovingClock();
        }
    }

    @LocalServerPort
    int port;

    /** The 5 working days before Friday 27th (20th to 26th) with these calls and connected calls each. */
    private void days(TwoTeams t, long calls, long connected, int version) {
        List<EventEnvelope> events = new ArrayList<>();
        for (LocalDate day : WorkingDays.ending(
                LocalDate.parse("2026-11-26"), 5, d -> d.getDayOfWeek().getValue() <= 5)) {
            events.add(EventEnvelope.of(
                    t.repA() + day + "-" + version,
                    "/test",
                    new RepDayKpisUpdated(
                            t.repA(),
                            t.teamA(),
                            day,
                            new DailyActivity(calls, connected, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                            NOW.get().plusSeconds(version))));
        }
        KafkaProbe.publish(events.toArray(EventEnvelope[]::new));
    }

    private JsonNode signals(TwoTeams t, String type) {
        return Http.get("http://localhost:" + port + "/api/v1/teams/" + t.teamA() + "/signals?type=" + type)
                .json();
    }

    @Test
    void anIndicatorGoalMovesWithTheKpisAndItsMilestonesAndReviewsAreFollowed() {
        String base = "http://localhost:" + port + "/api/v1/reps/";
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/action-items");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        String plan = """
                {"goals":[
                  {"goalId":"connect","kind":"INDICATOR","title":"Joindre un prospect sur quatre","indicator":"CONNECT_RATE","target":0.25,"days":5},
                  {"goalId":"objections","kind":"SKILL","title":"Traiter les objections","skill":"objection-handling",
                   "milestones":[{"text":"Jeu de rôle avec Camille","due":"2026-12-11"}]},
                  {"goalId":"ae","kind":"ROLE_MOVE","title":"Devenir AE d'ici six mois","targetRole":"AE","due":"2027-05-31",
                   "milestones":[{"text":"Mener trois découvertes","due":"2027-01-31"},{"text":"Suivre la formation négociation","due":"2027-03-31"}]}]}""";
        Http.Answer created = Http.put(base + t.repA() + "/plan", plan, "Authorization", manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("reviewDue").asString()).isEqualTo("2026-12-27");

        // Refused, each field named; the plan stays as it was.
        Http.Answer bad = Http.put(base + t.repA() + "/plan", """
                {"goals":[{"goalId":"a","kind":"SKILL","title":"Négocier","skill":"negotiation"},
                          {"goalId":"b","kind":"INDICATOR","title":"Taux","indicator":"CONNECT_RATE","target":25},
                          {"goalId":"c","kind":"ROLE_MOVE","title":"Rester","targetRole":"SDR"},
                          {"goalId":"c","kind":"SKILL","title":"x","skill":"prospecting","due":"someday"}]}""", "Authorization", manager);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "goals[0].skill",
                        "goals[1].target",
                        "goals[2].targetRole",
                        "goals[2].milestones",
                        "goals[3].goalId",
                        "goals[3].due");
        assertThat(Http.get(base + t.repA() + "/plan", "Authorization", manager)
                        .json()
                        .get("goals"))
                .hasSize(3);

        // A fifth of calls connected: 0.2 of 0.25, not reached.
        days(t, 10, 2, 1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode connect = Http.get(base + t.repA() + "/plan", "Authorization", manager)
                    .json()
                    .get("goals")
                    .get(0);
            assertThat(connect.get("value").decimalValue()).isEqualByComparingTo("0.2");
            assertThat(connect.get("progress").decimalValue()).isEqualByComparingTo("0.8");
            assertThat(connect.get("reached").asBoolean()).isFalse();
        });
        assertThat(signals(t, "PLAN_GOAL_REACHED")).isEmpty();

        // The same days corrected upstream to three in ten: reached, and recognised once.
        days(t, 10, 3, 2);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(signals(t, "PLAN_GOAL_REACHED")).hasSize(1));
        JsonNode reached = Http.get(base + t.repA() + "/plan", "Authorization", manager)
                .json()
                .get("goals")
                .get(0);
        assertThat(reached.get("reached").asBoolean()).isTrue();
        assertThat(reached.get("reachedAt").isNull()).isFalse();
        assertThat(signals(t, "PLAN_GOAL_REACHED").get(0).get("evidence").toString())
                .contains("0.3", "0.25");
        // The next 1:1's agenda goes through the plan.
        JsonNode agendaPlan = Http.get(base + t.repA() + "/one-on-one", "Authorization", manager)
                .json()
                .get("plan");
        assertThat(agendaPlan.findValuesAsString("goalId")).containsExactly("connect", "objections", "ae");
        assertThat(agendaPlan.get(0).get("reached").asBoolean()).isTrue();

        // A milestone done: recognised; the plan written again keeps it done and the goal reached.
        assertThat(Http.post(
                                base + t.repA() + "/plan/goals/objections/milestones/objections-1/done",
                                "application/json",
                                "{}",
                                "Authorization",
                                manager)
                        .status())
                .isEqualTo(200);
        assertThat(signals(t, "PLAN_MILESTONE_REACHED")).hasSize(1);
        assertThat(Http.put(base + t.repA() + "/plan", plan, "Authorization", manager)
                        .status())
                .isEqualTo(200);
        JsonNode again =
                Http.get(base + t.repA() + "/plan", "Authorization", manager).json();
        assertThat(again.get("goals")
                        .get(1)
                        .get("milestones")
                        .get(0)
                        .get("doneAt")
                        .isNull())
                .isFalse();
        assertThat(again.get("goals").get(0).get("reachedAt").isNull()).isFalse();
        assertThat(signals(t, "PLAN_MILESTONE_REACHED")).hasSize(1);
        assertThat(Http.post(
                                base + t.repA() + "/plan/goals/objections/milestones/nope/done",
                                "application/json",
                                "{}",
                                "Authorization",
                                manager)
                        .status())
                .isEqualTo(404);

        // The rep reads its plan; a month later without a review, its manager is reminded, until the plan is reviewed.
        assertThat(Http.get(base + t.repA() + "/plan", "Authorization", "Bearer " + TestTokens.rep(t.repA(), t.teamA()))
                        .status())
                .isEqualTo(200);
        assertThat(signals(t, "PLAN_NOT_REVIEWED")).isEmpty();
        NOW.set(NOW.get().plus(Duration.ofDays(31)));
        days(t, 10, 3, 3);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode reminder = Http.get("http://localhost:" + port + "/api/v1/teams/" + t.teamA()
                            + "/signals?status=OPEN&type=PLAN_NOT_REVIEWED")
                    .json();
            assertThat(reminder).hasSize(1);
            assertThat(reminder.get(0).get("severity").asString()).isEqualTo("WARNING");
        });
        assertThat(Http.post(base + t.repA() + "/plan/review", "application/json", "{}", "Authorization", manager)
                        .status())
                .isEqualTo(200);
        assertThat(Http.get("http://localhost:" + port + "/api/v1/teams/" + t.teamA()
                                + "/signals?status=OPEN&type=PLAN_NOT_REVIEWED")
                        .json())
                .isEmpty();
    }

    /** A plan saved over a change its author never saw ({@code If-Match} of an older revision) is {@code 412}, nothing written. */
    @Test
    void aPlanSavedOverAChangeItsAuthorNeverSawIsRefusedWith412() {
        String base = "http://localhost:" + port + "/api/v1/reps/";
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/action-items");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        String plan = """
                {"goals":[{"goalId":"objections","kind":"SKILL","title":"%s","skill":"objection-handling"}]}""";
        Http.Answer created =
                Http.put(base + t.repA() + "/plan", plan.formatted("Traiter les objections"), "Authorization", manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Answer read = Http.get(base + t.repA() + "/plan", "Authorization", manager);
        assertThat(read.etag()).isEqualTo(created.etag()).isEqualTo("\"0\"");
        assertThat(Http.post(base + t.repA() + "/plan/review", "application/json", "", "Authorization", manager)
                        .status())
                .isEqualTo(200);

        Http.Answer stale = Http.put(
                base + t.repA() + "/plan",
                plan.formatted("Écraser la revue"),
                "Authorization",
                manager,
                "If-Match",
                read.etag());
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.etag()).isEqualTo("\"1\"");
        assertThat(Http.get(base + t.repA() + "/plan", "Authorization", manager)
                        .json()
                        .get("goals")
                        .get(0)
                        .get("title")
                        .asString())
                .isEqualTo("Traiter les objections");
        Http.Answer fresh = Http.put(
                base + t.repA() + "/plan",
                plan.formatted("Répondre aux objections"),
                "Authorization",
                manager,
                "If-Match",
                stale.etag());
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("revision").asLong()).isEqualTo(2);
    }
}
