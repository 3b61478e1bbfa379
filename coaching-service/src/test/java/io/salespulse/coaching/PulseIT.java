package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.pulse.PulseInvited;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.OrgEvents;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The team pulse through the real broker: on the team's last working day of the week (Friday 27 November 2026, 15:00
 * in Paris) each rep is asked once, the link's key published for notification-service; a rep answers through its link
 * (once, 7 days, bounded); the manager reads the team's week anonymous (nothing under three answers, comments from
 * three, never by whom); the rep reads its own answers and nobody else does; a week under the team's usual raises
 * TEAM_MORALE_DROP, for the team's managers only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"salespulse.pulse.check-ms=300", "salespulse.pulse.initial-delay-ms=0"})
@RealInfrastructure
class PulseIT {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-11-27T13:00:00Z"));

    @TestConfiguration
    static class Clocked {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RosterStore roster;

    @Autowired
    MongoTemplate mongo;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "pulse-" + s;
    final String manager = "Bearer " + TestTokens.manager("mgr-" + s, team);

    private String api(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private Http.Answer answer(PulseInvited invite, String body) {
        return Http.post(api("/pulse/" + invite.inviteId() + "/answer"), "application/json", body, "Authorization", "");
    }

    private Http.Answer answer(PulseInvited invite, int score, String comment) {
        return answer(
                invite,
                "{\"key\":\"" + invite.key() + "\",\"score\":" + score
                        + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
    }

    private JsonNode thisWeek() {
        JsonNode weeks = Http.get(api("/teams/" + team + "/pulse?weeks=8"), "Authorization", manager)
                .json();
        for (JsonNode week : weeks) {
            if (week.get("week").asString().equals("2026-11-23")) {
                return week;
            }
        }
        throw new AssertionError("no week of 23 November in " + weeks);
    }

    private JsonNode openMorale(String token) {
        return Http.get(api("/teams/" + team + "/signals?status=OPEN&type=TEAM_MORALE_DROP"), "Authorization", token)
                .json();
    }

    @Test
    void eachRepIsAskedOnceAnswersStayAnonymousUnderThreeAndAWeekUnderTheUsualRaisesTeamMoraleDrop() {
        CLOCK.set(Instant.parse("2026-11-27T13:00:00Z")); // 14:00 in Paris: not yet
        List<String> reps = List.of("lea-" + s, "hugo-" + s, "ines-" + s, "marc-" + s, "noa-" + s);
        // Six weeks before, the team's usual: 4 out of 5 (three answers a week).
        for (int w = 1; w <= 6; w++) {
            for (int a = 0; a < 3; a++) {
                mongo.insert(
                        new Document("_id", "old-" + s + "-" + w + "-" + a)
                                .append("teamId", team)
                                .append(
                                        "week",
                                        LocalDate.parse("2026-11-23")
                                                .minusWeeks(w)
                                                .toString())
                                .append("repId", reps.get(a))
                                .append("score", 4)
                                .append("answeredAt", java.util.Date.from(Instant.parse("2026-10-01T00:00:00Z"))),
                        "pulse_answers");
            }
        }
        try (KafkaProbe signals = KafkaProbe.reading(Topics.SIGNALS)) {
            List<EventEnvelope> events = new ArrayList<>();
            events.add(OrgEvents.pulseTeam(team, "Lyon", "Europe/Paris", Language.fr, List.of("mgr-" + s)));
            reps.forEach(rep -> events.add(OrgEvents.sdr(rep, rep, team)));
            KafkaProbe.publish(events.toArray(EventEnvelope[]::new));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reps.stream().allMatch(rep -> roster.rep(rep).isPresent())
                            && roster.team(team).isPresent());
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> thisWeekOrNull() == null); // asked at 15:00, not before

            // 15:01 in Paris, the last working day of the week: each rep asked, once.
            CLOCK.set(Instant.parse("2026-11-27T14:01:00Z"));
            Map<String, PulseInvited> invites = new HashMap<>();
            for (EventEnvelope e : signals.awaitEvents(
                    e -> e.data() instanceof PulseInvited invited
                            && invited.teamId().equals(team),
                    5,
                    Duration.ofSeconds(30))) {
                PulseInvited invited = (PulseInvited) e.data();
                invites.put(invited.repId(), invited);
            }
            assertThat(invites).containsOnlyKeys(reps);
            PulseInvited lea = invites.get(reps.get(0));
            assertThat(lea.week()).isEqualTo(LocalDate.parse("2026-11-23"));
            assertThat(lea.expiresAt())
                    .as("seven days after it was asked")
                    .isBetween(Instant.parse("2026-12-04T14:01:00Z"), Instant.parse("2026-12-04T14:02:00Z"));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> thisWeek().get("invited").asInt() == 5);

            // The link opens with its own key only, without anyone's token.
            assertThat(Http.get(api("/pulse/" + lea.inviteId() + "?key=wrong"), "Authorization", "")
                            .status())
                    .isEqualTo(404);
            JsonNode link = Http.get(api("/pulse/" + lea.inviteId() + "?key=" + lea.key()), "Authorization", "")
                    .json();
            assertThat(link.get("state").asString()).isEqualTo("OPEN");
            assertThat(link.get("teamName").asString()).isEqualTo("Lyon");
            assertThat(link.get("language").asString()).isEqualTo("fr");
            // Bounded: 1 to 5, a comment of 500 characters at most.
            Http.Answer six = answer(lea, 6, null);
            assertThat(six.status()).isEqualTo(400);
            assertThat(six.json().get("errors").findValuesAsString("field")).containsExactly("score");
            Http.Answer long_ = answer(lea, 3, "x".repeat(501));
            assertThat(long_.json().get("errors").findValuesAsString("field")).containsExactly("comment");

            // Two answers: nothing of the week shows yet.
            assertThat(answer(lea, 4, "Semaine chargée").status()).isEqualTo(200);
            assertThat(answer(invites.get(reps.get(1)), 2, null).status()).isEqualTo(200);
            JsonNode two = thisWeek();
            assertThat(two.get("answers").asInt()).isEqualTo(2);
            assertThat(two.get("average").isNull()).isTrue();
            assertThat(two.get("distribution").isNull()).isTrue();
            assertThat(two.get("comments")).isEmpty();
            assertThat(openMorale(manager)).isEmpty();
            // Once: the same link again is refused.
            assertThat(answer(lea, 5, null).status()).isEqualTo(409);

            // A third: the average and the distribution (4, 2, 3), still no comment (two only); never a name.
            assertThat(answer(invites.get(reps.get(2)), 3, "Bien").status()).isEqualTo(200);
            JsonNode three = thisWeek();
            assertThat(three.get("average").decimalValue()).isEqualByComparingTo("3.00");
            assertThat(three.get("distribution").toString()).isEqualTo("[0,1,1,1,0]");
            assertThat(three.get("comments")).isEmpty();
            String all = Http.get(api("/teams/" + team + "/pulse"), "Authorization", manager)
                    .body();
            reps.forEach(rep -> assertThat(all).doesNotContain(rep));
            // 3.00 is a point under the usual 4.00 (the margin: 0.5): the team's morale drops, for its managers only.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> openMorale(manager).size() == 1);
            JsonNode morale = openMorale(manager).get(0);
            assertThat(morale.get("subjectKind").asString()).isEqualTo("TEAM");
            assertThat(morale.get("repId").isNull()).isTrue();
            assertThat(morale.get("evidence").toString())
                    .contains("\"teamAverage\",\"value\":3", "\"baselineAverage\",\"value\":4");
            assertThat(openMorale("Bearer " + TestTokens.leadership())).isEmpty();

            // A fourth, with the third comment: the comments show, in alphabetical order, by nobody.
            assertThat(answer(invites.get(reps.get(3)), 2, "Fatigué").status()).isEqualTo(200);
            JsonNode four = thisWeek();
            assertThat(four.get("average").decimalValue()).isEqualByComparingTo("2.75");
            assertThat(four.get("comments").toString()).isEqualTo("[\"Bien\",\"Fatigué\",\"Semaine chargée\"]");

            // The rep reads its own answers; another rep, its manager and leadership do not.
            String leaId = reps.get(0);
            Http.Answer own = Http.get(
                    api("/reps/" + leaId + "/pulse"), "Authorization", "Bearer " + TestTokens.rep(leaId, team));
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.json().get(0).get("score").asInt()).isEqualTo(4);
            assertThat(own.json().get(0).get("comment").asString()).isEqualTo("Semaine chargée");
            assertThat(Http.get(
                                    api("/reps/" + leaId + "/pulse"),
                                    "Authorization",
                                    "Bearer " + TestTokens.rep(reps.get(1), team))
                            .status())
                    .isEqualTo(403);
            assertThat(Http.get(api("/reps/" + leaId + "/pulse"), "Authorization", manager)
                            .status())
                    .isEqualTo(403);
            assertThat(Http.get(api("/teams/" + team + "/pulse"), "Authorization", "Bearer " + TestTokens.leadership())
                            .status())
                    .isEqualTo(403);

            // After 7 days a link no longer works.
            CLOCK.set(Instant.parse("2026-12-04T14:03:00Z"));
            assertThat(answer(invites.get(reps.get(4)), 3, null).status()).isEqualTo(410);
        } finally {
            CLOCK.set(Instant.parse("2026-11-27T13:00:00Z"));
        }
    }

    private JsonNode thisWeekOrNull() {
        for (JsonNode week : Http.get(api("/teams/" + team + "/pulse?weeks=8"), "Authorization", manager)
                .json()) {
            if (week.get("week").asString().equals("2026-11-23")) {
                return week;
            }
        }
        return null;
    }
}
