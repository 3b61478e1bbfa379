package io.salespulse.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the dates of a test's story, written in November 2026, to the same weekdays in the weeks just before today.
 * The ingest refuses what is older than its history horizon (3 years) or far in the future, so a story with fixed
 * dates would start failing one day; moved, it is always recent, and its gaps (18 days in a stage) and weekdays stay
 * what the test reads. Dates after the anchor (a close date in December) move by the same weeks.
 */
public final class StoryDates {

    /** The Saturday after the last event a story written in November 2026 tells. */
    static final LocalDate WRITTEN_BEFORE = LocalDate.parse("2026-11-28");

    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(?=[T\"]|$)");

    private StoryDates() {}

    /** How many days a story moves on the given day: whole weeks, so that its last event is before that day. */
    static long shiftOn(LocalDate today) {
        return Math.floorDiv(ChronoUnit.DAYS.between(WRITTEN_BEFORE, today), 7) * 7;
    }

    private static long shift() {
        return shiftOn(LocalDate.now(Clock.systemUTC()));
    }

    /** Every ISO date in a text (alone, in quotes or starting a date-time) moved to the same weekday before today. */
    public static String moved(String text) {
        long shift = shift();
        Matcher matcher = DATE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, LocalDate.parse(matcher.group(1)).plusDays(shift).toString());
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** An instant of the story (ISO text) moved the same way. */
    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant).plus(shift(), ChronoUnit.DAYS);
    }

    /** A day of the story moved the same way. */
    public static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate).plusDays(shift());
    }

    /** The epoch milliseconds of a story's day at midnight UTC (how HubSpot sends dates), moved the same way. */
    public static long epochMilliOf(String isoDate) {
        return day(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
