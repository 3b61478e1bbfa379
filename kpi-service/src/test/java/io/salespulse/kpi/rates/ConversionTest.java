package io.salespulse.kpi.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionTest {

    private static RateTable.Rate rate(String from, String to, String rate, String day) {
        return new RateTable.Rate(from, to, new BigDecimal(rate), LocalDate.parse(day), false);
    }

    private final RateTable table = new RateTable(List.of(
            rate("USD", "EUR", "0.90", "2026-10-01"),
            rate("USD", "EUR", "0.95", "2026-11-26"),
            rate("EUR", "GBP", "0.8", "2026-10-01")));

    @Test
    void theRateOfADayIsThePairsLatestInForce() {
        assertThat(table.rate("USD", "EUR", LocalDate.parse("2026-11-25"))
                        .orElseThrow()
                        .rate())
                .isEqualByComparingTo("0.90");
        assertThat(table.rate("USD", "EUR", LocalDate.parse("2026-11-26"))
                        .orElseThrow()
                        .rate())
                .isEqualByComparingTo("0.95");
        assertThat(table.rate("USD", "EUR", LocalDate.parse("2026-09-30"))).isEmpty();
        assertThat(table.rate("EUR", "EUR", LocalDate.parse("2000-01-01"))
                        .orElseThrow()
                        .rate())
                .isEqualByComparingTo("1");
    }

    @Test
    void aPairSetTheOtherWayIsUsedInvertedButNeverChained() {
        RateTable.Rate inverted =
                table.rate("GBP", "EUR", LocalDate.parse("2026-12-01")).orElseThrow();
        assertThat(inverted.rate()).isEqualByComparingTo("1.25");
        assertThat(inverted.inverted()).isTrue();
        // USD → GBP would need USD → EUR → GBP: no.
        assertThat(table.rate("USD", "GBP", LocalDate.parse("2026-12-01"))).isEmpty();
    }

    @Test
    void aTotalAddsEachCurrencyConvertedAndNamesTheMissingOnes() {
        Conversion both = Conversion.of(
                Map.of("EUR", new BigDecimal("10000"), "USD", new BigDecimal("5000")),
                "EUR",
                LocalDate.parse("2026-11-27"),
                table);
        assertThat(both.total()).isEqualByComparingTo("14750");
        assertThat(both.rates()).extracting(RateTable.Rate::from).containsExactly("USD");
        assertThat(both.missing()).isEmpty();
        Conversion withYen = Conversion.of(
                Map.of("EUR", new BigDecimal("10000"), "JPY", new BigDecimal("100000")),
                "EUR",
                LocalDate.parse("2026-11-27"),
                table);
        assertThat(withYen.total()).isNull();
        assertThat(withYen.missing()).containsExactly("JPY");
        assertThat(withYen.amounts()).containsKeys("EUR", "JPY");
        // A cent rounded per currency: 0.01 USD at 0.95 is 0.01 EUR.
        assertThat(Conversion.of(Map.of("USD", new BigDecimal("0.01")), "EUR", LocalDate.parse("2026-11-27"), table)
                        .total())
                .isEqualByComparingTo("0.01");
    }
}
