package io.salespulse.kpi.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.kpi.ObjectiveStatus;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ObjectiveMathTest {

    static final java.util.function.Predicate<LocalDate> MON_FRI =
            day -> day.getDayOfWeek().getValue() <= 5;
    static final LocalDate START = LocalDate.parse("2026-11-01");
    static final LocalDate END = LocalDate.parse("2026-11-30");

    private static ObjectiveMath.Figures at(String actual, String target, String elapsedThrough) {
        return ObjectiveMath.figures(
                new BigDecimal(actual), new BigDecimal(target), START, END, LocalDate.parse(elapsedThrough), MON_FRI);
    }

    @Test
    void novemberTwentySixHasTwentyOneWorkingDays() {
        assertThat(ObjectiveMath.workingDays(START, END, MON_FRI)).isEqualTo(21);
        assertThat(ObjectiveMath.workingDays(START, LocalDate.parse("2026-11-01"), MON_FRI))
                .isZero();
        assertThat(ObjectiveMath.workingDays(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-04"), MON_FRI))
                .isZero();
        assertThat(ObjectiveMath.workingDays(START, END, day -> day.getDayOfWeek() == DayOfWeek.SATURDAY))
                .isEqualTo(4);
    }

    @Test
    void holidaysAndAbsencesAreLeftOutOfTheElapsedShare() {
        // November 2026 in Paris: 21 weekdays, less Armistice Day (Wednesday 11th), less a week of leave (16th-20th).
        java.util.function.Predicate<LocalDate> paris = MON_FRI.and(day -> !day.equals(LocalDate.parse("2026-11-11")));
        java.util.function.Predicate<LocalDate> away = paris.and(
                day -> day.isBefore(LocalDate.parse("2026-11-16")) || day.isAfter(LocalDate.parse("2026-11-20")));
        assertThat(ObjectiveMath.workingDays(START, END, paris)).isEqualTo(20);
        assertThat(ObjectiveMath.workingDays(START, END, away)).isEqualTo(15);
        // Through Friday 20th: 14 of 20 days for the team, 9 of 15 for the rep who was away that week.
        assertThat(ObjectiveMath.figures(
                                new BigDecimal("45"),
                                new BigDecimal("100"),
                                START,
                                END,
                                LocalDate.parse("2026-11-20"),
                                paris)
                        .elapsed())
                .isEqualByComparingTo("0.7");
        assertThat(ObjectiveMath.figures(
                                new BigDecimal("45"),
                                new BigDecimal("100"),
                                START,
                                END,
                                LocalDate.parse("2026-11-20"),
                                away)
                        .elapsed())
                .isEqualByComparingTo("0.6");
    }

    @Test
    void statusThresholdsAtJustBelowAndJustAbove() {
        // Half the working days elapsed would be 10.5; take 7 of 21 (a third): projection = actual x 3.
        String third = "2026-11-10";
        assertThat(at("34", "100", third).status()).isEqualTo(ObjectiveStatus.ON_TRACK); // 102
        assertThat(at("33.34", "100", third).status()).isEqualTo(ObjectiveStatus.ON_TRACK); // 100.02
        assertThat(at("33.33", "100", third).status()).isEqualTo(ObjectiveStatus.AT_RISK); // 99.99
        assertThat(at("26.67", "100", third).status()).isEqualTo(ObjectiveStatus.AT_RISK); // 80.01
        assertThat(at("26.66", "100", third).status()).isEqualTo(ObjectiveStatus.OFF_TRACK); // 79.98
        assertThat(at("100", "100", third).status()).isEqualTo(ObjectiveStatus.ACHIEVED);
        assertThat(at("99.99", "100", "2026-11-30").status()).isEqualTo(ObjectiveStatus.AT_RISK);
    }

    @Test
    void figuresFollowTheFormulas() {
        ObjectiveMath.Figures f = at("24000", "60000", "2026-11-19");
        assertThat(f.attainment()).isEqualByComparingTo("0.4");
        assertThat(f.elapsed()).isEqualByComparingTo("0.6667");
        assertThat(f.projection()).isEqualByComparingTo("36000");
        assertThat(f.pace()).isEqualByComparingTo("0.6");
    }

    @Test
    void beforeTheFirstWorkingDayEndsThereIsNoProjection() {
        ObjectiveMath.Figures f = at("3", "100", "2026-10-31");
        assertThat(f.elapsed()).isEqualByComparingTo("0");
        assertThat(f.projection()).isNull();
        assertThat(f.pace()).isNull();
        assertThat(f.status()).isEqualTo(ObjectiveStatus.ON_TRACK);
        // A weekend does not count: through Sunday 1st nothing has elapsed either.
        assertThat(at("3", "100", "2026-11-01").projection()).isNull();
    }

    @org.junit.jupiter.api.Test
    void aRatioHoldsAsItIsAndIsAchievedOnlyOnceItsPeriodIsOver() {
        java.util.function.Predicate<java.time.LocalDate> weekdays =
                d -> d.getDayOfWeek().getValue() <= 5;
        java.time.LocalDate start = java.time.LocalDate.parse("2026-10-01");
        java.time.LocalDate end = java.time.LocalDate.parse("2026-12-31");
        // NRR 0.97 against 0.95, half way: on track, its projection itself, pace = attainment.
        ObjectiveMath.Figures running = ObjectiveMath.ratioFigures(
                new java.math.BigDecimal("0.97"),
                new java.math.BigDecimal("0.95"),
                start,
                end,
                java.time.LocalDate.parse("2026-11-15"),
                weekdays);
        org.assertj.core.api.Assertions.assertThat(running.status())
                .isEqualTo(io.salespulse.contracts.kpi.ObjectiveStatus.ON_TRACK);
        org.assertj.core.api.Assertions.assertThat(running.projection()).isEqualByComparingTo("0.97");
        org.assertj.core.api.Assertions.assertThat(running.pace()).isEqualByComparingTo("1.0211");
        // Over, at the target or above: achieved; 0.80 against 0.95 is 84%: at risk; 0.70 is 74%: off track.
        java.time.LocalDate after = java.time.LocalDate.parse("2027-01-05");
        org.assertj.core.api.Assertions.assertThat(ObjectiveMath.ratioFigures(
                                new java.math.BigDecimal("0.95"),
                                new java.math.BigDecimal("0.95"),
                                start,
                                end,
                                after,
                                weekdays)
                        .status())
                .isEqualTo(io.salespulse.contracts.kpi.ObjectiveStatus.ACHIEVED);
        org.assertj.core.api.Assertions.assertThat(ObjectiveMath.ratioFigures(
                                new java.math.BigDecimal("0.80"),
                                new java.math.BigDecimal("0.95"),
                                start,
                                end,
                                after,
                                weekdays)
                        .status())
                .isEqualTo(io.salespulse.contracts.kpi.ObjectiveStatus.AT_RISK);
        org.assertj.core.api.Assertions.assertThat(ObjectiveMath.ratioFigures(
                                new java.math.BigDecimal("0.70"),
                                new java.math.BigDecimal("0.95"),
                                start,
                                end,
                                after,
                                weekdays)
                        .status())
                .isEqualTo(io.salespulse.contracts.kpi.ObjectiveStatus.OFF_TRACK);
        // No figure yet (no customer at the start): nothing to judge.
        ObjectiveMath.Figures none = ObjectiveMath.ratioFigures(
                null, new java.math.BigDecimal("0.95"), start, end, java.time.LocalDate.parse("2026-11-15"), weekdays);
        org.assertj.core.api.Assertions.assertThat(none.status())
                .isEqualTo(io.salespulse.contracts.kpi.ObjectiveStatus.ON_TRACK);
        org.assertj.core.api.Assertions.assertThat(none.projection()).isNull();
    }
}
