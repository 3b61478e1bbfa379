package io.salespulse.kpi.periods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private final LocalDate thursday = LocalDate.parse("2026-11-26");

    @Test
    void weekRunsMondayToSundayAroundTheDate() {
        assertThat(Period.containing(PeriodKind.WEEK, thursday))
                .isEqualTo(new Period(PeriodKind.WEEK, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29")));
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.parse("2026-11-23")).from()).isEqualTo("2026-11-23");
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.parse("2026-11-29")).from()).isEqualTo("2026-11-23");
    }

    @Test
    void monthAndQuarterCoverWholeCalendarUnits() {
        assertThat(Period.containing(PeriodKind.MONTH, thursday))
                .isEqualTo(new Period(PeriodKind.MONTH, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(Period.containing(PeriodKind.QUARTER, thursday))
                .isEqualTo(new Period(PeriodKind.QUARTER, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")));
        assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.parse("2028-02-29")))
                .isEqualTo(new Period(PeriodKind.QUARTER, LocalDate.parse("2028-01-01"), LocalDate.parse("2028-03-31")));
        assertThat(Period.containing(PeriodKind.DAY, thursday).contains(thursday)).isTrue();
        assertThat(Period.containing(PeriodKind.DAY, thursday).contains(thursday.plusDays(1))).isFalse();
    }
}
