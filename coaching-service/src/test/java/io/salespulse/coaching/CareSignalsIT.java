package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.AbsenceKind;
import io.salespulse.contracts.org.CareRule;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamCare;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.OrgEvents;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The care signals through the real broker: rep-days by the hour as kpi-service publishes them, absences on the org
 * topic, 1:1s through the API. "Now" is Friday 27 November 2026, 12:00 UTC; the team works Monday to Friday, 09:00 to
 * 18:00 in Paris, so the last 10 working days are Friday 13th to Thursday 26th. Who reads what: the rep's managers and
 * the rep itself; never leadership or an admin, never the dashboards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class CareSignalsIT {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final LocalDate YESTERDAY = LocalDate.parse("2026-11-26");
    static final LocalDate WINDOW = LocalDate.parse("2026-11-13");

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

    @org.springframework.beans.factory.annotation.Autowired
    io.salespulse.coaching.signals.SignalStore book;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "care-" + s;
    final String mgr = "mgr-" + s;
    final String manager = "Bearer " + TestTokens.manager(mgr, team);

    private String api(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private static boolean weekday(LocalDate day) {
        return day.getDayOfWeek().getValue() <= 5;
    }

    /** A rep-day as kpi-service publishes it: calls by the hour of Paris they were made in. */
    private EventEnvelope day(String rep, LocalDate day, Map<Integer, Long> byHour) {
        List<Long> hours = new ArrayList<>(Collections.nCopies(24, 0L));
        byHour.forEach(hours::set);
        long calls = hours.stream().mapToLong(Long::longValue).sum();
        return EventEnvelope.of(
                rep + "|" + day + "|" + calls,
                "/kpi",
                new RepDayKpisUpdated(
                        rep, team, day, new DailyActivity(calls, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), hours, NOW));
    }

    private void roster(List<EventEnvelope> reps) {
        List<EventEnvelope> events = new ArrayList<>();
        events.add(OrgEvents.team(team, "Paris", "Europe/Paris", Language.fr, List.of(mgr)));
        events.addAll(reps);
        KafkaProbe.publish(events.toArray(EventEnvelope[]::new));
        for (EventEnvelope rep : reps) {
            String repId = ((RepChanged) rep.data()).repId();
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            Http.get(api("/reps/" + repId + "/action-items")).status() == 200);
        }
    }

    private JsonNode signals(String type, String token) {
        return Http.get(api("/teams/" + team + "/signals?type=" + type), "Authorization", token)
                .json();
    }

    private JsonNode open(String type, String repId) {
        JsonNode found = Http.get(api("/teams/" + team + "/signals?status=OPEN&type=" + type), "Authorization", manager)
                .json();
        for (JsonNode signal : found) {
            if (signal.get("subjectId").asString().equals(repId)) {
                return signal;
            }
        }
        return null;
    }

    private static String evidence(JsonNode signal, String name) {
        for (JsonNode e : signal.get("evidence")) {
            if (e.get("name").asString().equals(name)) {
                return e.get("value").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        return null;
    }

    @Test
    void eveningCallsRaiseAfterHoursRisingForTheManagerOnlyAndTheSameCallsInHoursDoNot() {
        String ines = "ines-" + s;
        String marc = "marc-" + s;
        roster(List.of(OrgEvents.sdr(ines, "Inès", team), OrgEvents.sdr(marc, "Marc", team)));
        List<EventEnvelope> days = new ArrayList<>();
        for (LocalDate day = WINDOW.minusWeeks(8); !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            if (!weekday(day)) {
                continue;
            }
            boolean recent = !day.isBefore(WINDOW);
            // Eight weeks with 2 of 20 calls at 19:00; then two weeks with 8 of 20 at 20:00 (Inès) or at 15:00 (Marc).
            days.add(day(ines, day, recent ? Map.of(10, 12L, 20, 8L) : Map.of(10, 18L, 19, 2L)));
            days.add(day(marc, day, recent ? Map.of(10, 12L, 15, 8L) : Map.of(10, 18L, 19, 2L)));
        }
        KafkaProbe.publish(days.toArray(EventEnvelope[]::new));

        // Raised as soon as the days that make it are in, then updated as the rest come: read it once all are.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> open("AFTER_HOURS_RISING", ines) != null
                        && "10".equals(evidence(open("AFTER_HOURS_RISING", ines), "eveningsWorked"))
                        && "0.1".equals(evidence(open("AFTER_HOURS_RISING", ines), "baselineAfterHoursShare")));
        JsonNode rising = open("AFTER_HOURS_RISING", ines);
        // 80 of 200 calls outside hours against 80 of 800 in the eight weeks before.
        assertThat(evidence(rising, "afterHoursShare")).isEqualTo("0.4");
        assertThat(evidence(rising, "baselineAfterHoursShare")).isEqualTo("0.1");
        assertThat(evidence(rising, "eveningsWorked")).isEqualTo("10");
        assertThat(rising.get("suggestedAction").get("fr").asString()).contains("Inès", "écoutez");
        assertThat(rising.get("suggestedAction").get("en").asString()).contains("Inès", "listen");
        // Marc's calls, made in working hours, have had time to be judged too: none for him.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(api("/reps/" + marc + "/care"), "Authorization", manager)
                                .json()
                                .get("afterHoursShare")
                                .decimalValue()
                                .signum()
                        == 0);
        assertThat(open("AFTER_HOURS_RISING", marc)).isNull();

        // Leadership and admins never see it: not in the list, not by id, not on the dashboards.
        String id = rising.get("signalId").asString();
        String leadership = "Bearer " + TestTokens.leadership();
        String admin = "Bearer " + TestTokens.admin();
        assertThat(signals("AFTER_HOURS_RISING", leadership)).isEmpty();
        assertThat(signals("AFTER_HOURS_RISING", admin)).isEmpty();
        assertThat(Http.get(api("/teams/" + team + "/signals"), "Authorization", leadership)
                        .body())
                .doesNotContain("AFTER_HOURS_RISING");
        assertThat(Http.get(api("/signals/" + id), "Authorization", leadership).status())
                .isEqualTo(404);
        assertThat(Http.get(api("/signals/" + id), "Authorization", manager).status())
                .isEqualTo(200);
        org.springframework.test.util.ReflectionTestUtils.invokeMethod(book, "refreshGauge");
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body())
                .doesNotContain("AFTER_HOURS_RISING");

        // The rep reads its own care figures; not another rep's; leadership reads neither.
        Http.Answer own =
                Http.get(api("/reps/" + ines + "/care"), "Authorization", "Bearer " + TestTokens.rep(ines, team));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("afterHoursShare").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(own.json().get("lastWeek").get("evenings").asInt()).isEqualTo(5);
        assertThat(own.json().get("signals").get(0).get("type").asString()).isEqualTo("AFTER_HOURS_RISING");
        assertThat(own.json().get("signals").get(0).has("suggestedAction")).isFalse();
        assertThat(Http.get(api("/reps/" + ines + "/care"), "Authorization", "Bearer " + TestTokens.rep(marc, team))
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(api("/reps/" + ines + "/care"), "Authorization", leadership)
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(api("/reps/" + ines + "/care"), "Authorization", admin)
                        .status())
                .isEqualTo(403);

        // The team turns the rule off: the signal is resolved at once, and the rep's figures say the rule is off.
        KafkaProbe.publish(EventEnvelope.of(
                "team-off-" + s,
                "/test",
                new TeamChanged(
                        team,
                        "Paris",
                        "Europe/Paris",
                        Language.fr,
                        List.of(mgr),
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        null,
                        null,
                        null,
                        new TeamCare(Set.of(CareRule.AFTER_HOURS_RISING), null, null, null),
                        OrgEvents.AT.plusSeconds(60))));
        await().atMost(Duration.ofSeconds(30)).until(() -> open("AFTER_HOURS_RISING", ines) == null);
        assertThat(Http.get(api("/signals/" + id), "Authorization", manager)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RESOLVED");
        assertThat(Http.get(api("/reps/" + ines + "/care"), "Authorization", manager)
                        .json()
                        .get("rulesOff")
                        .toString())
                .contains("AFTER_HOURS_RISING");
    }

    @Test
    void twelveDaysInARowRaiseNoRestAndARecordedAbsenceResetsIt() {
        String noa = "noa-" + s;
        roster(List.of(OrgEvents.sdr(noa, "Noa", team)));
        List<EventEnvelope> days = new ArrayList<>();
        for (LocalDate day = YESTERDAY.minusDays(11); !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            days.add(day(noa, day, Map.of(11, 4L)));
        }
        KafkaProbe.publish(days.toArray(EventEnvelope[]::new));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> open("NO_REST", noa) != null && "12".equals(evidence(open("NO_REST", noa), "daysInARow")));
        assertThat(evidence(open("NO_REST", noa), "daysInARow")).isEqualTo("12");

        // A day of leave recorded on Sunday 22nd: it was rest.
        KafkaProbe.publish(EventEnvelope.of(
                "abs-" + s,
                "/test",
                new RepAbsence(
                        "abs-" + s,
                        noa,
                        LocalDate.parse("2026-11-22"),
                        LocalDate.parse("2026-11-22"),
                        AbsenceKind.LEAVE,
                        false,
                        NOW)));
        await().atMost(Duration.ofSeconds(30)).until(() -> open("NO_REST", noa) == null);
        assertThat(Http.get(api("/reps/" + noa + "/care"), "Authorization", manager)
                        .json()
                        .get("daysInARow")
                        .asInt())
                .isEqualTo(4);
    }

    private Http.Answer oneOnOne(String rep, String id, String heldOn, Integer energy) {
        return Http.put(
                api("/reps/" + rep + "/one-on-ones/" + id),
                "{\"heldOn\":\"" + heldOn + "\"" + (energy == null ? "" : ",\"energy\":" + energy) + "}",
                "Authorization",
                manager);
    }

    @Test
    void energyFourFourTwoTwoRaisesEnergyDropAndAJuniorsOneOnOneIsOverdueAfterTwoWeeks() {
        String hugo = "hugo-" + s;
        String tom = "tom-" + s;
        String eva = "eva-" + s;
        roster(List.of(
                OrgEvents.sdr(hugo, "Hugo", team),
                OrgEvents.sdr(tom, "Tom", team),
                EventEnvelope.of(
                        "rep-" + eva,
                        "/test",
                        new RepChanged(
                                eva,
                                "Eva",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2024-03-04"),
                                Map.of(),
                                true,
                                OrgEvents.AT))));
        List<String> days = List.of("2026-10-30", "2026-11-06", "2026-11-13", "2026-11-20");
        List<Integer> energy = List.of(4, 4, 2, 2);
        for (int i = 0; i < 3; i++) {
            assertThat(oneOnOne(hugo, "h" + i + "-" + s, days.get(i), energy.get(i))
                            .status())
                    .isEqualTo(201);
        }
        // Tom (junior) and Eva (senior) last met their manager 15 days ago.
        assertThat(oneOnOne(tom, "t-" + s, "2026-11-12", 4).status()).isEqualTo(201);
        assertThat(oneOnOne(eva, "e-" + s, "2026-11-12", 4).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> open("ONE_ON_ONE_OVERDUE", tom) != null);
        assertThat(evidence(open("ONE_ON_ONE_OVERDUE", tom), "daysSinceOneOnOne"))
                .isEqualTo("15");
        assertThat(evidence(open("ONE_ON_ONE_OVERDUE", tom), "cadenceDays")).isEqualTo("14");
        assertThat(open("ONE_ON_ONE_OVERDUE", eva))
                .as("a senior's cadence is four weeks")
                .isNull();
        assertThat(open("ENERGY_DROP", hugo)).as("4, 4, 2 is not yet a drop").isNull();

        assertThat(oneOnOne(hugo, "h3-" + s, days.get(3), energy.get(3)).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> open("ENERGY_DROP", hugo) != null);
        assertThat(evidence(open("ENERGY_DROP", hugo), "energy")).isEqualTo("2");
        assertThat(evidence(open("ENERGY_DROP", hugo), "energyBefore")).isEqualTo("2");

        // The energy check is a care figure: leadership reads Hugo's 1:1s without it, his manager with it.
        assertThat(Http.get(api("/reps/" + hugo + "/one-on-ones"), "Authorization", "Bearer " + TestTokens.leadership())
                        .json()
                        .get(0)
                        .get("energy")
                        .isNull())
                .isTrue();
        assertThat(Http.get(api("/reps/" + hugo + "/one-on-ones"), "Authorization", manager)
                        .json()
                        .get(0)
                        .get("energy")
                        .asInt())
                .isEqualTo(2);
        // A new 1:1 with Tom clears his.
        assertThat(oneOnOne(tom, "t2-" + s, "2026-11-26", null).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> open("ONE_ON_ONE_OVERDUE", tom) == null);
    }
}
