package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.WorkingHours;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The care rules on hand-made days: yesterday is Thursday 26 November 2026, the team works Monday to Friday from 09:00
 * to 18:00. Every expected share is worked out by hand in the test.
 */
class CareRulesTest {

    static final LocalDate YESTERDAY = LocalDate.parse("2026-11-26");
    static final RuleSettings.Care T = RuleSettings.DEFAULTS.care();
    static final Predicate<LocalDate> MON_FRI = day -> day.getDayOfWeek().getValue() <= 5;

    private final Map<LocalDate, RepDayKpisUpdated> days = new HashMap<>();
    private Set<LocalDate> away = Set.of();

    /** {@code count} calls at {@code hour} on a day (added to what the day has). */
    private void calls(LocalDate day, int hour, long count) {
        RepDayKpisUpdated held = days.get(day);
        List<Long> hours = held == null ? new ArrayList<>(Collections.nCopies(24, 0L)) : new ArrayList<>(held.hours());
        hours.set(hour, hours.get(hour) + count);
        long calls = hours.stream().mapToLong(Long::longValue).sum();
        days.put(
                day,
                new RepDayKpisUpdated(
                        "lea",
                        "paris",
                        day,
                        new DailyActivity(calls, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        hours,
                        Instant.EPOCH));
    }

    private CareRules.CareHistory history() {
        return new CareRules.CareHistory(
                "lea", RepRole.SDR, WorkingHours.DEFAULT, MON_FRI, away::contains, YESTERDAY, Map.copyOf(days));
    }

    private static BigDecimal evidence(Optional<Detection> found, String name) {
        return found.orElseThrow().evidence().stream()
                .filter(e -> e.name().equals(name))
                .map(Evidence::value)
                .findFirst()
                .orElseThrow();
    }

    /** Eight weeks of working days with 18 calls in hours and 2 at 19:00 (10 % outside), before {@code from}. */
    private void usualWeeks(LocalDate from) {
        for (LocalDate day = from.minusWeeks(8); day.isBefore(from); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 18);
                calls(day, 19, 2);
            }
        }
    }

    // The last 10 working days ending Thursday 26th start on Friday 13th.
    static final LocalDate WINDOW = LocalDate.parse("2026-11-13");

    @Test
    void eveningCallsForTwoWeeksRaiseAfterHoursRisingAndTheSameCallsInHoursDoNot() {
        usualWeeks(WINDOW);
        for (LocalDate day = WINDOW; !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 12);
                calls(day, 20, 8);
            }
        }
        Optional<Detection> rising = CareRules.afterHoursRising(history(), T);
        assertThat(rising).map(Detection::type).contains(SignalType.AFTER_HOURS_RISING);
        // 80 outside of 200 in the window; 80 of 800 in the 40 working days before.
        assertThat(evidence(rising, "afterHoursShare")).isEqualByComparingTo("0.40");
        assertThat(evidence(rising, "baselineAfterHoursShare")).isEqualByComparingTo("0.10");
        assertThat(evidence(rising, "eveningsWorked")).isEqualByComparingTo("10");
        assertThat(evidence(rising, "daysOffWorked")).isEqualByComparingTo("0");

        days.clear();
        usualWeeks(WINDOW);
        for (LocalDate day = WINDOW; !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 12);
                calls(day, 15, 8);
            }
        }
        assertThat(CareRules.afterHoursRising(history(), T)).isEmpty();
    }

    @Test
    void weekendWorkCountsOutsideHoursAndAShareThatWasAlwaysHighIsNotRising() {
        // The usual share is already 30 % (6 of 20 at 19:00): 40 % now is not twice it.
        for (LocalDate day = WINDOW.minusWeeks(8); day.isBefore(WINDOW); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 14);
                calls(day, 19, 6);
            }
        }
        for (LocalDate day = WINDOW; !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 12);
                calls(day, 20, 8);
            }
        }
        assertThat(CareRules.afterHoursRising(history(), T)).isEmpty();

        // Saturday calls at 11:00 are outside working hours: a day off worked.
        days.clear();
        usualWeeks(WINDOW);
        for (LocalDate day = WINDOW; !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            calls(day, 11, MON_FRI.test(day) ? 20 : 30);
        }
        Optional<Detection> weekends = CareRules.afterHoursRising(history(), T);
        // 4 weekend days (14-15, 21-22) at 30: 120 outside of 320.
        assertThat(evidence(weekends, "afterHoursShare")).isEqualByComparingTo("0.375");
        assertThat(evidence(weekends, "daysOffWorked")).isEqualByComparingTo("4");
    }

    @Test
    void twelveDaysInARowRaiseNoRestAndAnAbsenceResetsIt() {
        for (LocalDate day = YESTERDAY.minusDays(11); !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            calls(day, 10, 3);
        }
        Optional<Detection> noRest = CareRules.noRest(history(), T);
        assertThat(noRest).map(Detection::type).contains(SignalType.NO_REST);
        assertThat(evidence(noRest, "daysInARow")).isEqualByComparingTo("12");

        // Eleven days only: not yet.
        days.remove(YESTERDAY.minusDays(11));
        assertThat(CareRules.noRest(history(), T)).isEmpty();

        // Twelve again, but a day of leave recorded in the middle of them: rest.
        calls(YESTERDAY.minusDays(11), 10, 3);
        away = Set.of(YESTERDAY.minusDays(4));
        assertThat(CareRules.daysInARow(history())).isEqualTo(4); // 23rd to 26th
        assertThat(CareRules.noRest(history(), T)).isEmpty();

        // Never while the rep is away today.
        away = Set.of(YESTERDAY.plusDays(1));
        assertThat(CareRules.noRest(history(), T)).isEmpty();
    }

    @Test
    void tenWeeksOfWeekendsWorkedRaiseNoRestEvenWithQuietWeekdays() {
        // Every Saturday and Sunday of the last ten weeks worked; Wednesdays left quiet.
        for (LocalDate day = YESTERDAY.minusWeeks(10).plusDays(1); !day.isAfter(YESTERDAY); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
                calls(day, 10, 2);
            }
        }
        Optional<Detection> noRest = CareRules.noRest(history(), T);
        assertThat(noRest).isPresent();
        assertThat(evidence(noRest, "daysInARow")).isEqualByComparingTo("1");
        assertThat(evidence(noRest, "weeksWithoutRest")).isGreaterThanOrEqualTo(BigDecimal.TEN);

        // One Sunday off in those weeks is rest.
        days.remove(LocalDate.parse("2026-11-01"));
        assertThat(CareRules.noRest(history(), T)).isEmpty();
    }

    @Test
    void threeHeavyWeeksWithEveningsRisingRaiseSustainedOverload() {
        // Completed weeks before Monday 23rd... the rule reads the three weeks ending Sunday 22nd.
        LocalDate firstHeavy = LocalDate.parse("2026-11-02");
        for (LocalDate day = firstHeavy.minusWeeks(8); day.isBefore(firstHeavy); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 20); // 100 a week, all in hours
            }
        }
        for (LocalDate day = firstHeavy; day.isBefore(firstHeavy.plusWeeks(3)); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, 20);
                calls(day, 19, 9); // 145 a week: 145 % of usual, 31 % outside hours
            }
        }
        Optional<Detection> overload = CareRules.sustainedOverload(history(), T);
        assertThat(overload).map(Detection::type).contains(SignalType.SUSTAINED_OVERLOAD);
        assertThat(evidence(overload, "usualWeek")).isEqualByComparingTo("100");
        assertThat(evidence(overload, "weekRatio")).isEqualByComparingTo("1.45");
        assertThat(evidence(overload, "afterHoursShare")).isEqualByComparingTo("0.3103"); // 135 / 435

        // The same load within working hours is not overload: the rule needs evenings rising too.
        days.clear();
        for (LocalDate day = firstHeavy.minusWeeks(8); day.isBefore(firstHeavy.plusWeeks(3)); day = day.plusDays(1)) {
            if (MON_FRI.test(day)) {
                calls(day, 10, day.isBefore(firstHeavy) ? 20 : 29);
            }
        }
        assertThat(CareRules.sustainedOverload(history(), T)).isEmpty();
    }

    @Test
    void energyFourFourTwoTwoIsADropAndFourFourTwoIsNotYet() {
        assertThat(CareRules.energyDrop("lea", List.of(2, 4, 4), T)).isEmpty();
        Optional<Detection> drop = CareRules.energyDrop("lea", List.of(2, 2, 4, 4), T);
        assertThat(drop).map(Detection::type).contains(SignalType.ENERGY_DROP);
        assertThat(evidence(drop, "energy")).isEqualByComparingTo("2");
        // A fall of two under the average of the four before: 5, 4, 5, 4 then 2.
        assertThat(CareRules.energyDrop("lea", List.of(2, 4, 5, 4, 5), T)).isPresent();
        assertThat(CareRules.energyDrop("lea", List.of(3, 4, 4, 4, 4), T)).isEmpty();
    }

    @Test
    void aJuniorsOneOnOneIsOverdueAfterTwoWeeks() {
        LocalDate today = YESTERDAY.plusDays(1);
        int junior = T.oneOnOneDays(
                false, io.salespulse.contracts.org.Seniority.JUNIOR, io.salespulse.contracts.org.TeamCare.NONE);
        assertThat(junior).isEqualTo(14);
        assertThat(CareRules.oneOnOneOverdue("lea", today.minusDays(14), junior, today))
                .isEmpty();
        Optional<Detection> overdue = CareRules.oneOnOneOverdue("lea", today.minusDays(15), junior, today);
        assertThat(evidence(overdue, "daysSinceOneOnOne")).isEqualByComparingTo("15");
        // Nothing to count from (a team that records no 1:1 here): nothing said.
        assertThat(CareRules.oneOnOneOverdue("lea", null, junior, today)).isEmpty();
        // A team's own cadence wins over the installation's.
        assertThat(T.oneOnOneDays(
                        false,
                        io.salespulse.contracts.org.Seniority.SENIOR,
                        new io.salespulse.contracts.org.TeamCare(null, null, null, 21)))
                .isEqualTo(21);
    }

    @Test
    void workingHoursCoverTheHoursThatStartWithinThem() {
        WorkingHours hours = new WorkingHours(LocalTime.of(8, 30), LocalTime.of(18, 30));
        assertThat(hours.covers(8)).isTrue();
        assertThat(hours.covers(18)).isTrue();
        assertThat(hours.covers(19)).isFalse();
        assertThat(hours.covers(7)).isFalse();
        assertThat(WorkingHours.DEFAULT.covers(17)).isTrue();
        assertThat(WorkingHours.DEFAULT.covers(18)).isFalse();
    }
}
