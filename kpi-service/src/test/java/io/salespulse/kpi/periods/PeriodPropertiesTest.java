package io.salespulse.kpi.periods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The comparison windows' invariants, over any period of any kind and any "today" around it. */
class PeriodPropertiesTest {

    private static long length(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    @Property
    void aComparisonSpansAsManyDaysAsHaveElapsedOrThePeriodBeforeWhole(
            @ForAll PeriodKind kind,
            @ForAll @IntRange(min = 0, max = 60_000) int day,
            @ForAll @IntRange(min = -120, max = 120) int todayOffset) {
        LocalDate date = LocalDate.ofEpochDay(day);
        LocalDate today = date.plusDays(todayOffset);
        Period period = Period.containing(kind, date);
        Period previous = period.previous();
        Period window = period.likeForLike(today);

        // The window is the start of the period before, never outside it, and ends the day before this one starts.
        assertThat(previous.to()).isEqualTo(period.from().minusDays(1));
        assertThat(window.from()).isEqualTo(previous.from());
        assertThat(window.to()).isBetween(previous.from(), previous.to());
        if (period.contains(today)) {
            // Like for like: as many days as have elapsed of this one, cut at the period before's end.
            assertThat(length(window.from(), window.to()))
                    .isEqualTo(Math.min(length(period.from(), today), length(previous.from(), previous.to())));
        } else {
            assertThat(window).isEqualTo(previous);
        }
    }
}
