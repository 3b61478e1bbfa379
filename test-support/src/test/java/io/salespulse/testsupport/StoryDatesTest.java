package io.salespulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StoryDatesTest {

    @Test
    void aStoryMovesByWholeWeeksSoThatItsLastEventIsBeforeToday() {
        assertThat(StoryDates.shiftOn(LocalDate.parse("2026-11-28"))).isZero();
        assertThat(StoryDates.shiftOn(LocalDate.parse("2026-12-04"))).isZero();
        assertThat(StoryDates.shiftOn(LocalDate.parse("2026-12-06"))).isEqualTo(7);
        assertThat(StoryDates.shiftOn(LocalDate.parse("2026-11-27"))).isEqualTo(-7);
        assertThat(StoryDates.shiftOn(LocalDate.parse("2030-02-14"))).isEqualTo(1169);
        for (LocalDate today = LocalDate.parse("2026-11-01");
                today.isBefore(LocalDate.parse("2031-01-01"));
                today = today.plusDays(1)) {
            LocalDate lastDay = LocalDate.parse("2026-11-27").plusDays(StoryDates.shiftOn(today));
            assertThat(lastDay).isBefore(today).isAfterOrEqualTo(today.minusDays(7));
            assertThat(lastDay.getDayOfWeek())
                    .isEqualTo(LocalDate.parse("2026-11-27").getDayOfWeek());
        }
    }

    @Test
    void everyDateOfATextMovesAndNothingElse() {
        long shift = StoryDates.shiftOn(LocalDate.now(Clock.systemUTC()));
        String moved = StoryDates.moved("""
                {"id":"2026-11-02-call","time":"2026-11-02T10:00:00+01:00","due":"2026-12-15","count":"2026-11"}""");
        assertThat(moved).isEqualTo("""
                {"id":"2026-11-02-call","time":"%sT10:00:00+01:00","due":"%s","count":"2026-11"}""".formatted(
                        LocalDate.parse("2026-11-02").plusDays(shift),
                        LocalDate.parse("2026-12-15").plusDays(shift)));
        assertThat(StoryDates.at("2026-11-24T09:04:00Z"))
                .isEqualTo(java.time.Instant.parse("2026-11-24T09:04:00Z").plus(java.time.Duration.ofDays(shift)));
    }
}
