package io.salespulse.kpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.kpi.activity.RepDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineFiguresTest {

    private static RepDay day(Map<String, Long> counters) {
        return new RepDay("r", "t", LocalDate.parse("2026-11-18"), counters, 1);
    }

    @Test
    void amountsStayPerCurrencyAndRatesAreNullWithoutABase() {
        PipelineFigures f = PipelineFigures.of(
                List.of(
                        day(Map.of("dealsWon", 2L, "money.revenueWon.EUR", 3000000L, "money.revenueWon.USD", 50000L)),
                        day(Map.of("dealsLost", 1L))),
                List.of());
        assertThat(f.revenueWon()).containsOnlyKeys("EUR", "USD");
        assertThat(f.revenueWon().get("EUR")).isEqualByComparingTo("30000");
        assertThat(f.winRate()).isEqualByComparingTo("0.6667");
        assertThat(f.averageWonDealSize().get("EUR")).isEqualByComparingTo("15000");
        assertThat(PipelineFigures.of(List.of(), List.of()).winRate()).isNull();
        assertThat(PipelineFigures.of(List.of(), List.of()).salesCycleDays()).isNull();
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(PipelineFigures.median(List.of(3L, 9L, 40L))).isEqualByComparingTo("9");
        assertThat(PipelineFigures.median(List.of(3L, 9L, 10L, 40L))).isEqualByComparingTo("9.5");
    }
}
