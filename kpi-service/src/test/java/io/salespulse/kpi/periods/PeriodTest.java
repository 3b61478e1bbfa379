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
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.parse("2026-11-23"))
                        .from())
                .isEqualTo("2026-11-23");
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.parse("2026-11-29"))
                        .from())
                .isEqualTo("2026-11-23");
    }

    @Test
    void monthAndQuarterCoverWholeCalendarUnits() {
        assertThat(Period.containing(PeriodKind.MONTH, thursday))
                .isEqualTo(new Period(PeriodKind.MONTH, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(Period.containing(PeriodKind.QUARTER, thursday))
                .isEqualTo(
                        new Period(PeriodKind.QUARTER, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")));
        assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.parse("2028-02-29")))
                .isEqualTo(
                        new Period(PeriodKind.QUARTER, LocalDate.parse("2028-01-01"), LocalDate.parse("2028-03-31")));
        assertThat(Period.containing(PeriodKind.DAY, thursday).contains(thursday))
                .isTrue();
        assertThat(Period.containing(PeriodKind.DAY, thursday).contains(thursday.plusDays(1)))
                .isFalse();
    }

    private static Period period(PeriodKind kind, String from, String to) {
        return new Period(kind, LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aPeriodInProgressIsComparedWithTheSameElapsedSpanOfThePreviousOne() {
        LocalDate sunday6December = LocalDate.parse("2026-12-06");
        // 1-6 December against 1-6 November, not all of November.
        assertThat(Period.containing(PeriodKind.MONTH, sunday6December).likeForLike(sunday6December))
                .isEqualTo(period(PeriodKind.MONTH, "2026-11-01", "2026-11-06"));
        // Monday to Thursday against Monday to Thursday last week.
        assertThat(Period.containing(PeriodKind.WEEK, thursday).likeForLike(thursday))
                .isEqualTo(period(PeriodKind.WEEK, "2026-11-16", "2026-11-19"));
        // Day 67 of the quarter (6 December) against day 67 of the last (5 September).
        assertThat(Period.containing(PeriodKind.QUARTER, sunday6December).likeForLike(sunday6December))
                .isEqualTo(period(PeriodKind.QUARTER, "2026-07-01", "2026-09-05"));
        // 31 March against February: all of it (it has no 31st), never into March.
        LocalDate march31 = LocalDate.parse("2027-03-31");
        assertThat(Period.containing(PeriodKind.MONTH, march31).likeForLike(march31))
                .isEqualTo(period(PeriodKind.MONTH, "2027-02-01", "2027-02-28"));
        // A leap day: 1-29 February 2028 against 1-29 January.
        LocalDate leap = LocalDate.parse("2028-02-29");
        assertThat(Period.containing(PeriodKind.MONTH, leap).likeForLike(leap))
                .isEqualTo(period(PeriodKind.MONTH, "2028-01-01", "2028-01-29"));
        // On the first day, the first day.
        assertThat(Period.containing(PeriodKind.WEEK, LocalDate.parse("2026-11-23"))
                        .likeForLike(LocalDate.parse("2026-11-23")))
                .isEqualTo(period(PeriodKind.WEEK, "2026-11-16", "2026-11-16"));
    }

    @Test
    void aFinishedPeriodIsComparedWithTheWholePreviousOneOfEqualKind() {
        Period october = Period.containing(PeriodKind.MONTH, LocalDate.parse("2026-10-15"));
        assertThat(october.likeForLike(thursday)).isEqualTo(period(PeriodKind.MONTH, "2026-09-01", "2026-09-30"));
        assertThat(Period.containing(PeriodKind.WEEK, thursday).previous())
                .isEqualTo(period(PeriodKind.WEEK, "2026-11-16", "2026-11-22"));
        assertThat(Period.containing(PeriodKind.QUARTER, LocalDate.parse("2027-01-10"))
                        .previous())
                .isEqualTo(period(PeriodKind.QUARTER, "2026-10-01", "2026-12-31"));
    }

    @Test
    void aComparisonNeverSpansMoreDaysThanThePeriodSoFar() {
        for (PeriodKind kind : new PeriodKind[] {PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER}) {
            for (LocalDate today = LocalDate.parse("2026-01-01");
                    today.isBefore(LocalDate.parse("2028-12-31"));
                    today = today.plusDays(1)) {
                Period current = Period.containing(kind, today);
                Period compared = current.likeForLike(today);
                long soFar = java.time.temporal.ChronoUnit.DAYS.between(current.from(), today);
                long span = java.time.temporal.ChronoUnit.DAYS.between(compared.from(), compared.to());
                assertThat(span).as("%s %s", kind, today).isLessThanOrEqualTo(soFar);
                assertThat(compared.to()).isBefore(current.from());
                assertThat(compared.from()).isEqualTo(current.previous().from());
            }
        }
    }
}
