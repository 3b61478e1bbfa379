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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the period's activity and deal moves, a conversion lies between 0 and 1. */
class FunnelPropertiesTest {

    private static final LocalDate FROM = LocalDate.parse("2027-11-01");
    private static final LocalDate TO = LocalDate.parse("2027-11-07");

    @Property
    void aConversionLiesBetweenZeroAndOne(
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 50) Integer> calls,
            @ForAll @Size(max = 7) List<@IntRange(min = 0, max = 100) Integer> connectedShare,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 59) Integer> moves,
            @ForAll @IntRange(min = 0, max = 30) int daysAfter) {
        List<RepDay> days = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            long made = calls.get(i);
            long connected = i < connectedShare.size() ? made * connectedShare.get(i) / 100 : 0;
            days.add(new RepDay(
                    "r",
                    "t",
                    FROM.plusDays(i),
                    Map.of(
                            Counter.calls.name(),
                            made,
                            Counter.connectedCalls.name(),
                            connected,
                            Counter.meetingsBooked.name(),
                            (long) i * 3,
                            Counter.meetingsHeld.name(),
                            (long) i,
                            Counter.dealsCreated.name(),
                            1L,
                            Counter.dealsWon.name(),
                            5L),
                    1));
        }
        // Each number is a deal's move: created, won or lost, on a day from two weeks before the period to a month
        // after.
        List<DealMoves.Move> dealMoves = new ArrayList<>();
        for (int m = 0; m < moves.size(); m++) {
            int n = moves.get(m);
            DealMoves.Kind kind = List.of(DealMoves.Kind.CREATED, DealMoves.Kind.WON, DealMoves.Kind.LOST)
                    .get(n % 3);
            LocalDate day = FROM.minusDays(14).plusDays(n % 45);
            dealMoves.add(new DealMoves.Move(
                    "m" + m,
                    "deal-" + (n % 12),
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
                    null));
        }
        Funnel funnel = Funnel.of(FROM, TO, TO.plusDays(daysAfter), days, dealMoves);
        funnel.conversions().values().forEach(conversion -> {
            if (conversion != null) {
                assertThat(conversion).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            }
        });
        assertThat(funnel.wonCohort().won())
                .isLessThanOrEqualTo(funnel.wonCohort().created());
        assertThat(funnel.wonCohort().daysSinceEnd()).isEqualTo(daysAfter);
    }
}
