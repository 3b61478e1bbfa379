package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityThresholdsTest {

    private static ActivityThresholds.ActivityDrop warningAt(String ratio) {
        return new ActivityThresholds.ActivityDrop(
                5, 20, 10, new BigDecimal(ratio), new BigDecimal("0.4"), new BigDecimal("0.9"));
    }

    @Test
    void theMostSpecificConfiguredThresholdWins() {
        ActivityThresholds thresholds = new ActivityThresholds(
                Map.of("SDR_JUNIOR", warningAt("0.7"), "SDR", warningAt("0.65"), "default", warningAt("0.5")),
                null,
                null);
        assertThat(thresholds.activityDrop(RepRole.SDR, Seniority.JUNIOR).warningBelow())
                .isEqualByComparingTo("0.7");
        assertThat(thresholds.activityDrop(RepRole.SDR, Seniority.SENIOR).warningBelow())
                .isEqualByComparingTo("0.65");
        assertThat(thresholds.activityDrop(RepRole.AE, Seniority.SENIOR).warningBelow())
                .isEqualByComparingTo("0.5");
    }

    @Test
    void withoutConfigurationTheDesignDefaultsApplyAndSilenceDependsOnSeniority() {
        ActivityThresholds none = new ActivityThresholds(null, null, null);
        assertThat(none.activityDrop(RepRole.AE, Seniority.JUNIOR)).isEqualTo(ActivityThresholds.ActivityDrop.DEFAULT);
        assertThat(none.silence(RepRole.SDR, Seniority.JUNIOR).days()).isEqualTo(2);
        assertThat(none.silence(RepRole.SDR, Seniority.SENIOR).days()).isEqualTo(3);
    }

    @Test
    void yesterdayIsTheTeamsAcrossTheDaylightSavingChange() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        // Sunday 25 October 2026, 23:30 UTC: after the change Paris is UTC+1, so it is already Monday 00:30 there.
        assertThat(WorkingDays.lastCompletedDay(Instant.parse("2026-10-25T23:30:00Z"), paris))
                .isEqualTo(LocalDate.parse("2026-10-25"));
        // Saturday 24 October, 22:30 UTC: still summer time (UTC+2), Sunday 00:30 there.
        assertThat(WorkingDays.lastCompletedDay(Instant.parse("2026-10-24T22:30:00Z"), paris))
                .isEqualTo(LocalDate.parse("2026-10-24"));
        // New York, same instant: still Saturday evening.
        assertThat(WorkingDays.lastCompletedDay(Instant.parse("2026-10-24T22:30:00Z"), ZoneId.of("America/New_York")))
                .isEqualTo(LocalDate.parse("2026-10-23"));
    }
}
