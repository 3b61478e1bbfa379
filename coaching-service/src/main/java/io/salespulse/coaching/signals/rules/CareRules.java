package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.WorkingHours;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The care rules (docs/kpis-and-signals.md, "Care signals"), pure: each one compares the rep with its own past, on
 * completed days of the team's zone, and respects absences and public holidays. They read counts only: a day's
 * activities and the hours of the day they happened in, never when within the hour.
 */
public final class CareRules {

    private CareRules() {}

    /**
     * A rep's days as the care rules read them.
     *
     * @param repId     the rep
     * @param role      its role (decides the key measure of a week)
     * @param hours     its team's working day
     * @param teamWorks whether the team works on a day (its days of the week, less public holidays)
     * @param away      whether the rep was away on a day (a recorded absence)
     * @param yesterday the last completed day in the team's zone
     * @param days      the rep's days with figures (days without any are left out)
     */
    public record CareHistory(
            String repId,
            RepRole role,
            WorkingHours hours,
            Predicate<LocalDate> teamWorks,
            Predicate<LocalDate> away,
            LocalDate yesterday,
            Map<LocalDate, RepDayKpisUpdated> days) {

        /** The rep's own activities of a day: calls, emails, meetings booked and held. */
        long actions(LocalDate day) {
            RepDayKpisUpdated figures = days.get(day);
            if (figures == null) {
                return 0;
            }
            if (figures.hours() != null) {
                return figures.hours().stream().mapToLong(Long::longValue).sum();
            }
            DailyActivity a = figures.activity();
            return a.calls() + a.emails() + a.meetingsBooked() + a.meetingsHeld();
        }

        /** Whether the rep worked that day: a working day of its team, not away. */
        boolean workingDay(LocalDate day) {
            return teamWorks.test(day) && !away.test(day);
        }

        /**
         * A day's activities within and outside working hours; empty when its hours were not kept (figures counted
         * before hours were). Every activity of a day the rep did not work (a weekend, a holiday, a day away) is
         * outside working hours.
         */
        Optional<long[]> split(LocalDate day) {
            RepDayKpisUpdated figures = days.get(day);
            if (figures == null) {
                return Optional.of(new long[2]);
            }
            if (figures.hours() == null) {
                return Optional.empty();
            }
            long[] split = new long[2];
            boolean working = workingDay(day);
            for (int hour = 0; hour < RepDayKpisUpdated.HOURS; hour++) {
                split[working && hours.covers(hour) ? 0 : 1] += figures.hours().get(hour);
            }
            return Optional.of(split);
        }
    }

    /** The share of activity outside working hours over from..to, its days without hours left out. */
    public record Share(long within, long outside, int eveningsWorked, int daysOffWorked) {

        long total() {
            return within + outside;
        }

        /** Outside over all, four decimals; null without activity. */
        public BigDecimal share() {
            return total() == 0
                    ? null
                    : BigDecimal.valueOf(outside).divide(BigDecimal.valueOf(total()), 4, RoundingMode.HALF_UP);
        }
    }

    /** The rep's own activities on a day (calls, emails, meetings booked and held). */
    public static long actionsOn(CareHistory rep, LocalDate day) {
        return rep.actions(day);
    }

    /** The share of a span, from..to inclusive. */
    public static Share share(CareHistory rep, LocalDate from, LocalDate to) {
        long within = 0;
        long outside = 0;
        int evenings = 0;
        int daysOff = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Optional<long[]> split = rep.split(day);
            if (split.isEmpty()) {
                continue;
            }
            within += split.get()[0];
            outside += split.get()[1];
            if (rep.workingDay(day) && split.get()[1] > 0) {
                evenings++;
            } else if (!rep.workingDay(day) && split.get()[1] > 0) {
                daysOff++;
            }
        }
        return new Share(within, outside, evenings, daysOff);
    }

    /**
     * AFTER_HOURS_RISING: over the rep's last {@code afterHoursWindowDays} working days (every calendar day between
     * them counted, weekends included), the share of activity outside working hours is at least the floor and at
     * least {@code afterHoursFactor} times its share over the {@code baselineWeeks} before (and above it). Both spans
     * need {@code minActions} activities.
     */
    public static Optional<Detection> afterHoursRising(CareHistory rep, RuleSettings.Care t) {
        List<LocalDate> window = WorkingDays.ending(rep.yesterday(), t.afterHoursWindowDays(), rep::workingDay);
        if (window.size() < t.afterHoursWindowDays()) {
            return Optional.empty();
        }
        LocalDate from = window.get(0);
        Share recent = share(rep, from, rep.yesterday());
        Share before = share(rep, from.minusWeeks(t.baselineWeeks()), from.minusDays(1));
        if (recent.total() < t.minActions() || before.total() < t.minActions()) {
            return Optional.empty();
        }
        BigDecimal now = recent.share();
        BigDecimal usual = before.share();
        if (now.compareTo(t.afterHoursFloor()) < 0
                || now.compareTo(usual) <= 0
                || now.compareTo(usual.multiply(t.afterHoursFactor())) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.AFTER_HOURS_RISING,
                SubjectKind.REP,
                rep.repId(),
                Severity.WARNING,
                List.of(
                        Evidence.of("afterHoursShare", now),
                        Evidence.of("baselineAfterHoursShare", usual),
                        Evidence.of("eveningsWorked", recent.eveningsWorked()),
                        Evidence.of("daysOffWorked", recent.daysOffWorked()),
                        Evidence.of("threshold", t.afterHoursFloor()))));
    }

    /** Days in a row with activity ending yesterday; a day away ends the run (it is rest). */
    public static int daysInARow(CareHistory rep) {
        int run = 0;
        for (LocalDate day = rep.yesterday();
                run < 400 && rep.actions(day) > 0 && !rep.away().test(day);
                day = day.minusDays(1)) {
            run++;
        }
        return run;
    }

    /** The last day off up to yesterday, within a year (none: empty). */
    public static Optional<LocalDate> lastDayOff(CareHistory rep) {
        for (LocalDate day = rep.yesterday(); day.isAfter(rep.yesterday().minusWeeks(52)); day = day.minusDays(1)) {
            if (dayOff(rep, day)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** A day off: a day away, or a day the team does not work without any activity. */
    static boolean dayOff(CareHistory rep, LocalDate day) {
        return rep.away().test(day) || !rep.teamWorks().test(day) && rep.actions(day) == 0;
    }

    /**
     * NO_REST: activity on each of the last {@code noRestDays} days, or no day off in the last {@code noDayOffWeeks}
     * weeks (a span with at least one day the team does not work a week: a team working every day rests on its
     * absences and on days without activity, which the first condition sees). Never while the rep is away today.
     */
    public static Optional<Detection> noRest(CareHistory rep, RuleSettings.Care t) {
        LocalDate today = rep.yesterday().plusDays(1);
        if (rep.away().test(today)) {
            return Optional.empty();
        }
        int run = daysInARow(rep);
        LocalDate spanStart = rep.yesterday().minusWeeks(t.noDayOffWeeks()).plusDays(1);
        long nonWorking = spanStart
                .datesUntil(today)
                .filter(day -> !rep.teamWorks().test(day))
                .count();
        boolean noDayOff =
                nonWorking >= t.noDayOffWeeks() && spanStart.datesUntil(today).noneMatch(day -> dayOff(rep, day));
        if (run < t.noRestDays() && !noDayOff) {
            return Optional.empty();
        }
        LocalDate lastOff = lastDayOff(rep).orElse(rep.yesterday().minusWeeks(52));
        return Optional.of(new Detection(
                SignalType.NO_REST,
                SubjectKind.REP,
                rep.repId(),
                Severity.WARNING,
                List.of(
                        Evidence.of("daysInARow", run),
                        Evidence.of("weeksWithoutRest", ChronoUnit.DAYS.between(lastOff, rep.yesterday()) / 7),
                        Evidence.of("threshold", t.noRestDays()))));
    }

    /** A week's total of the role's key measure, Monday to Sunday. */
    static long week(CareHistory rep, LocalDate monday) {
        long total = 0;
        for (int d = 0; d < 7; d++) {
            RepDayKpisUpdated figures = rep.days().get(monday.plusDays(d));
            if (figures != null) {
                total += ActivityRules.keyMetric(rep.role(), figures.activity());
            }
        }
        return total;
    }

    /**
     * SUSTAINED_OVERLOAD: each of the last {@code overloadWeeks} completed weeks at or above {@code overloadRatio} of
     * the rep's usual week (the average of the {@code baselineWeeks} before them that had any activity, at least half
     * of them), with the share of activity outside working hours over those weeks up by at least
     * {@code afterHoursRise} on the weeks before.
     */
    public static Optional<Detection> sustainedOverload(CareHistory rep, RuleSettings.Care t) {
        LocalDate thisMonday = rep.yesterday().plusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstHeavy = thisMonday.minusWeeks(t.overloadWeeks());
        List<Long> usualWeeks = new ArrayList<>();
        for (int w = 1; w <= t.baselineWeeks(); w++) {
            long total = week(rep, firstHeavy.minusWeeks(w));
            if (total > 0) {
                usualWeeks.add(total);
            }
        }
        if (usualWeeks.size() * 2 < t.baselineWeeks()) {
            return Optional.empty();
        }
        BigDecimal usual = BigDecimal.valueOf(
                        usualWeeks.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(usualWeeks.size()), 2, RoundingMode.HALF_UP);
        long heavyTotal = 0;
        for (int w = 0; w < t.overloadWeeks(); w++) {
            long total = week(rep, firstHeavy.plusWeeks(w));
            if (BigDecimal.valueOf(total).compareTo(usual.multiply(t.overloadRatio())) < 0) {
                return Optional.empty();
            }
            heavyTotal += total;
        }
        Share heavy = share(rep, firstHeavy, thisMonday.minusDays(1));
        Share before = share(rep, firstHeavy.minusWeeks(t.baselineWeeks()), firstHeavy.minusDays(1));
        if (heavy.total() < t.minActions() || before.total() < t.minActions()) {
            return Optional.empty();
        }
        if (heavy.share().subtract(before.share()).compareTo(t.afterHoursRise()) < 0) {
            return Optional.empty();
        }
        BigDecimal ratio = BigDecimal.valueOf(heavyTotal)
                .divide(usual.multiply(BigDecimal.valueOf(t.overloadWeeks())), 4, RoundingMode.HALF_UP);
        return Optional.of(new Detection(
                SignalType.SUSTAINED_OVERLOAD,
                SubjectKind.REP,
                rep.repId(),
                Severity.WARNING,
                List.of(
                        Evidence.of("weeksAbove", t.overloadWeeks()),
                        Evidence.of("weekRatio", ratio),
                        Evidence.of("usualWeek", usual),
                        Evidence.of("afterHoursShare", heavy.share()),
                        Evidence.of("baselineAfterHoursShare", before.share()),
                        Evidence.of("threshold", t.overloadRatio()))));
    }

    /**
     * ENERGY_DROP: from the energy checks of the rep's 1:1s (1-5), the latest first: the last two at or below
     * {@code energyLow}, or the last at least {@code energyFall} under the average of the four before it.
     */
    public static Optional<Detection> energyDrop(String repId, List<Integer> latestFirst, RuleSettings.Care t) {
        if (latestFirst.size() < 2) {
            return Optional.empty();
        }
        int last = latestFirst.get(0);
        List<Integer> before = latestFirst.subList(1, Math.min(5, latestFirst.size()));
        BigDecimal average = BigDecimal.valueOf(
                        before.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(before.size()), 2, RoundingMode.HALF_UP);
        boolean lowTwice = last <= t.energyLow() && latestFirst.get(1) <= t.energyLow();
        boolean fell = before.size() == 4
                && average.subtract(BigDecimal.valueOf(last)).compareTo(BigDecimal.valueOf(t.energyFall())) >= 0;
        if (!lowTwice && !fell) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.ENERGY_DROP,
                SubjectKind.REP,
                repId,
                Severity.WARNING,
                List.of(
                        Evidence.of("energy", last),
                        Evidence.of("energyBefore", latestFirst.get(1)),
                        Evidence.of("energyAverage", average))));
    }

    /**
     * ONE_ON_ONE_OVERDUE: more than {@code cadenceDays} since {@code since}: the rep's last 1:1, or, when it has none
     * yet, since its team started recording 1:1s in SalesPulse (or the rep started, if later). Null: nothing is said
     * (a team that records no 1:1 here is not told it holds none).
     */
    public static Optional<Detection> oneOnOneOverdue(String repId, LocalDate since, int cadenceDays, LocalDate today) {
        if (since == null || since.isAfter(today)) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(since, today);
        if (days <= cadenceDays) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.ONE_ON_ONE_OVERDUE,
                SubjectKind.REP,
                repId,
                Severity.WARNING,
                List.of(Evidence.of("daysSinceOneOnOne", days), Evidence.of("cadenceDays", cadenceDays))));
    }

    /** A week of the team pulse: its Monday, and its mean score (null: fewer than three answers). */
    public record PulseWeek(LocalDate week, BigDecimal average, long answers) {}

    /**
     * TEAM_MORALE_DROP: the team pulse's latest week with a mean (this week or the last; three answers at least) is at
     * least {@code moraleMargin} under the team's usual: the mean of the means of the {@code moraleBaselineWeeks} weeks
     * before it that have one (three of them at least). About the team, never a rep.
     *
     * @param latestFirst the team's weeks, the latest first
     * @param thisMonday  the Monday of this week in the team's zone
     */
    public static Optional<Detection> teamMoraleDrop(
            String teamId, List<PulseWeek> latestFirst, LocalDate thisMonday, RuleSettings.Care t) {
        PulseWeek latest = latestFirst.stream()
                .filter(w -> w.average() != null && !w.week().isBefore(thisMonday.minusWeeks(1)))
                .findFirst()
                .orElse(null);
        if (latest == null) {
            return Optional.empty();
        }
        List<BigDecimal> before = latestFirst.stream()
                .filter(w -> w.average() != null
                        && w.week().isBefore(latest.week())
                        && !w.week().isBefore(latest.week().minusWeeks(t.moraleBaselineWeeks())))
                .map(PulseWeek::average)
                .toList();
        if (before.size() < 3) {
            return Optional.empty();
        }
        BigDecimal usual = before.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(before.size()), 2, RoundingMode.HALF_UP);
        if (latest.average().compareTo(usual.subtract(t.moraleMargin())) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.TEAM_MORALE_DROP,
                SubjectKind.TEAM,
                teamId,
                Severity.WARNING,
                List.of(
                        Evidence.of("teamAverage", latest.average()),
                        Evidence.of("baselineAverage", usual),
                        Evidence.of("answers", latest.answers()))));
    }
}
