package io.salespulse.kit.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.salespulse.contracts.org.TeamChanged.HolidayCalendar;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Public holidays by country and region, from the Jollyday calendars (kept up to date by their maintainers, not by
 * us). A year of a calendar is computed once and kept: there are few calendars and few years in play.
 */
public final class PublicHolidays {

    private record Key(String country, String region, int year) {}

    private final Map<Key, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    /** Whether a country (ISO 3166 alpha-2, either case) has a calendar; the library's market calendars are not countries. */
    public static boolean knows(String country) {
        return country != null
                && country.length() == 2
                && HolidayManager.getSupportedCalendarCodes().contains(country.toUpperCase(Locale.ROOT));
    }

    /** The region codes of a known country's calendar (e.g. French départements, German Länder). */
    public static Set<String> regionsOf(String country) {
        return manager(country).getCalendarHierarchy().getChildren().keySet();
    }

    /** Whether the day is a public holiday of the calendar ({@code null}: no calendar, never). */
    public boolean isHoliday(HolidayCalendar calendar, LocalDate day) {
        return nameOf(calendar, day, Locale.ENGLISH).isPresent();
    }

    /** The holiday's name in a language, when the day is one. */
    public Optional<String> nameOf(HolidayCalendar calendar, LocalDate day, Locale locale) {
        if (calendar == null || calendar.country() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(year(calendar, day.getYear()).get(day))
                .map(key -> describe(calendar, day, locale).orElse(key));
    }

    /** A public holiday: its day and its name in a language. */
    public record Day(LocalDate date, String name) {}

    /** The calendar's public holidays from..to inclusive, in date order, named in a language. */
    public java.util.List<Day> between(HolidayCalendar calendar, LocalDate from, LocalDate to, Locale locale) {
        java.util.List<Day> days = new java.util.ArrayList<>();
        if (calendar == null || calendar.country() == null) {
            return days;
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (LocalDate day : year(calendar, year).keySet()) {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    days.add(new Day(day, nameOf(calendar, day, locale).orElseThrow()));
                }
            }
        }
        return days;
    }

    private Optional<String> describe(HolidayCalendar calendar, LocalDate day, Locale locale) {
        return holidays(calendar, day.getYear()).stream()
                .filter(h -> h.getActualDate().equals(day))
                .findFirst()
                .map(h -> h.getDescription(locale));
    }

    private Map<LocalDate, String> year(HolidayCalendar calendar, int year) {
        String region = calendar.region() == null || calendar.region().isBlank() ? null : calendar.region();
        return years.computeIfAbsent(
                new Key(calendar.country().toUpperCase(Locale.ROOT), region, year),
                key -> holidays(calendar, year).stream()
                        .collect(Collectors.toMap(
                                Holiday::getActualDate, Holiday::getPropertiesKey, (a, b) -> a, TreeMap::new)));
    }

    private static Set<Holiday> holidays(HolidayCalendar calendar, int year) {
        String region = calendar.region() == null || calendar.region().isBlank() ? null : calendar.region();
        HolidayManager manager = manager(calendar.country());
        return region == null
                ? manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
                : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, region);
    }

    private static HolidayManager manager(String country) {
        return HolidayManager.getInstance(ManagerParameters.create(country.toUpperCase(Locale.ROOT)));
    }
}
