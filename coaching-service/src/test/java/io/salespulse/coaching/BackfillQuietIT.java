package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.Backfill;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalEvent;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A backfill of a team's history: while it runs the rules leave the team alone (the history, loaded day by day, would
 * first look like a silence, then a drop, then not), and once it is complete the team is judged once, as it now is:
 * one signal raised, the one still true, and nothing raised and resolved on the way. "Now" is Friday 2026-11-27 12:00 UTC.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "salespulse.signals.rules.windows.backfill-settle=PT1S",
            "salespulse.signals.backfill-check-ms=500"
        })
@RealInfrastructure
@org.springframework.context.annotation.Import(SignalsIT.FixedClock.class)
class BackfillQuietIT {

    static final Instant NOW = SignalsIT.NOW;
    static final EnumSet<DayOfWeek> WEEK = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @LocalServerPort
    int port;

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String team = "team-" + s;
    final String rep = "lea-" + s;

    private static EventEnvelope e(String id, io.salespulse.contracts.SalesPulseEvent data) {
        return EventEnvelope.of(id, "/test", data);
    }

    @Test
    void aTeamIsJudgedOnceItsBackfillIsCompleteAndOnlyWhatIsStillTrueIsRaised() {
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
                                at)),
                e(
                        "b-" + s,
                        new Backfill("bf-" + s, List.of(team), NOW.minusSeconds(3600), null, NOW.minusSeconds(3600))));
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> Http.get("http://localhost:" + port + "/api/v1/reps/" + rep + "/one-on-one")
                                .status()
                        == 200);

        try (KafkaProbe signals = KafkaProbe.reading(Topics.SIGNALS)) {
            // Six weeks of history, oldest first: 20 calls a day, then a last week at 5 a day.
            List<LocalDate> recent =
                    WorkingDays.ending(LocalDate.parse("2026-11-26"), 5, day -> WEEK.contains(day.getDayOfWeek()));
            List<LocalDate> base =
                    WorkingDays.ending(recent.get(0).minusDays(1), 25, day -> WEEK.contains(day.getDayOfWeek()));
            List<EventEnvelope> days = new ArrayList<>();
            for (LocalDate day : base) {
                days.add(e(
                        rep + day,
                        new RepDayKpisUpdated(
                                rep, team, day, new DailyActivity(20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)));
            }
            for (LocalDate day : recent) {
                days.add(e(
                        rep + day,
                        new RepDayKpisUpdated(
                                rep, team, day, new DailyActivity(5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), NOW)));
            }
            KafkaProbe.publish(days.toArray(EventEnvelope[]::new));
            // While it runs: nothing judged (without the backfill, the first days alone would already be a silence).
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> Http.get("http://localhost:" + port + "/api/v1/teams/" + team + "/signals")
                            .json()
                            .isEmpty());

            KafkaProbe.publish(e(
                    "c-" + s,
                    new Backfill(
                            "bf-" + s,
                            List.of(team),
                            NOW.minusSeconds(3600),
                            NOW.minusSeconds(10),
                            NOW.minusSeconds(10))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Http.get("http://localhost:" + port + "/api/v1/teams/" + team
                                            + "/signals?status=OPEN&type=ACTIVITY_DROP")
                                    .json()
                                    .size()
                            == 1);
            // One signal raised for Léa, the one still true; none raised then resolved along the way.
            List<EventEnvelope> told = signals.drain(
                    ev -> ev.data() instanceof SignalEvent signal && rep.equals(signal.repId()), Duration.ofSeconds(3));
            assertThat(told)
                    .extracting(ev -> ev.data().getClass().getSimpleName())
                    .containsExactly("SignalRaised");
            assertThat(((SignalRaised) told.get(0).data()).type()).isEqualTo(SignalType.ACTIVITY_DROP);
        }
    }
}
