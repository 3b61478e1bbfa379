package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.AbsenceKind;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A week of leave and a public holiday, as the roster publishes them, through the real broker: an absent rep is not
 * silent, a rep with the same days and no absence is, and 14 July is no working day for a Paris team. "Now" is Friday
 * 2026-11-27 12:00 UTC: the last completed day is Thursday 26th.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@org.springframework.context.annotation.Import(SignalsIT.FixedClock.class)
class AbsencesAndHolidaysIT {

    static final Instant NOW = SignalsIT.NOW;

    @LocalServerPort
    int port;

    @Autowired
    WorkingCalendar calendar;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "paris-" + s;
    final String lea = "lea-" + s;
    final String hugo = "hugo-" + s;

    /** 10 calls on each of the 30 working days up to Friday 20th, then none. */
    private List<EventEnvelope> activeUntilThe20th(String rep) {
        List<EventEnvelope> events = new ArrayList<>();
        for (LocalDate day : WorkingDays.ending(
                LocalDate.parse("2026-11-20"), 30, d -> d.getDayOfWeek().getValue() <= 5)) {
            events.add(EventEnvelope.of(
                    rep + day,
                    "/test",
                    new RepDayKpisUpdated(rep, team, day, new DailyActivity(10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)));
        }
        return events;
    }

    private List<String> open(String type) {
        return Http.get("http://localhost:" + port + "/api/v1/teams/" + team + "/signals?status=OPEN&type=" + type)
                .json()
                .findValuesAsString("repId");
    }

    @Test
    void aWeekAwayRaisesNoSilenceNorDropAndRecordingItLateResolvesThem() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/test",
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of("mgr"),
                                WorkingCalendar.MON_FRI,
                                new TeamChanged.HolidayCalendar("FR", null),
                                at)),
                EventEnvelope.of(
                        "l-" + s,
                        "/test",
                        new RepChanged(lea, "Léa", team, RepRole.SDR, Seniority.JUNIOR, null, Map.of(), true, at)),
                EventEnvelope.of(
                        "h-" + s,
                        "/test",
                        new RepChanged(hugo, "Hugo", team, RepRole.SDR, Seniority.JUNIOR, null, Map.of(), true, at)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> calendar.ofRep(hugo) != null
                        && calendar.ofTeam(team).test(LocalDate.parse("2026-07-15"))
                        && !calendar.ofTeam(team).test(LocalDate.parse("2026-07-14")));

        // Both reps stop on Friday 20th. Nobody has told SalesPulse Léa is on leave yet: both read as silent.
        List<EventEnvelope> days = new ArrayList<>(activeUntilThe20th(lea));
        days.addAll(activeUntilThe20th(hugo));
        KafkaProbe.publish(days.toArray(EventEnvelope[]::new));
        // Sixty days to count and judge, with the other contexts of the suite judging them too: a minute at most.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(open("SILENCE")).containsExactlyInAnyOrder(lea, hugo);
            assertThat(open("ACTIVITY_DROP")).containsExactlyInAnyOrder(lea, hugo);
        });

        // Her manager records the week of leave: her signals resolve, Hugo's stay.
        KafkaProbe.publish(EventEnvelope.of(
                "a-" + s,
                "/test",
                new RepAbsence(
                        "leave-" + s,
                        lea,
                        LocalDate.parse("2026-11-23"),
                        LocalDate.parse("2026-11-27"),
                        AbsenceKind.LEAVE,
                        false,
                        NOW)));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            assertThat(open("SILENCE")).containsExactly(hugo);
            assertThat(open("ACTIVITY_DROP")).containsExactly(hugo);
        });
        assertThat(calendar.ofRep(lea).test(LocalDate.parse("2026-11-24"))).isFalse();
        assertThat(calendar.ofRep(hugo).test(LocalDate.parse("2026-11-24"))).isTrue();
        assertThat(calendar.ofRep(lea).test(LocalDate.parse("2026-07-14")))
                .as("Bastille Day, for a rep of the Paris team")
                .isFalse();

        // The leave withdrawn (she was there after all): the silence is hers again.
        KafkaProbe.publish(EventEnvelope.of(
                "a2-" + s,
                "/test",
                new RepAbsence(
                        "leave-" + s,
                        lea,
                        LocalDate.parse("2026-11-23"),
                        LocalDate.parse("2026-11-27"),
                        AbsenceKind.LEAVE,
                        true,
                        NOW.plusSeconds(60))));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(open("SILENCE")).containsExactlyInAnyOrder(lea, hugo));
    }
}
