package io.salespulse.kpi.report;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.kpi.activity.RepDay;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Activity KPIs over a period: the counts summed, and the rates (null where the base is 0: no rate, not 0%).
 *
 * @param calls             calls logged
 * @param connectedCalls    calls connected
 * @param connectRate       connected / calls
 * @param talkTimeSeconds   total duration of connected calls
 * @param emails            emails sent
 * @param meetingsBooked    meetings booked in the period
 * @param meetingsScheduled meetings scheduled to take place in the period
 * @param meetingsHeld      meetings held in the period
 * @param showRate          held / scheduled
 */
public record ActivityFigures(
        long calls,
        long connectedCalls,
        BigDecimal connectRate,
        long talkTimeSeconds,
        long emails,
        long meetingsBooked,
        long meetingsScheduled,
        long meetingsHeld,
        BigDecimal showRate) {

    public static ActivityFigures of(Collection<RepDay> days) {
        return sum(days.stream().map(day -> counts(day.activity())).toList());
    }

    /** A day's counts (its rates are computed where days are added). */
    private static ActivityFigures counts(DailyActivity a) {
        return new ActivityFigures(
                a.calls(),
                a.connectedCalls(),
                null,
                a.talkTimeSeconds(),
                a.emails(),
                a.meetingsBooked(),
                a.meetingsScheduled(),
                a.meetingsHeld(),
                null);
    }

    /** Figures together (days, teams): counts added, rates computed again from the added counts. */
    public static ActivityFigures sum(Collection<ActivityFigures> parts) {
        long calls = 0, connected = 0, talk = 0, emails = 0, booked = 0, scheduled = 0, held = 0;
        for (ActivityFigures a : parts) {
            calls += a.calls();
            connected += a.connectedCalls();
            talk += a.talkTimeSeconds();
            emails += a.emails();
            booked += a.meetingsBooked();
            scheduled += a.meetingsScheduled();
            held += a.meetingsHeld();
        }
        return new ActivityFigures(
                calls,
                connected,
                ratio(connected, calls),
                talk,
                emails,
                booked,
                scheduled,
                held,
                ratio(held, scheduled));
    }

    static BigDecimal ratio(long part, long whole) {
        return io.salespulse.kit.figures.Figures.ratio(part, whole);
    }
}
