package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityRulesTest {

    static final java.util.function.Predicate<LocalDate> MON_FRI =
            day -> day.getDayOfWeek().getValue() <= 5;
    /** Friday: the last 5 working days are Mon 23rd to Fri 27th of November 2026. */
    static final LocalDate YESTERDAY = LocalDate.parse("2026-11-27");

    static final ActivityThresholds.ActivityDrop DROP = ActivityThresholds.ActivityDrop.DEFAULT;

    private static DailyActivity calls(long calls, long connected) {
        return new DailyActivity(calls, connected, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** An SDR with {@code baselinePerDay} calls on each of the 20 baseline days and the given calls in the window. */
    private static ActivityRules.RepHistory sdr(long baselinePerDay, long[] window, LocalDate start) {
        Map<LocalDate, DailyActivity> days = new HashMap<>();
        List<LocalDate> windowDays = WorkingDays.ending(YESTERDAY, 5, MON_FRI);
        for (LocalDate day : WorkingDays.ending(windowDays.get(0).minusDays(1), 20, MON_FRI)) {
            days.put(day, calls(baselinePerDay, 0));
        }
        for (int i = 0; i < 5; i++) {
            days.put(windowDays.get(i), calls(window[i], 0));
        }
        return new ActivityRules.RepHistory("sdr", RepRole.SDR, start, MON_FRI, YESTERDAY, days);
    }

    private static long[] total(long sum) {
        long[] window = new long[5];
        window[0] = sum;
        return window;
    }

    @Test
    void activityDropAtJustBelowAndJustAboveSixtyPercent() {
        // Baseline 20 a day: 100 per 5 working days.
        assertThat(ActivityRules.activityDrop(sdr(20, total(60), null), DROP)).isEmpty();
        assertThat(ActivityRules.activityDrop(sdr(20, total(59), null), DROP))
                .get()
                .extracting(Detection::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(ActivityRules.activityDrop(sdr(20, total(61), null), DROP)).isEmpty();
    }

    @Test
    void criticalBelowFortyPercent() {
        assertThat(ActivityRules.activityDrop(sdr(20, total(40), null), DROP))
                .get()
                .extracting(Detection::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(ActivityRules.activityDrop(sdr(20, total(39), null), DROP))
                .get()
                .extracting(Detection::severity)
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void baselineNeedsTenWorkingDaysOfHistory() {
        // Started so that exactly 15 working days lie before yesterday inclusive: 5 window + 10 baseline.
        LocalDate tenDaysOfBaseline = WorkingDays.ending(YESTERDAY, 15, MON_FRI).get(0);
        LocalDate nineDaysOfBaseline =
                WorkingDays.ending(YESTERDAY, 14, MON_FRI).get(0);
        assertThat(ActivityRules.activityDrop(sdr(20, total(0), tenDaysOfBaseline), DROP))
                .isPresent();
        assertThat(ActivityRules.activityDrop(sdr(20, total(0), nineDaysOfBaseline), DROP))
                .isEmpty();
    }

    @Test
    void weekendsAreNotWorkingDaysAndDoNotCount() {
        Map<LocalDate, DailyActivity> days =
                new HashMap<>(sdr(20, total(100), null).days());
        // Activity on Saturday 21st and Sunday 22nd does not lift the window.
        days.put(LocalDate.parse("2026-11-21"), calls(500, 0));
        days.put(LocalDate.parse("2026-11-22"), calls(500, 0));
        ActivityRules.RepHistory rep = new ActivityRules.RepHistory("sdr", RepRole.SDR, null, MON_FRI, YESTERDAY, days);
        assertThat(ActivityRules.activityRatio(rep, DROP).orElseThrow().recent())
                .isEqualTo(100);
    }

    @Test
    void backOnTrackFromNinetyPercentOfTheDropsOwnBaseline() {
        // The drop was measured on a baseline of 100 per window.
        BigDecimal dropBaseline = BigDecimal.valueOf(100);
        assertThat(ActivityRules.backOnTrack(sdr(20, total(90), null), DROP, dropBaseline, "sdr@drop"))
                .get()
                .satisfies(d -> assertThat(d.type()).isEqualTo(SignalType.BACK_ON_TRACK))
                .satisfies(d -> assertThat(d.evidence())
                        .contains(
                                Evidence.of("ratio", new BigDecimal("0.9000")), Evidence.of("baseline", dropBaseline)));
        assertThat(ActivityRules.backOnTrack(sdr(20, total(89), null), DROP, dropBaseline, "sdr@drop"))
                .isEmpty();
    }

    @Test
    void backOnTrackIsMeasuredAgainstTheDropsBaselineNotAPartlyLoadedOne() {
        // Today's baseline is nearly empty (history still coming in, newest first): 90 against it would read 45 times
        // the baseline. Against the drop's own baseline of 200 it is 45%: not back.
        Map<LocalDate, DailyActivity> days = new HashMap<>();
        List<LocalDate> window = WorkingDays.ending(YESTERDAY, 5, MON_FRI);
        days.put(window.get(0), calls(90, 0));
        days.put(WorkingDays.ending(window.get(0).minusDays(1), 1, MON_FRI).get(0), calls(2, 0));
        ActivityRules.RepHistory rep = new ActivityRules.RepHistory("sdr", RepRole.SDR, null, MON_FRI, YESTERDAY, days);
        assertThat(ActivityRules.backOnTrack(rep, DROP, BigDecimal.valueOf(200), "sdr@drop"))
                .isEmpty();
        assertThat(ActivityRules.backOnTrack(rep, DROP, BigDecimal.valueOf(100), "sdr@drop"))
                .get()
                .satisfies(d -> assertThat(d.evidence()).contains(Evidence.of("ratio", new BigDecimal("0.9000"))));
    }

    @Test
    void silenceAfterTwoWorkingDaysForJuniorsThreeForSeniors() {
        Map<LocalDate, DailyActivity> days = new HashMap<>();
        days.put(LocalDate.parse("2026-11-25"), calls(3, 0)); // Wednesday
        ActivityRules.RepHistory rep = new ActivityRules.RepHistory("r", RepRole.SDR, null, MON_FRI, YESTERDAY, days);
        // Thursday and Friday silent: 2 working days.
        assertThat(ActivityRules.silence(rep, ActivityThresholds.Silence.JUNIOR))
                .get()
                .extracting(Detection::type)
                .isEqualTo(SignalType.SILENCE);
        assertThat(ActivityRules.silence(rep, ActivityThresholds.Silence.SENIOR))
                .isEmpty();
        // Seen on Monday 30th, the weekend does not add to the silence: still 2 working days.
        ActivityRules.RepHistory monday =
                new ActivityRules.RepHistory("r", RepRole.SDR, null, MON_FRI, LocalDate.parse("2026-11-29"), days);
        assertThat(ActivityRules.silence(monday, ActivityThresholds.Silence.SENIOR))
                .isEmpty();
    }

    @Test
    void daysAwayAndHolidaysAreNotWorkingDaysSoTheyNeitherSilenceNorDragTheBaseline() {
        // 10 calls on every working day up to Friday 13th; then a week of leave (16th-20th) and nothing since.
        Map<LocalDate, DailyActivity> days = new HashMap<>();
        for (LocalDate day : WorkingDays.ending(LocalDate.parse("2026-11-13"), 25, MON_FRI)) {
            days.put(day, calls(10, 0));
        }
        LocalDate friday20 = LocalDate.parse("2026-11-20");
        java.util.function.Predicate<LocalDate> onLeave =
                MON_FRI.and(day -> day.isBefore(LocalDate.parse("2026-11-16")) || day.isAfter(friday20));
        ActivityRules.RepHistory away = new ActivityRules.RepHistory("r", RepRole.SDR, null, onLeave, friday20, days);
        assertThat(ActivityRules.silence(away, ActivityThresholds.Silence.JUNIOR))
                .as("a week away is no silence")
                .isEmpty();
        assertThat(ActivityRules.activityDrop(away, DROP)).as("nor a drop").isEmpty();
        ActivityRules.RepHistory counted =
                new ActivityRules.RepHistory("r", RepRole.SDR, null, MON_FRI, friday20, days);
        assertThat(ActivityRules.silence(counted, ActivityThresholds.Silence.JUNIOR))
                .as("the same days counted as working")
                .isPresent();
        assertThat(ActivityRules.activityDrop(counted, DROP)).isPresent();

        // Back on Monday 23rd with a normal day: the baseline is the days worked, not the week away.
        days.put(LocalDate.parse("2026-11-23"), calls(10, 0));
        ActivityRules.RepHistory back =
                new ActivityRules.RepHistory("r", RepRole.SDR, null, onLeave, LocalDate.parse("2026-11-23"), days);
        assertThat(ActivityRules.activityRatio(back, DROP))
                .get()
                .extracting(ActivityRules.Ratio::ratio)
                .isEqualTo(new java.math.BigDecimal("1.0000"));
    }

    @Test
    void newRepsAreNotFlaggedForSilence() {
        ActivityRules.RepHistory fresh = new ActivityRules.RepHistory(
                "r", RepRole.SDR, LocalDate.parse("2026-11-23"), MON_FRI, YESTERDAY, Map.of());
        assertThat(ActivityRules.silence(fresh, ActivityThresholds.Silence.JUNIOR))
                .isEmpty();
    }

    @Test
    void connectRateDropNeedsTenPointsAndTwentyCallsInEachWindow() {
        // Baseline: 20 days x 10 calls, 3 connected: 30%. Window: 25 calls.
        Map<LocalDate, DailyActivity> base = new HashMap<>();
        List<LocalDate> window = WorkingDays.ending(YESTERDAY, 5, MON_FRI);
        for (LocalDate day : WorkingDays.ending(window.get(0).minusDays(1), 20, MON_FRI)) {
            base.put(day, calls(10, 3));
        }
        Map<LocalDate, DailyActivity> below = new HashMap<>(base);
        below.put(window.get(0), calls(25, 4)); // 16% < 20%
        Map<LocalDate, DailyActivity> at = new HashMap<>(base);
        at.put(window.get(0), calls(25, 5)); // 20% = 30% - 10 points: no signal
        Map<LocalDate, DailyActivity> few = new HashMap<>(base);
        few.put(window.get(0), calls(19, 0)); // fewer than 20 calls
        assertThat(ActivityRules.connectRateDrop(
                        new ActivityRules.RepHistory("r", RepRole.SDR, null, MON_FRI, YESTERDAY, below),
                        ActivityThresholds.ConnectRate.DEFAULT))
                .isPresent();
        assertThat(ActivityRules.connectRateDrop(
                        new ActivityRules.RepHistory("r", RepRole.SDR, null, MON_FRI, YESTERDAY, at),
                        ActivityThresholds.ConnectRate.DEFAULT))
                .isEmpty();
        assertThat(ActivityRules.connectRateDrop(
                        new ActivityRules.RepHistory("r", RepRole.SDR, null, MON_FRI, YESTERDAY, few),
                        ActivityThresholds.ConnectRate.DEFAULT))
                .isEmpty();
    }

    @Test
    void aesAreJudgedOnMeetingsHeldAndDealsAdvanced() {
        DailyActivity a = new DailyActivity(50, 10, 0, 20, 3, 0, 2, 1, 4, 0, 0);
        assertThat(ActivityRules.keyMetric(RepRole.AE, a)).isEqualTo(6);
        assertThat(ActivityRules.keyMetric(RepRole.SDR, a)).isEqualTo(73);
        assertThat(ActivityRules.keyMetric(RepRole.CSM, a)).isEqualTo(2);
    }

    @Test
    void mostOfTheTeamDroppingIsATeamDropAndHalfIsNot() {
        java.util.function.BiFunction<String, String, ActivityRules.MemberRatio> member =
                (rep, ratio) -> new ActivityRules.MemberRatio(
                        rep,
                        new java.math.BigDecimal(ratio),
                        new java.math.BigDecimal(ratio).compareTo(new java.math.BigDecimal("0.6")) < 0);
        // Three of five under their threshold: the team drops; the mean of the five ratios, (0.25*3 + 1 + 1.1) / 5.
        var drop = ActivityRules.teamActivityDrop(
                "lyon",
                java.util.List.of(
                        member.apply("a", "0.25"),
                        member.apply("b", "0.25"),
                        member.apply("c", "0.25"),
                        member.apply("d", "1"),
                        member.apply("e", "1.1")));
        assertThat(drop).hasValueSatisfying(d -> {
            assertThat(d.severity()).isEqualTo(io.salespulse.contracts.signal.Severity.CRITICAL);
            assertThat(d.subjectKind()).isEqualTo(io.salespulse.contracts.signal.SubjectKind.TEAM);
            assertThat(d.evidence())
                    .extracting(
                            e -> e.name() + "=" + e.value().stripTrailingZeros().toPlainString())
                    .containsExactly("repsDropping=3", "repsMeasured=5", "ratio=0.57");
        });
        // Two of four is half, not most.
        assertThat(ActivityRules.teamActivityDrop(
                        "lyon",
                        java.util.List.of(
                                member.apply("a", "0.2"),
                                member.apply("b", "0.2"),
                                member.apply("d", "1"),
                                member.apply("e", "1"))))
                .isEmpty();
        // Two of two measured: too few to speak of a team.
        assertThat(ActivityRules.teamActivityDrop(
                        "lyon", java.util.List.of(member.apply("a", "0.2"), member.apply("b", "0.2"))))
                .isEmpty();
    }
}
