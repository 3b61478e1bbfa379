package io.salespulse.kit.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.org.TeamChanged.HolidayCalendar;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PublicHolidaysTest {

    private final PublicHolidays holidays = new PublicHolidays();
    private final HolidayCalendar france = new HolidayCalendar("FR", null);

    @Test
    void bastilleDayIsAFrenchHolidayAndNotABritishOne() {
        assertThat(holidays.isHoliday(france, LocalDate.of(2026, 7, 14))).isTrue();
        assertThat(holidays.isHoliday(new HolidayCalendar("GB", null), LocalDate.of(2026, 7, 14)))
                .isFalse();
        assertThat(holidays.isHoliday(france, LocalDate.of(2026, 7, 15))).isFalse();
        assertThat(holidays.nameOf(france, LocalDate.of(2026, 7, 14), Locale.FRENCH))
                .hasValueSatisfying(name -> assertThat(name).isNotBlank());
    }

    @Test
    void movableFeastsAreComputedForTheYear() {
        // Easter 2026 is on 5 April, 2027 on 28 March: Easter Monday and Ascension (39 days after Easter) follow.
        assertThat(holidays.isHoliday(france, LocalDate.of(2026, 4, 6))).isTrue();
        assertThat(holidays.isHoliday(france, LocalDate.of(2026, 5, 14))).isTrue();
        assertThat(holidays.isHoliday(france, LocalDate.of(2027, 3, 29))).isTrue();
        assertThat(holidays.isHoliday(france, LocalDate.of(2027, 4, 6))).isFalse();
    }

    @Test
    void aRegionAddsItsOwnHolidays() {
        // Alsace-Moselle keeps Good Friday and 26 December; the rest of France does not.
        LocalDate goodFriday = LocalDate.of(2026, 4, 3);
        assertThat(holidays.isHoliday(france, goodFriday)).isFalse();
        assertThat(holidays.isHoliday(new HolidayCalendar("FR", "67"), goodFriday))
                .isTrue();
        assertThat(holidays.isHoliday(new HolidayCalendar("FR", "67"), LocalDate.of(2026, 7, 14)))
                .isTrue();
        assertThat(PublicHolidays.regionsOf("FR")).contains("67", "68", "57");
    }

    @Test
    void noCalendarMeansNoHoliday() {
        assertThat(holidays.isHoliday(null, LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(PublicHolidays.knows("FR")).isTrue();
        assertThat(PublicHolidays.knows("fr")).isTrue();
        assertThat(PublicHolidays.knows("XX")).isFalse();
        assertThat(PublicHolidays.knows("NYSE")).isFalse();
        assertThat(PublicHolidays.knows(null)).isFalse();
    }
}
