package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rep-activity rules of kpis-and-signals.md: activity drop against the rep's own baseline, silence, connect-rate
 * drop, and back on track. They look at completed working days only (through yesterday in the team's zone), so a
 * morning is never read as a slump. Pure: each rule is a unit test at, below and above its threshold.
 */
public final class ActivityRules {

    private ActivityRules() {}

    /**
     * What the rules read about one rep.
     *
     * @param repId       the rep
     * @param role        its role (decides the key metric)
     * @param startDate   when the rep started ({@code null}: long ago)
     * @param workingDay  the rep's working days: its team's days of the week, less public holidays and its absences
     * @param yesterday   the last completed day in the team's zone
     * @param days        the rep's daily activity (days without any are left out)
     */
    public record RepHistory(
            String repId,
            RepRole role,
            LocalDate startDate,
            Predicate<LocalDate> workingDay,
            LocalDate yesterday,
            Map<LocalDate, DailyActivity> days) {

        DailyActivity on(LocalDate day) {
            return days.getOrDefault(day, DailyActivity.NONE);
        }

        long workingDaysSinceStart() {
            return startDate == null ? Long.MAX_VALUE : WorkingDays.between(startDate, yesterday, workingDay);
        }
    }

    /** The key activity of a role (the article: what each role's day is made of). */
    public static long keyMetric(RepRole role, DailyActivity a) {
        return switch (role) {
            case SDR -> a.calls() + a.emails() + a.meetingsBooked();
            case AE -> a.meetingsHeld() + a.dealsAdvanced();
            case CSM -> a.meetingsHeld();
        };
    }

    /** Active reps a team needs measured before its activity drop is spoken of. */
    public static final int TEAM_MIN_REPS = 3;

    /**
     * A rep of a team as the team's activity drop reads it: its own ratio to its own baseline, and whether its own drop
     * rule (its role's and seniority's threshold) holds.
     */
    public record MemberRatio(String repId, BigDecimal ratio, boolean dropping) {}

    /**
     * TEAM_ACTIVITY_DROP: more than half of the team's active reps measured (at least {@link #TEAM_MIN_REPS}: those
     * with enough history, not away or just back) drop in the same window. CRITICAL: a whole team slowing down at once
     * (a tool outage, a morale issue, a market change) is one thing to look at now, told once instead of once per rep.
     * Evidence: how many drop, how many were measured, and the mean of their ratios.
     */
    public static Optional<Detection> teamActivityDrop(String teamId, List<MemberRatio> members) {
        if (members.size() < TEAM_MIN_REPS) {
            return Optional.empty();
        }
        long dropping = members.stream().filter(MemberRatio::dropping).count();
        if (dropping * 2 <= members.size()) {
            return Optional.empty();
        }
        BigDecimal mean = members.stream()
                .map(MemberRatio::ratio)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(members.size()), 4, RoundingMode.HALF_UP);
        return Optional.of(new Detection(
                SignalType.TEAM_ACTIVITY_DROP,
                SubjectKind.TEAM,
                teamId,
                Severity.CRITICAL,
                List.of(
                        Evidence.of("repsDropping", dropping),
                        Evidence.of("repsMeasured", members.size()),
                        Evidence.of("ratio", mean))));
    }

    /** The ratio of the last window to the baseline, when there is enough history to speak. */
    public record Ratio(long recent, BigDecimal baseline, BigDecimal ratio) {}

    public static Optional<Ratio> activityRatio(RepHistory rep, ActivityThresholds.ActivityDrop t) {
        List<LocalDate> window = WorkingDays.ending(rep.yesterday(), t.windowDays(), rep.workingDay());
        if (window.isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> baselineDays =
                WorkingDays.ending(window.get(0).minusDays(1), t.baselineDays(), rep.workingDay());
        long history = Math.min(rep.workingDaysSinceStart() - window.size(), baselineDays.size());
        if (history < t.minHistoryDays()) {
            return Optional.empty();
        }
        // Only the baseline days the rep was there for count towards the mean.
        List<LocalDate> counted = baselineDays.subList(baselineDays.size() - (int) history, baselineDays.size());
        long recent = window.stream()
                .mapToLong(day -> keyMetric(rep.role(), rep.on(day)))
                .sum();
        long base = counted.stream()
                .mapToLong(day -> keyMetric(rep.role(), rep.on(day)))
                .sum();
        if (base == 0) {
            return Optional.empty();
        }
        BigDecimal baseline = BigDecimal.valueOf(base)
                .multiply(BigDecimal.valueOf(window.size()))
                .divide(BigDecimal.valueOf(counted.size()), 2, RoundingMode.HALF_UP);
        return Optional.of(
                new Ratio(recent, baseline, BigDecimal.valueOf(recent).divide(baseline, 4, RoundingMode.HALF_UP)));
    }

    public static Optional<Detection> activityDrop(RepHistory rep, ActivityThresholds.ActivityDrop t) {
        return activityRatio(rep, t)
                .filter(r -> r.ratio().compareTo(t.warningBelow()) < 0)
                .map(r -> new Detection(
                        SignalType.ACTIVITY_DROP,
                        SubjectKind.REP,
                        rep.repId(),
                        r.ratio().compareTo(t.criticalBelow()) < 0 ? Severity.CRITICAL : Severity.WARNING,
                        List.of(
                                Evidence.of("activityLastDays", r.recent()),
                                Evidence.of("baseline", r.baseline()),
                                Evidence.of("ratio", r.ratio()),
                                Evidence.of("threshold", t.warningBelow()),
                                Evidence.of("windowDays", t.windowDays()))));
    }

    /**
     * Back on track after a drop that was told: the last window's key activity against the baseline the drop was
     * measured on ({@code dropBaseline}, its {@code baseline} evidence, not today's baseline, which has moved since or
     * may be only partly loaded), at least {@code backOnTrackAt}. So the ratio a manager reads is the drop's own
     * measure, come back.
     */
    public static Optional<Detection> backOnTrack(
            RepHistory rep, ActivityThresholds.ActivityDrop t, BigDecimal dropBaseline, String subjectId) {
        List<LocalDate> window = WorkingDays.ending(rep.yesterday(), t.windowDays(), rep.workingDay());
        if (window.isEmpty() || dropBaseline == null || dropBaseline.signum() <= 0) {
            return Optional.empty();
        }
        long recent = window.stream()
                .mapToLong(day -> keyMetric(rep.role(), rep.on(day)))
                .sum();
        BigDecimal ratio = BigDecimal.valueOf(recent).divide(dropBaseline, 4, RoundingMode.HALF_UP);
        return ratio.compareTo(t.backOnTrackAt()) < 0
                ? Optional.empty()
                : Optional.of(new Detection(
                        SignalType.BACK_ON_TRACK,
                        SubjectKind.REP,
                        subjectId,
                        Severity.INFO,
                        List.of(
                                Evidence.of("activityLastDays", recent),
                                Evidence.of("baseline", dropBaseline),
                                Evidence.of("ratio", ratio),
                                Evidence.of("threshold", t.backOnTrackAt()))));
    }

    /** Consecutive completed working days without any logged activity. */
    public static Optional<Detection> silence(RepHistory rep, ActivityThresholds.Silence t) {
        if (rep.workingDaysSinceStart() < t.newRepDays()) {
            return Optional.empty();
        }
        List<LocalDate> window = WorkingDays.ending(rep.yesterday(), t.days(), rep.workingDay());
        boolean silent = window.size() == t.days()
                && window.stream().allMatch(day -> {
                    DailyActivity a = rep.on(day);
                    return a.calls()
                                    + a.emails()
                                    + a.meetingsBooked()
                                    + a.meetingsHeld()
                                    + a.dealsCreated()
                                    + a.dealsAdvanced()
                                    + a.dealsWon()
                                    + a.dealsLost()
                            == 0;
                });
        return silent
                ? Optional.of(new Detection(
                        SignalType.SILENCE,
                        SubjectKind.REP,
                        rep.repId(),
                        Severity.WARNING,
                        List.of(Evidence.of("workingDaysSilent", t.days()), Evidence.of("threshold", t.days()))))
                : Optional.empty();
    }

    /** Weeks of history a personal best is measured against (the last completed week included). */
    public static final int PERSONAL_BEST_WEEKS = 12;
    /** Weeks with activity needed before a best means something. */
    public static final int PERSONAL_BEST_MIN_WEEKS = 4;

    /**
     * The last completed ISO week (Monday to Sunday, before the one that contains {@code today}) is the rep's best on
     * the key metric of its role over the trailing 12 weeks, strictly above every other week with activity.
     */
    public static Optional<Detection> personalBest(RepHistory rep, LocalDate today) {
        LocalDate lastMonday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        long last = weekTotal(rep, lastMonday);
        long best = 0;
        int weeksWithActivity = 0;
        for (int week = 1; week < PERSONAL_BEST_WEEKS; week++) {
            long total = weekTotal(rep, lastMonday.minusWeeks(week));
            if (total > 0) {
                weeksWithActivity++;
            }
            best = Math.max(best, total);
        }
        if (weeksWithActivity < PERSONAL_BEST_MIN_WEEKS || last <= best) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.PERSONAL_BEST,
                SubjectKind.REP,
                rep.repId() + "@" + lastMonday,
                Severity.INFO,
                List.of(
                        Evidence.of("weekTotal", last),
                        Evidence.of("previousBest", best),
                        Evidence.of("weeks", PERSONAL_BEST_WEEKS))));
    }

    private static long weekTotal(RepHistory rep, LocalDate monday) {
        return java.util.stream.IntStream.range(0, 7)
                .mapToObj(monday::plusDays)
                .mapToLong(day -> keyMetric(rep.role(), rep.on(day)))
                .sum();
    }

    /** Connect rate over the window below baseline minus a margin, with enough calls in both. */
    public static Optional<Detection> connectRateDrop(RepHistory rep, ActivityThresholds.ConnectRate t) {
        List<LocalDate> window = WorkingDays.ending(rep.yesterday(), t.windowDays(), rep.workingDay());
        if (window.isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> baseline = WorkingDays.ending(window.get(0).minusDays(1), t.baselineDays(), rep.workingDay());
        long calls = window.stream().mapToLong(d -> rep.on(d).calls()).sum();
        long connected =
                window.stream().mapToLong(d -> rep.on(d).connectedCalls()).sum();
        long baseCalls = baseline.stream().mapToLong(d -> rep.on(d).calls()).sum();
        long baseConnected =
                baseline.stream().mapToLong(d -> rep.on(d).connectedCalls()).sum();
        if (calls < t.minCalls() || baseCalls < t.minCalls()) {
            return Optional.empty();
        }
        BigDecimal rate = BigDecimal.valueOf(connected).divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_UP);
        BigDecimal baseRate =
                BigDecimal.valueOf(baseConnected).divide(BigDecimal.valueOf(baseCalls), 4, RoundingMode.HALF_UP);
        if (rate.compareTo(baseRate.subtract(t.dropPoints())) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.CONNECT_RATE_DROP,
                SubjectKind.REP,
                rep.repId(),
                Severity.WARNING,
                List.of(
                        Evidence.of("connectRate", rate), Evidence.of("baselineConnectRate", baseRate),
                        Evidence.of("calls", calls), Evidence.of("threshold", baseRate.subtract(t.dropPoints())))));
    }
}
