package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.org.AbsenceKind;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Absences and holiday calendars through the roster API, as managers, leadership and admins use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class AbsencesIT {

    @LocalServerPort
    int port;

    private String base;
    private String team;
    private String manager;

    @BeforeEach
    void roster() {
        base = "http://localhost:" + port + "/api/v1";
        team = "abs-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.put(base + "/teams/" + team, """
                {"name":"Paris","timezone":"Europe/Paris","locale":"fr","holidayCountry":"fr","holidayRegion":"67"}""").status()).isEqualTo(200);
        for (String rep : List.of("lea", "hugo")) {
            assertThat(Http.put(base + "/reps/" + rep + "-" + team, """
                    {"displayName":"%s","teamId":"%s","role":"SDR","seniority":"JUNIOR"}""".formatted(rep, team))
                            .status())
                    .isEqualTo(200);
        }
        manager = TestTokens.manager("mgr-" + team, team);
    }

    private String auth(String token) {
        return "Bearer " + token;
    }

    @Test
    void aTeamNamesItsHolidayCalendarAndAnUnknownOneIsRefusedByField() {
        var read = Http.get(base + "/teams/" + team).json();
        assertThat(read.get("holidayCountry").asString()).isEqualTo("FR");
        assertThat(read.get("holidayRegion").asString()).isEqualTo("67");
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ORG)) {
            TeamChanged published = (TeamChanged)
                    probe.awaitEvents(e -> e.key().equals(OrgEvent.teamKey(team)), 1, Duration.ofSeconds(30))
                            .get(0)
                            .data();
            assertThat(published.holidays()).isEqualTo(new TeamChanged.HolidayCalendar("FR", "67"));
        }
        Http.Answer country = Http.put(base + "/teams/" + team, """
                {"name":"Paris","timezone":"Europe/Paris","locale":"fr","holidayCountry":"ZZ"}""");
        assertThat(country.status()).isEqualTo(400);
        assertThat(country.json().get("errors").findValuesAsString("field")).containsExactly("holidayCountry");
        Http.Answer region = Http.put(base + "/teams/" + team, """
                {"name":"Paris","timezone":"Europe/Paris","locale":"fr","holidayCountry":"FR","holidayRegion":"Narnia"}""");
        assertThat(region.json().get("errors").findValuesAsString("field")).containsExactly("holidayRegion");
        Http.Answer orphanRegion = Http.put(base + "/teams/" + team, """
                {"name":"Paris","timezone":"Europe/Paris","locale":"fr","holidayRegion":"67"}""");
        assertThat(orphanRegion.json().get("errors").findValuesAsString("field"))
                .containsExactly("holidayRegion");
        assertThat(Http.get(base + "/teams/" + team).json().get("holidayRegion").asString())
                .as("refusals changed nothing")
                .isEqualTo("67");

        // The team's holidays, named in its language or the one asked: Bas-Rhin keeps Good Friday.
        var year = Http.get(base + "/teams/" + team + "/holidays?from=2026-04-01&to=2026-07-31")
                .json();
        assertThat(year.findValuesAsString("date"))
                .containsExactly(
                        "2026-04-03",
                        "2026-04-06",
                        "2026-05-01",
                        "2026-05-08",
                        "2026-05-14",
                        "2026-05-25",
                        "2026-07-14");
        assertThat(year.get(6).get("name").asString()).isEqualTo("Fête Nationale");
        assertThat(Http.get(base + "/teams/" + team + "/holidays?from=2026-07-14&to=2026-07-14&lang=en")
                        .json()
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("National Day");
        assertThat(Http.get(base + "/teams/" + team + "/holidays?lang=de")
                        .json()
                        .get("errors")
                        .findValuesAsString("field"))
                .containsExactly("lang");
    }

    @Test
    void aManagerRecordsAnAbsenceThatIsPublishedAndShownWithItsKindToManagersOnly() {
        LocalDate from = LocalDate.now().plusDays(7);
        Http.Answer put = Http.put(
                base + "/reps/lea-" + team + "/absences/a1-" + team,
                """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(from, from.plusDays(4)),
                "Authorization",
                auth(manager));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        try (KafkaProbe probe = KafkaProbe.reading(Topics.ORG)) {
            RepAbsence published = (RepAbsence) probe.awaitEvents(
                            e -> e.key().equals(OrgEvent.absenceKey("a1-" + team)), 1, Duration.ofSeconds(30))
                    .get(0)
                    .data();
            assertThat(published.repId()).isEqualTo("lea-" + team);
            assertThat(published.from()).isEqualTo(from);
            assertThat(published.to()).isEqualTo(from.plusDays(4));
            assertThat(published.kind()).isEqualTo(AbsenceKind.LEAVE);
            assertThat(published.cancelled()).isFalse();
        }
        var mine = Http.get(base + "/teams/" + team + "/absences", "Authorization", auth(manager))
                .json();
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("kind").asString()).isEqualTo("LEAVE");
        var leadership = Http.get(
                        base + "/reps/lea-" + team + "/absences", "Authorization", auth(TestTokens.leadership()))
                .json();
        assertThat(leadership.size()).isEqualTo(1);
        assertThat(leadership.get(0).get("kind").isNull())
                .as("leadership sees the rep away, not why")
                .isTrue();

        assertThat(Http.send(
                                "DELETE",
                                base + "/reps/lea-" + team + "/absences/a1-" + team,
                                null,
                                null,
                                "Authorization",
                                auth(manager))
                        .status())
                .isEqualTo(204);
        assertThat(Http.send(
                                "DELETE",
                                base + "/reps/lea-" + team + "/absences/a1-" + team,
                                null,
                                null,
                                "Authorization",
                                auth(manager))
                        .status())
                .as("withdrawing twice")
                .isEqualTo(204);
        assertThat(Http.get(base + "/teams/" + team + "/absences").json().size())
                .isZero();
        try (KafkaProbe probe = KafkaProbe.reading(Topics.ORG)) {
            List<EventEnvelope> events = probe.awaitEvents(
                    e -> e.key().equals(OrgEvent.absenceKey("a1-" + team)), 2, Duration.ofSeconds(30));
            assertThat(((RepAbsence) events.get(events.size() - 1).data()).cancelled())
                    .isTrue();
        }
    }

    @Test
    void badAbsencesAreRefusedByField() {
        LocalDate today = LocalDate.now();
        Http.Answer backwards =
                Http.put(base + "/reps/lea-" + team + "/absences/bad", """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(today, today.minusDays(1)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("to");
        Http.Answer tooLong =
                Http.put(base + "/reps/lea-" + team + "/absences/bad", """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(today, today.plusDays(400)));
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("to");
        Http.Answer ancient = Http.put(base + "/reps/lea-" + team + "/absences/bad", """
                {"from":"2001-01-01","to":"2001-01-02","kind":"LEAVE"}""");
        assertThat(ancient.json().get("errors").findValuesAsString("field")).containsExactly("from");
        Http.Answer kind = Http.put(base + "/reps/lea-" + team + "/absences/bad", """
                {"from":"%s","to":"%s","kind":"HOLIDAY"}""".formatted(today, today));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("errors").findValuesAsString("field")).containsExactly("kind");
        assertThat(Http.put(base + "/reps/nobody/absences/bad", """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(today, today))
                        .status())
                .isEqualTo(404);
        assertThat(Http.put(base + "/reps/lea-" + team + "/absences/taken", """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(today, today))
                        .status())
                .isEqualTo(200);
        Http.Answer stolen = Http.put(base + "/reps/hugo-" + team + "/absences/taken", """
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(today, today));
        assertThat(stolen.json().get("errors").findValuesAsString("field")).containsExactly("absenceId");
        assertThat(Http.get(base + "/reps/lea-" + team + "/absences").json().size())
                .isEqualTo(1);
        assertThat(Http.get(base + "/reps/lea-" + team + "/absences?from=2026-01-01&to=2030-01-01")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aCsvImportRecordsGoodLinesReportsBadOnesByLineAndChangesNothingTheSecondTime() {
        LocalDate day = LocalDate.now().plusDays(3);
        String csv = """
                repId,from,to,kind
                lea-%1$s,%2$s,%3$s,leave
                hugo-%1$s,%2$s,%2$s,TRAINING
                hugo-%1$s,%3$s,%2$s,SICK
                nobody,%2$s,%2$s,SICK
                lea-%1$s,someday,%2$s,SICK
                "hugo-%1$s",%4$s,%4$s,NAP
                """.formatted(team, day, day.plusDays(2), day.plusDays(10));
        Http.Answer first = Http.post(base + "/absences/import", "text/csv", csv, "Authorization", auth(manager));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("read").asInt()).isEqualTo(6);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
        var rejected = first.json().get("rejected");
        assertThat(rejected.findValuesAsString("field")).containsExactly("to", "repId", "from", "kind");
        assertThat(rejected.findValues("line").stream().map(n -> n.asInt()).toList())
                .containsExactly(4, 5, 6, 7);

        Http.Answer again = Http.post(base + "/absences/import", "text/csv", csv, "Authorization", auth(manager));
        assertThat(again.json().get("accepted").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(Http.get(base + "/teams/" + team + "/absences").json().size())
                .isEqualTo(2);

        String other = TestTokens.manager("mgr-other", "another-team");
        Http.Answer foreign = Http.post(base + "/absences/import", "text/csv", csv, "Authorization", auth(other));
        assertThat(foreign.json().get("accepted").asInt())
                .as("another team's manager records nothing here")
                .isZero();
        assertThat(foreign.json().get("rejected").findValuesAsString("field")).contains("repId");

        Http.Answer header = Http.post(
                base + "/absences/import", "text/csv", "rep,start,end\nx,y,z\n", "Authorization", auth(manager));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.json().get("errors").findValuesAsString("field")).containsExactly("header");
        assertThat(Http.post(base + "/absences/import", "text/csv", csv, "Authorization", auth(TestTokens.leadership()))
                        .status())
                .as("leadership records no absence")
                .isEqualTo(403);
    }
}
