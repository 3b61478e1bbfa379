package io.salespulse.cockpit.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.KpiClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Since the last 1:1" on the rep page, worked out by hand (docs/kpis-and-signals.md). */
class RepPageTest {

    static final LocalDate TODAY = LocalDate.parse("2026-12-09"); // a Wednesday

    private static KpiClient.DailyRow day(String day, long calls, long connected, long booked, long held) {
        return new KpiClient.DailyRow(LocalDate.parse(day), new KpiClient.Activity(calls, connected, 0, booked, held));
    }

    @Test
    void theSpanStartsTheDayAfterTheLastOneOnOneOrCoversTheAgendasFourteenDays() {
        assertThat(RepPage.sinceLastOneOnOne(
                        new CoachingClient.LastOneOnOne("o", LocalDate.parse("2026-12-04"), 3), TODAY))
                .isEqualTo(LocalDate.parse("2026-12-05"));
        // Held today: today alone.
        assertThat(RepPage.sinceLastOneOnOne(new CoachingClient.LastOneOnOne("o", TODAY, null), TODAY))
                .isEqualTo(TODAY);
        assertThat(RepPage.sinceLastOneOnOne(null, TODAY)).isEqualTo(LocalDate.parse("2026-11-26"));
        // Long ago: 90 days back at most.
        assertThat(RepPage.sinceLastOneOnOne(
                        new CoachingClient.LastOneOnOne("o", LocalDate.parse("2026-01-05"), null), TODAY))
                .isEqualTo(LocalDate.parse("2026-09-11"));
    }

    @Test
    void eachMeasureSinceTheLastOneOnOneIsComparedWithAsManyDaysJustBefore() {
        // The last 1:1 on Friday 4th: from Saturday 5th to Wednesday 9th (5 days) against 30 Nov to 4 Dec.
        List<KpiClient.DailyRow> rows = new ArrayList<>();
        rows.add(day("2026-11-30", 10, 2, 1, 0));
        rows.add(day("2026-12-01", 8, 3, 0, 1));
        rows.add(day("2026-12-04", 4, 1, 0, 0)); // the 1:1's day: before
        rows.add(day("2026-12-05", 0, 0, 0, 0));
        rows.add(day("2026-12-07", 12, 5, 2, 0));
        rows.add(day("2026-12-09", 3, 0, 0, 1));
        List<TeamBoard.Measure> since = RepPage.sinceLast(rows, LocalDate.parse("2026-12-05"));
        assertThat(since)
                .containsExactly(
                        new TeamBoard.Measure("calls", 15, "−7"), // 12 + 3 against 10 + 8 + 4
                        new TeamBoard.Measure("connected", 5, "−1"), // 5 against 2 + 3 + 1
                        new TeamBoard.Measure("meetingsBooked", 2, "+1"),
                        new TeamBoard.Measure("meetingsHeld", 1, "="));
    }
}
