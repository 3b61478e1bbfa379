package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class RosterIT {

    @LocalServerPort
    int port;

    @Test
    void teamsAndRepsAreStoredAndPublishedToTheCompactedOrgTopic() {
        String team = "team-" + UUID.randomUUID();
        String base = "http://localhost:" + port + "/api/v1";
        Http.Answer put = Http.put(base + "/teams/" + team, """
                {"name":"Paris","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-1"],"workingDays":["MON","TUE","WED","THU","FRI"],
                 "rules":{"rottingDays":{"PROPOSAL":21},"closeDatePassedDays":2},
                 "workdayStart":"08:30","workdayEnd":"18:30","care":{"off":["NO_REST"],"oneOnOneDaysJunior":10}}""");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("workdayStart").asString()).isEqualTo("08:30");
        assertThat(put.json().get("care").get("off").toString()).isEqualTo("[\"NO_REST\"]");
        Http.Answer rep = Http.put(base + "/reps/rep-" + team, """
                {"displayName":"Léa Martin","teamId":"%s","role":"SDR","seniority":"JUNIOR","startDate":"2026-03-02",
                 "externalIds":{"hubspot":"512345"}}""".formatted(team));
        assertThat(rep.status()).as(rep.body()).isEqualTo(200);
        assertThat(rep.json().get("active").asBoolean()).isTrue();

        assertThat(Http.get(base + "/teams/" + team).json().get("workingDays").toString())
                .isEqualTo("[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"]");
        assertThat(Http.get(base + "/teams/" + team + "/reps")
                        .json()
                        .get(0)
                        .get("displayName")
                        .asString())
                .isEqualTo("Léa Martin");

        try (KafkaProbe probe = KafkaProbe.reading(Topics.ORG)) {
            var events = probe.awaitEvents(
                    e -> e.key().equals(OrgEvent.teamKey(team)) || e.key().equals(OrgEvent.repKey("rep-" + team)),
                    2,
                    Duration.ofSeconds(30));
            TeamChanged teamChanged = events.stream()
                    .map(EventEnvelope::data)
                    .filter(TeamChanged.class::isInstance)
                    .map(TeamChanged.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(teamChanged.timezone()).isEqualTo("Europe/Paris");
            assertThat(teamChanged.rulesOrNone().rottingDays())
                    .containsEntry(io.salespulse.contracts.deal.DealStage.PROPOSAL, 21);
            assertThat(teamChanged.rulesOrNone().closeDatePassedDays()).isEqualTo(2);
            assertThat(teamChanged.workingHoursOrDefault())
                    .isEqualTo(new io.salespulse.contracts.org.WorkingHours(
                            java.time.LocalTime.of(8, 30), java.time.LocalTime.of(18, 30)));
            assertThat(teamChanged.careOrNone().on(io.salespulse.contracts.org.CareRule.NO_REST))
                    .isFalse();
            assertThat(teamChanged.careOrNone().oneOnOneDaysJunior()).isEqualTo(10);
            assertThat(teamChanged.workingDays())
                    .containsExactly(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY);
            assertThat(events.stream()
                            .map(EventEnvelope::data)
                            .filter(RepChanged.class::isInstance)
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void theTeamsListShowsAManagerItsOwnTeamsAndLeadershipEveryTeamInPages() {
        String base = "http://localhost:" + port + "/api/v1";
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8);
        for (String suffix : List.of("a", "b", "c")) {
            assertThat(Http.put(base + "/teams/" + prefix + "-" + suffix, """
                    {"name":"Team %s","timezone":"Europe/Paris","locale":"fr"}""".formatted(suffix))
                            .status())
                    .isEqualTo(200);
        }
        Http.Answer mine =
                Http.get(base + "/teams", "Authorization", "Bearer " + TestTokens.manager("mgr-list", prefix + "-b"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("teamId")).containsExactly(prefix + "-b");

        List<String> seen = new ArrayList<>();
        String next = base + "/teams?limit=2";
        while (next != null) {
            Http.Answer page = Http.get(next, "Authorization", "Bearer " + TestTokens.leadership());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().size()).isLessThanOrEqualTo(2);
            seen.addAll(page.json().findValuesAsString("teamId"));
            next = page.next();
        }
        assertThat(seen)
                .contains(prefix + "-a", prefix + "-b", prefix + "-c")
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(Http.get(base + "/teams?limit=0").json().get("errors").findValuesAsString("field"))
                .containsExactly("limit");
    }

    @Test
    void invalidRosterInputNamesTheField() {
        String base = "http://localhost:" + port + "/api/v1";
        Http.Answer bad = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Mars/Olympus","locale":"de"}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("locale");
        Http.Answer zone = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Mars/Olympus","locale":"fr"}""");
        assertThat(zone.json().get("errors").findValuesAsString("field")).containsExactly("timezone");
        Http.Answer rules = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr","rules":{"rottingDays":{"PROPOSAL":0},"bigWinPercentile":1.5}}""");
        assertThat(rules.status()).isEqualTo(400);
        assertThat(rules.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("rules.rottingDays[PROPOSAL]", "rules.bigWinPercentile");
        Http.Answer stage = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr","rules":{"rottingDays":{"LIMBO":10}}}""");
        assertThat(stage.status()).isEqualTo(400);
        assertThat(stage.body()).contains("rules.rottingDays");
        Http.Answer hours = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr","workdayStart":"18:00","workdayEnd":"09:00"}""");
        assertThat(hours.json().get("errors").findValuesAsString("field")).containsExactly("workdayEnd");
        Http.Answer time = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr","workdayStart":"25:00"}""");
        assertThat(time.json().get("errors").findValuesAsString("field")).containsExactly("workdayStart");
        Http.Answer care = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr","care":{"off":["NAPS"],"oneOnOneDaysSenior":0}}""");
        assertThat(care.status()).isEqualTo(400);
        assertThat(care.body()).contains("care.off");
        Http.Answer cadence = Http.put(base + "/teams/t-bad", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr","care":{"oneOnOneDaysSenior":0}}""");
        assertThat(cadence.json().get("errors").findValuesAsString("field")).containsExactly("care.oneOnOneDaysSenior");
        Http.Answer email = Http.put(base + "/teams/t-email", """
                {"name":"X","timezone":"Europe/Paris","locale":"fr"}""");
        assertThat(email.status()).isEqualTo(200);
        Http.Answer badEmail = Http.put(base + "/reps/r-email", """
                {"displayName":"X","teamId":"t-email","role":"AE","seniority":"SENIOR","email":"not an address"}""");
        assertThat(badEmail.json().get("errors").findValuesAsString("field")).containsExactly("email");
        Http.Answer goodEmail = Http.put(base + "/reps/r-email", """
                {"displayName":"X","teamId":"t-email","role":"AE","seniority":"SENIOR","email":"x@example.com"}""");
        assertThat(goodEmail.json().get("email").asString()).isEqualTo("x@example.com");
        Http.Answer orphan = Http.put(base + "/reps/r-bad", """
                {"displayName":"X","teamId":"no-such-team","role":"AE","seniority":"SENIOR"}""");
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(Http.get(base + "/reps/r-bad").status()).isEqualTo(404);
    }

    /**
     * Teams, reps and absences carry their revision as an ETag: a save naming an older one ({@code If-Match}) is
     * {@code 412} with the current one, nothing written; each change has its own revision, even two within a millisecond.
     */
    @Test
    void aRosterChangeOverOneItsAuthorNeverSawIsRefusedWith412() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port + "/api/v1";
        String team = """
                {"name":"%s","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-1"]}""";
        Http.Answer created = Http.put(base + "/teams/t-" + s, team.formatted("Paris"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        Http.Answer read = Http.get(base + "/teams/t-" + s);
        assertThat(read.etag())
                .isEqualTo(created.etag())
                .isEqualTo("\"" + read.json().get("revision").asLong() + "\"");
        Http.Answer renamed = Http.put(base + "/teams/t-" + s, team.formatted("Paris Nord"), "If-Match", read.etag());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.etag()).isNotEqualTo(read.etag());
        Http.Answer stale = Http.put(base + "/teams/t-" + s, team.formatted("Paris Sud"), "If-Match", read.etag());
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.etag()).isEqualTo(renamed.etag());
        assertThat(Http.get(base + "/teams/t-" + s).json().get("name").asString())
                .isEqualTo("Paris Nord");

        String rep = """
                {"displayName":"%s","teamId":"t-%s","role":"SDR","seniority":"JUNIOR"}""";
        Http.Answer lea = Http.put(base + "/reps/r-" + s, rep.formatted("Léa", s));
        assertThat(Http.put(base + "/reps/r-" + s, rep.formatted("Léa Martin", s), "If-Match", lea.etag())
                        .status())
                .isEqualTo(200);
        assertThat(Http.put(base + "/reps/r-" + s, rep.formatted("Léa M.", s), "If-Match", lea.etag())
                        .status())
                .isEqualTo(412);
        assertThat(Http.get(base + "/reps/r-" + s).json().get("displayName").asString())
                .isEqualTo("Léa Martin");

        String day = java.time.LocalDate.now().plusDays(10).toString();
        String absence = """
                {"from":"%s","to":"%s","kind":"%s"}""";
        Http.Answer away = Http.put(base + "/reps/r-" + s + "/absences/a-" + s, absence.formatted(day, day, "LEAVE"));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(Http.put(
                                base + "/reps/r-" + s + "/absences/a-" + s,
                                absence.formatted(day, day, "TRAINING"),
                                "If-Match",
                                away.etag())
                        .status())
                .isEqualTo(200);
        assertThat(Http.send("DELETE", base + "/reps/r-" + s + "/absences/a-" + s, null, null, "If-Match", away.etag())
                        .status())
                .isEqualTo(412);
    }

    /** Managers, leadership and admins get a name the pages show instead of their sign-in id. */
    @Test
    void peopleAreNamedByTheirSignInIdAndListedInIdOrder() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port + "/api/v1/people/";
        Http.Answer camille = Http.put(base + "mgr-b-" + s, "{\"displayName\":\"  Camille Durand \"}");
        assertThat(camille.status()).as(camille.body()).isEqualTo(200);
        assertThat(Http.put(base + "mgr-a-" + s, "{\"displayName\":\"Jordan Miller\"}")
                        .status())
                .isEqualTo(200);
        // Named again: the new name replaces the old.
        assertThat(Http.put(base + "mgr-a-" + s, "{\"displayName\":\"Jordan Miller-Smith\"}")
                        .status())
                .isEqualTo(200);
        List<String> listed = new ArrayList<>();
        String next = "http://localhost:" + port + "/api/v1/people?limit=1";
        while (next != null) {
            Http.Answer page = Http.get(next);
            assertThat(page.status()).isEqualTo(200);
            page.json().forEach(person -> {
                if (person.get("personId").asString().endsWith(s)) {
                    listed.add(person.get("personId").asString() + "="
                            + person.get("displayName").asString());
                }
            });
            next = page.next();
        }
        assertThat(listed).containsExactly("mgr-a-" + s + "=Jordan Miller-Smith", "mgr-b-" + s + "=Camille Durand");
        // A name that is blank, too long or missing is refused, naming the field.
        for (String body : List.of("{\"displayName\":\" \"}", "{\"displayName\":\"" + "x".repeat(201) + "\"}", "{}")) {
            Http.Answer refused = Http.put(base + "mgr-c-" + s, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("displayName");
        }
    }
}
