package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import io.salespulse.testsupport.TwoTeams;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A manager records a 1:1 with private notes and action items; the next agenda starts from it and lists the open
 * items, the overdue one flagged; an item done leaves it; another manager never reads the private notes; bad input is
 * refused naming each field; the same 1:1 sent twice is one, and keeps what was done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class OneOnOnesIT {

    @LocalServerPort
    int port;

    @Test
    void aRecordedOneOnOneIsWhereTheNextAgendaStarts() {
        String base = "http://localhost:" + port + "/api/v1/reps/";
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/one-on-ones");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String oneOnOne = """
                {"heldOn":"%s","notes":"Léa doute de son pipe.","privateNotes":true,"energy":3,
                 "actionItems":[{"text":"Relancer Acme","owner":"REP","due":"%s"},{"text":"Écouter deux appels","owner":"MANAGER","due":"%s"}]}""".formatted(today.minusDays(3), today.minusDays(1), today.plusDays(5));
        String url = base + t.repA() + "/one-on-ones/o1-" + t.repA();
        Http.Answer created = Http.put(url, oneOnOne, "Authorization", manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("notes").asString()).isEqualTo("Léa doute de son pipe.");

        JsonNode agenda = Http.get(base + t.repA() + "/one-on-one", "Authorization", manager)
                .json();
        assertThat(agenda.get("lastOneOnOne").get("heldOn").asString())
                .isEqualTo(today.minusDays(3).toString());
        assertThat(agenda.get("lastOneOnOne").get("energy").asInt()).isEqualTo(3);
        assertThat(agenda.get("since").asString())
                .isEqualTo(today.minusDays(3)
                        .atStartOfDay(ZoneId.of("Europe/Paris"))
                        .toInstant()
                        .toString());
        JsonNode items = agenda.get("openActionItems");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("text").asString()).isEqualTo("Relancer Acme");
        assertThat(items.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(items.get(1).get("overdue").asBoolean()).isFalse();

        // The overdue item is a signal for the daily digest; the rep reads its items, never the notes.
        String overdue = "http://localhost:" + port + "/api/v1/teams/" + t.teamA()
                + "/signals?status=OPEN&type=ACTION_ITEMS_OVERDUE";
        JsonNode signal = Http.get(overdue, "Authorization", manager).json();
        assertThat(signal).hasSize(1);
        assertThat(signal.get(0).get("repId").asString()).isEqualTo(t.repA());
        assertThat(signal.get(0).get("severity").asString()).isEqualTo("WARNING");
        assertThat(signal.get(0).get("evidence").toString()).contains("overdueItems", "daysOverdue");
        Http.Answer mine = Http.get(
                base + t.repA() + "/action-items", "Authorization", "Bearer " + TestTokens.rep(t.repA(), t.teamA()));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("text")).containsExactly("Relancer Acme", "Écouter deux appels");
        assertThat(mine.body()).doesNotContain("doute");
        assertThat(Http.get(
                                base + t.repA() + "/one-on-ones",
                                "Authorization",
                                "Bearer " + TestTokens.rep(t.repA(), t.teamA()))
                        .status())
                .as("a rep does not read the 1:1 records")
                .isEqualTo(403);

        // Done: it leaves the agenda, and nothing is overdue any more; the same 1:1 sent again is the same one and
        // keeps it done.
        String itemId = items.get(0).get("itemId").asString();
        assertThat(Http.post(
                                url + "/action-items/" + itemId + "/done",
                                "application/json",
                                "",
                                "Authorization",
                                manager)
                        .status())
                .isEqualTo(200);
        assertThat(Http.get(overdue, "Authorization", manager).json()).isEmpty();
        assertThat(Http.get(base + t.repA() + "/one-on-one", "Authorization", manager)
                        .json()
                        .get("openActionItems"))
                .hasSize(1);
        assertThat(Http.put(url, oneOnOne, "Authorization", manager).status()).isEqualTo(200);
        assertThat(Http.get(base + t.repA() + "/one-on-ones", "Authorization", manager)
                        .json())
                .hasSize(1);
        assertThat(Http.get(base + t.repA() + "/one-on-one", "Authorization", manager)
                        .json()
                        .get("openActionItems"))
                .hasSize(1);
        assertThat(Http.post(url + "/action-items/no-such-item/done", "application/json", "", "Authorization", manager)
                        .status())
                .isEqualTo(404);

        // Private notes: an admin (or another manager of the team) sees that there are notes, not what they say.
        JsonNode seenByAdmin = Http.get(base + t.repA() + "/one-on-ones").json().get(0);
        assertThat(seenByAdmin.get("privateNotes").asBoolean()).isTrue();
        assertThat(seenByAdmin.get("notes").isNull()).isTrue();
        assertThat(seenByAdmin.get("actionItems")).hasSize(2);

        // Refused, each field named; nothing stored.
        Http.Answer bad = Http.put(
                base + t.repA() + "/one-on-ones/o2-" + t.repA(),
                """
                {"heldOn":"%s","energy":7,"actionItems":[{"text":"","owner":"BOSS","due":"soon"}]}""".formatted(today.plusDays(2)),
                "Authorization",
                manager);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .contains("energy", "actionItems[0].text", "actionItems[0].owner");
        Http.Answer future = Http.put(
                base + t.repA() + "/one-on-ones/o2-" + t.repA(),
                """
                {"heldOn":"%s","actionItems":[{"text":"x","due":"soon"}]}""".formatted(today.plusDays(2)),
                "Authorization",
                manager);
        assertThat(future.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("heldOn", "actionItems[0].due");
        assertThat(Http.get(base + t.repA() + "/one-on-ones", "Authorization", manager)
                        .json())
                .hasSize(1);
        // Another rep's 1:1 id cannot be reused for this rep.
        assertThat(Http.put(base + t.repB() + "/one-on-ones/o1-" + t.repA(), oneOnOne)
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("oneOnOneId");
    }

    @Test
    void theAgendaOfARepInOnboardingTellsItsRamp() {
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/action-items");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String rookie = "rookie-" + t.teamA();
        io.salespulse.testsupport.KafkaProbe.publish(
                io.salespulse.contracts.EventEnvelope.of(
                        "r-" + rookie,
                        "/test",
                        new io.salespulse.contracts.org.RepChanged(
                                rookie,
                                "Noa",
                                t.teamA(),
                                io.salespulse.contracts.org.RepRole.SDR,
                                io.salespulse.contracts.org.Seniority.JUNIOR,
                                today.minusDays(20),
                                java.util.Map.of(),
                                true,
                                java.time.Instant.now())),
                io.salespulse.contracts.EventEnvelope.of(
                        "d-" + rookie,
                        "/test",
                        new io.salespulse.contracts.kpi.RepDayKpisUpdated(
                                rookie,
                                t.teamA(),
                                today.minusDays(10),
                                new io.salespulse.contracts.kpi.DailyActivity(12, 3, 0, 0, 1, 0, 0, 0, 0, 0, 0),
                                java.time.Instant.now())));
        String agenda = "http://localhost:" + port + "/api/v1/reps/" + rookie + "/one-on-one";
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode onboarding = Http.get(agenda).json().get("onboarding");
                    assertThat(onboarding.get("daysSinceStart").asLong()).isEqualTo(20);
                    assertThat(onboarding.get("firstMeetingBooked").asString())
                            .isEqualTo(today.minusDays(10).toString());
                    assertThat(onboarding.get("firstDealWon").isNull()).isTrue();
                });
        assertThat(Http.get("http://localhost:" + port + "/api/v1/reps/" + t.repA() + "/one-on-one")
                        .json()
                        .get("onboarding")
                        .isNull())
                .as("a rep long started is not in onboarding")
                .isTrue();
    }

    /**
     * Two managers on the same 1:1, and an item ticked meanwhile: a save naming the revision it was read at
     * ({@code If-Match}) over a newer one is {@code 412}, nothing written, so neither the other manager's notes nor the
     * ticked item are lost; one naming the current revision is written, with the next ETag.
     */
    @Test
    void aSaveOverAChangeItsAuthorNeverSawIsRefusedWith412() {
        String base = "http://localhost:" + port + "/api/v1/reps/";
        TwoTeams t = TwoTeams.publish("http://localhost:" + port, "/api/v1/reps/{repId}/one-on-ones");
        String manager = "Bearer " + TestTokens.manager(t.managerA(), t.teamA());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String url = base + t.repA() + "/one-on-ones/stale-" + t.repA();
        String body = """
                {"heldOn":"%s","notes":"%s","actionItems":[{"text":"Relancer Acme","owner":"REP"}]}""";
        Http.Answer created = Http.put(url, body.formatted(today, "Premier jet."), "Authorization", manager);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(created.json().get("revision").asLong()).isZero();

        // Camille ticks the item; then a form read before the tick is saved: refused, the tick stands.
        String item = created.json().get("actionItems").get(0).get("itemId").asString();
        assertThat(Http.post(url + "/action-items/" + item + "/done", "application/json", "", "Authorization", manager)
                        .status())
                .isEqualTo(200);
        Http.Answer stale = Http.put(
                url,
                body.formatted(today, "Mes notes, sans la case cochée."),
                "Authorization",
                manager,
                "If-Match",
                "\"0\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.etag()).isEqualTo("\"1\"");
        assertThat(stale.json().get("type").asString()).isEqualTo("urn:salespulse:problem:changed-meanwhile");
        assertThat(stale.json().get("field").asString()).isEqualTo("If-Match");
        JsonNode kept = Http.get(base + t.repA() + "/one-on-ones", "Authorization", manager)
                .json()
                .get(0);
        assertThat(kept.get("notes").asString()).isEqualTo("Premier jet.");
        assertThat(kept.get("actionItems").get(0).get("doneAt").isNull()).isFalse();

        // Saved over what it now says: written, the tick kept, the next revision.
        Http.Answer fresh =
                Http.put(url, body.formatted(today, "Mes notes."), "Authorization", manager, "If-Match", stale.etag());
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.etag()).isEqualTo("\"2\"");
        assertThat(fresh.json().get("actionItems").get(0).get("doneAt").isNull())
                .isFalse();
        // A malformed If-Match names the header.
        Http.Answer malformed = Http.put(url, body.formatted(today, "x"), "Authorization", manager, "If-Match", "2");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").findValuesAsString("field")).containsExactly("If-Match");
    }
}
