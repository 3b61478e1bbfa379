package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.org.RepRole;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalBestTest {

    /** Today is Wednesday 2 December 2026: the last completed week is Monday 23 to Sunday 29 November. */
    static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    static final LocalDate LAST_MONDAY = LocalDate.parse("2026-11-23");

    private static ActivityRules.RepHistory history(long lastWeek, long otherWeeks, int weeksWithActivity) {
        Map<LocalDate, DailyActivity> days = new HashMap<>();
        days.put(LAST_MONDAY.plusDays(2), new DailyActivity(lastWeek, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int week = 1; week <= weeksWithActivity; week++) {
            days.put(LAST_MONDAY.minusWeeks(week), new DailyActivity(otherWeeks, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        return new ActivityRules.RepHistory(
                "r", RepRole.SDR, null, ActivityRulesTest.MON_FRI, TODAY.minusDays(1), days);
    }

    @Test
    void bestWeekIsStrictlyAboveEveryOtherWeekOfTheTrailingTwelve() {
        assertThat(ActivityRules.personalBest(history(101, 100, 11), TODAY))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("r@2026-11-23");
        assertThat(ActivityRules.personalBest(history(100, 100, 11), TODAY)).isEmpty();
        assertThat(ActivityRules.personalBest(history(99, 100, 11), TODAY)).isEmpty();
    }

    @Test
    void aBestNeedsFourWeeksOfHistory() {
        assertThat(ActivityRules.personalBest(history(500, 10, 4), TODAY)).isPresent();
        assertThat(ActivityRules.personalBest(history(500, 10, 3), TODAY)).isEmpty();
    }
}
