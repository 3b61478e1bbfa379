package io.salespulse.kpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.RepDay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FunnelTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final LocalDate FRIDAY = MONDAY.plusDays(4);

    private static DealMoves.Move move(String deal, DealMoves.Kind kind, LocalDate day) {
        return new DealMoves.Move(
                deal + "-" + kind + "-" + day,
                deal,
                "t",
                "r",
                day.toString(),
                Instant.parse(day + "T10:00:00Z"),
                kind,
                new BigDecimal("1000"),
                "EUR",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static RepDay day(
            LocalDate day, long calls, long connected, long booked, long held, long created, long won) {
        return new RepDay(
                "r",
                "t",
                day,
                Map.of(
                        Counter.calls.name(),
                        calls,
                        Counter.connectedCalls.name(),
                        connected,
                        Counter.meetingsBooked.name(),
                        booked,
                        Counter.meetingsHeld.name(),
                        held,
                        Counter.dealsCreated.name(),
                        created,
                        Counter.dealsWon.name(),
                        won),
                1);
    }

    @Test
    void fiveWinsOfOlderDealsAgainstOneCreatedIsNotFiveHundredPercent() {
        // The week: one deal created (still open), five older deals won.
        List<DealMoves.Move> moves = new ArrayList<>(List.of(move("new", DealMoves.Kind.CREATED, MONDAY)));
        for (int i = 0; i < 5; i++) {
            moves.add(move("old" + i, DealMoves.Kind.CREATED, MONDAY.minusDays(30)));
            moves.add(move("old" + i, DealMoves.Kind.WON, MONDAY.plusDays(1)));
        }
        Funnel funnel = Funnel.of(MONDAY, FRIDAY, FRIDAY, List.of(day(MONDAY, 10, 4, 2, 1, 1, 5)), moves);
        assertThat(funnel.steps()).containsEntry("dealsCreated", 1L).containsEntry("dealsWon", 5L);
        assertThat(funnel.conversions().get("dealsWon")).isEqualByComparingTo("0");
        assertThat(funnel.wonCohort())
                .isEqualTo(new Funnel.Cohort(1, 0, funnel.conversions().get("dealsWon"), FRIDAY, 0));
        // Steps that count different events carry no ratio; connected calls are a part of the calls.
        assertThat(funnel.conversions().get("meetingsBooked")).isNull();
        assertThat(funnel.conversions().get("meetingsHeld")).isNull();
        assertThat(funnel.conversions().get("dealsCreated")).isNull();
        assertThat(funnel.conversions().get("connectedCalls")).isEqualByComparingTo("0.4");
    }

    @Test
    void aCohortCountsTheWinsAfterItsPeriodAndSaysHowOldItIs() {
        List<DealMoves.Move> moves = List.of(
                move("a", DealMoves.Kind.CREATED, MONDAY),
                move("b", DealMoves.Kind.CREATED, FRIDAY),
                move("a", DealMoves.Kind.WON, FRIDAY.plusDays(10)),
                move("b", DealMoves.Kind.LOST, FRIDAY.plusDays(3)),
                // created the week after: not of this cohort, though won.
                move("c", DealMoves.Kind.CREATED, FRIDAY.plusDays(3)),
                move("c", DealMoves.Kind.WON, FRIDAY.plusDays(4)));
        Funnel.Cohort cohort =
                Funnel.of(MONDAY, FRIDAY, FRIDAY.plusDays(14), List.of(), moves).wonCohort();
        assertThat(cohort.created()).isEqualTo(2);
        assertThat(cohort.won()).isEqualTo(1);
        assertThat(cohort.conversion()).isEqualByComparingTo("0.5");
        assertThat(cohort.daysSinceEnd()).isEqualTo(14);
        // Judged on the period's last day, a's win had not happened yet.
        assertThat(Funnel.of(MONDAY, FRIDAY, FRIDAY, List.of(), moves)
                        .wonCohort()
                        .won())
                .isZero();
    }

    @Test
    void everyConversionLiesBetweenZeroAndOneWhateverTheWeek() {
        Random random = new Random(7);
        for (int run = 0; run < 500; run++) {
            List<DealMoves.Move> moves = new ArrayList<>();
            for (int d = 0; d < random.nextInt(30); d++) {
                LocalDate created = MONDAY.plusDays(random.nextInt(40) - 20);
                moves.add(move("d" + d, DealMoves.Kind.CREATED, created));
                if (random.nextBoolean()) {
                    moves.add(move(
                            "d" + d,
                            random.nextBoolean() ? DealMoves.Kind.WON : DealMoves.Kind.LOST,
                            created.plusDays(random.nextInt(15))));
                }
            }
            long calls = random.nextInt(50);
            RepDay day = day(
                    MONDAY,
                    calls,
                    calls == 0 ? 0 : random.nextInt((int) calls + 1),
                    random.nextInt(10),
                    random.nextInt(10),
                    random.nextInt(10),
                    random.nextInt(10));
            Funnel funnel = Funnel.of(MONDAY, FRIDAY, FRIDAY.plusDays(random.nextInt(20)), List.of(day), moves);
            funnel.conversions().values().stream()
                    .filter(java.util.Objects::nonNull)
                    .forEach(conversion -> assertThat(conversion).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
        }
    }
}
