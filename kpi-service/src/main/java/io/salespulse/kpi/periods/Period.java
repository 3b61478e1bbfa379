package io.salespulse.kpi.periods;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A reporting period: the day, ISO week (Monday first), month or quarter that contains a date, both ends inclusive.
 *
 * @param kind which period
 * @param from its first day
 * @param to   its last day
 */
public record Period(PeriodKind kind, LocalDate from, LocalDate to) {

    /** The period of this kind that contains the date. */
    public static Period containing(PeriodKind kind, LocalDate date) {
        return switch (kind) {
            case DAY -> new Period(kind, date, date);
            case WEEK ->
                new Period(
                        kind,
                        date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
            case MONTH -> new Period(kind, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = date.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new Period(kind, first, first.plusMonths(3).minusDays(1));
            }
        };
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        return containing(kind, from.minusDays(1));
    }

    /**
     * What this period is compared with, like for like: a period in progress (it contains {@code today}) against the
     * same elapsed span of the previous one (Monday to today against Monday to the same weekday last week; 1-6 December
     * against 1-6 November; day 67 of the quarter against day 67 of the last, cut at that period's end); a period over
     * (or not begun) against the whole previous one.
     */
    public Period likeForLike(LocalDate today) {
        Period previous = previous();
        if (!contains(today)) {
            return previous;
        }
        LocalDate end = previous.from.plusDays(java.time.temporal.ChronoUnit.DAYS.between(from, today));
        return new Period(kind, previous.from, end.isAfter(previous.to) ? previous.to : end);
    }

    /** Whether the day falls in this period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
