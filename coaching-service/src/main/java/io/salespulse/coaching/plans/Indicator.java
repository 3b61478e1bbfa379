package io.salespulse.coaching.plans;

import io.salespulse.contracts.kpi.DailyActivity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an indicator goal measures, from the rep's daily KPIs over its last working days: a rate (a share, 0 to 1) or a
 * pace (per working day, or per week of five working days).
 */
public enum Indicator {
    /** Connected calls / calls (measured once there were at least 20 calls). */
    CONNECT_RATE(true),
    /** Calls per working day. */
    CALLS_PER_DAY(false),
    /** Meetings booked per week of five working days. */
    MEETINGS_BOOKED_PER_WEEK(false),
    /** Meetings held per week of five working days. */
    MEETINGS_HELD_PER_WEEK(false),
    /** Meetings held / meetings scheduled for those days (measured once 5 were scheduled). */
    SHOW_RATE(true),
    /** Deals moved forward a stage per week of five working days. */
    DEALS_ADVANCED_PER_WEEK(false);

    static final int MIN_CALLS = 20;
    static final int MIN_SCHEDULED = 5;

    private final boolean rate;

    Indicator(boolean rate) {
        this.rate = rate;
    }

    /** Whether the figure is a share (its target at most 1). */
    public boolean isRate() {
        return rate;
    }

    /**
     * The figure over these working days, or empty while there is too little to say (not all the days yet, too few
     * calls or meetings for a rate).
     *
     * @param workingDays the rep's last working days the goal is measured over
     * @param wanted      how many there should be
     */
    public Optional<BigDecimal> measure(
            List<LocalDate> workingDays, int wanted, Map<LocalDate, DailyActivity> activity) {
        if (workingDays.size() < wanted || wanted == 0) {
            return Optional.empty();
        }
        long calls = 0;
        long connected = 0;
        long booked = 0;
        long held = 0;
        long scheduled = 0;
        long advanced = 0;
        for (LocalDate day : workingDays) {
            DailyActivity a = activity.getOrDefault(day, DailyActivity.NONE);
            calls += a.calls();
            connected += a.connectedCalls();
            booked += a.meetingsBooked();
            held += a.meetingsHeld();
            scheduled += a.meetingsScheduled();
            advanced += a.dealsAdvanced();
        }
        BigDecimal days = BigDecimal.valueOf(workingDays.size());
        BigDecimal weeks = days.divide(BigDecimal.valueOf(5), 10, RoundingMode.HALF_UP);
        return switch (this) {
            case CONNECT_RATE -> calls < MIN_CALLS ? Optional.empty() : Optional.of(ratio(connected, calls));
            case SHOW_RATE -> scheduled < MIN_SCHEDULED ? Optional.empty() : Optional.of(ratio(held, scheduled));
            case CALLS_PER_DAY -> Optional.of(BigDecimal.valueOf(calls).divide(days, 2, RoundingMode.HALF_UP));
            case MEETINGS_BOOKED_PER_WEEK ->
                Optional.of(BigDecimal.valueOf(booked).divide(weeks, 2, RoundingMode.HALF_UP));
            case MEETINGS_HELD_PER_WEEK -> Optional.of(BigDecimal.valueOf(held).divide(weeks, 2, RoundingMode.HALF_UP));
            case DEALS_ADVANCED_PER_WEEK ->
                Optional.of(BigDecimal.valueOf(advanced).divide(weeks, 2, RoundingMode.HALF_UP));
        };
    }

    private static BigDecimal ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
