package io.salespulse.contracts.org;

import java.time.LocalTime;

/**
 * A team's working day, in its time zone: activity from {@code start} (inclusive) to {@code end} (exclusive) on a
 * working day is within working hours; the rest, and every activity of a non-working day, is outside them.
 *
 * @param start when the working day starts, e.g. 09:00
 * @param end   when it ends, e.g. 18:00 (after {@code start})
 */
public record WorkingHours(LocalTime start, LocalTime end) {

    /** The working day of a team that set none: 09:00 to 18:00. */
    public static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0));

    /** Whether an activity in this hour of a working day (0-23) is within working hours (its whole hour counts). */
    public boolean covers(int hour) {
        LocalTime from = LocalTime.of(hour, 0);
        return !from.isBefore(start.withMinute(0)) && from.isBefore(end);
    }
}
