package io.salespulse.coaching.signals.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Counting in a team's working days, the unit of baselines and "days without". */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The {@code count} working days ending on or before {@code last}, oldest first. */
    public static List<LocalDate> ending(LocalDate last, int count, Set<DayOfWeek> workingDays) {
        List<LocalDate> days = new ArrayList<>(count);
        LocalDate day = last;
        // A team works at least one day a week, so this ends within count weeks.
        for (int guard = 0; days.size() < count && guard < count * 7 + 7; guard++, day = day.minusDays(1)) {
            if (workingDays.contains(day.getDayOfWeek())) {
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
    public static long between(LocalDate from, LocalDate to, Set<DayOfWeek> workingDays) {
        return to.isBefore(from) ? 0 : from.datesUntil(to.plusDays(1)).filter(d -> workingDays.contains(d.getDayOfWeek())).count();
    }
}
