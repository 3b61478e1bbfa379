package io.salespulse.coaching.signals.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Counting in working days, the unit of baselines and "days without": a rep's (its team's days of the week, less public
 * holidays and the rep's absences) or a team's, as the kit's {@code WorkingCalendar} tells them.
 */
public final class WorkingDays {

    /** Calendar days looked back beyond a plain week count: enough for a month of leave in a window. */
    static final int LOOK_BACK_DAYS = 45;

    private WorkingDays() {}

    /** The {@code count} working days ending on or before {@code last}, oldest first. */
    public static List<LocalDate> ending(LocalDate last, int count, Predicate<LocalDate> workingDay) {
        List<LocalDate> days = new ArrayList<>(count);
        LocalDate day = last;
        // A team works at least one day a week; holidays and absences (a year at most) take some more. Past the
        // guard, fewer days are returned, and the rules do not speak on a short window.
        for (int guard = 0;
                days.size() < count && guard < count * 7 + LOOK_BACK_DAYS;
                guard++, day = day.minusDays(1)) {
            if (workingDay.test(day)) {
                days.add(0, day);
            }
        }
        return days;
    }

    /** The last day that has fully ended in a time zone: yesterday there, whatever the date in UTC. */
    public static LocalDate lastCompletedDay(java.time.Instant now, java.time.ZoneId zone) {
        return now.atZone(zone).toLocalDate().minusDays(1);
    }

    /** Working days from..to, inclusive. */
    public static long between(LocalDate from, LocalDate to, Predicate<LocalDate> workingDay) {
        return to.isBefore(from)
                ? 0
                : from.datesUntil(to.plusDays(1)).filter(workingDay).count();
    }
}
