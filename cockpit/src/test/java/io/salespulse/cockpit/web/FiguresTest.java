package io.salespulse.cockpit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FiguresTest {

    private static String fr(String type, String name, String value) {
        return Figures.evidence(type, name, new BigDecimal(value), null, Locale.FRENCH);
    }

    @Test
    void evidenceReadsAsPeopleWriteItSharesAsPercentages() {
        // Léa's drop: 67 against a baseline of 205.25, a ratio of 0.3264 under a threshold of 0.6.
        assertThat(fr("ACTIVITY_DROP", "ratio", "0.3264")).isEqualTo("33 %");
        assertThat(fr("ACTIVITY_DROP", "threshold", "0.6")).isEqualTo("60 %");
        assertThat(fr("ACTIVITY_DROP", "baseline", "205.25")).isEqualTo("205,25");
        assertThat(fr("ACTIVITY_DROP", "activityLastDays", "67")).isEqualTo("67");
        assertThat(fr("OBJECTIVE_AT_RISK", "attainment", "0.4795")).isEqualTo("48 %");
        assertThat(fr("OBJECTIVE_AT_RISK", "elapsed", "0.6")).isEqualTo("60 %");
        assertThat(fr("OBJECTIVE_AT_RISK", "projection", "546.6667")).isEqualTo("546,67");
        assertThat(fr("OBJECTIVE_ACHIEVED", "milestone", "1")).isEqualTo("100 %");
        // A stalled deal's threshold is days, a big win's an amount, a coverage's a multiple: numbers, not shares.
        assertThat(fr("STALLED_DEAL", "threshold", "14")).isEqualTo("14");
        assertThat(fr("BIG_WIN", "threshold", "18000.00")).isEqualTo(String.format(Locale.FRENCH, "%,d", 18000));
        assertThat(fr("LOW_COVERAGE", "coverage", "1.25")).isEqualTo("1,25×");
        assertThat(fr("LOW_COVERAGE", "threshold", "3")).isEqualTo("3,00×");
        assertThat(Figures.evidence("CONNECT_RATE_DROP", "threshold", new BigDecimal("0.25"), null, Locale.ENGLISH))
                .isEqualTo("25%");
        // With its deal's currency, a big win's amount and threshold are amounts in it.
        assertThat(Figures.evidence("BIG_WIN", "amount", new BigDecimal("68000"), "EUR", Locale.ENGLISH))
                .isEqualTo("68,000 EUR");
        assertThat(Figures.evidence("BIG_WIN", "threshold", new BigDecimal("14000.00"), "EUR", Locale.ENGLISH))
                .isEqualTo("14,000 EUR");
        assertThat(Figures.evidence("STALLED_DEAL", "threshold", new BigDecimal("14"), "EUR", Locale.ENGLISH))
                .isEqualTo("14");
    }

    @Test
    void aDayIsWrittenAsPeopleWriteItInThePagesLanguage() {
        assertThat(Figures.day("2026-11-30", java.util.Locale.FRENCH, 2026)).isEqualTo("lun. 30 nov.");
        assertThat(Figures.day("2026-11-30", java.util.Locale.ENGLISH, 2026)).isEqualTo("Mon 30 Nov");
        assertThat(Figures.day("2025-12-31", java.util.Locale.FRENCH, 2026)).isEqualTo("mer. 31 déc. 2025");
        assertThat(Figures.day("2026-11-24T09:15:00Z", java.util.Locale.ENGLISH, 2026))
                .isEqualTo("Tue 24 Nov");
        assertThat(Figures.day("someday", java.util.Locale.FRENCH, 2026)).isEqualTo("someday");
        assertThat(Figures.day(null, java.util.Locale.FRENCH, 2026)).isEqualTo("—");
    }
}
