package io.salespulse.contracts.org;

import io.salespulse.contracts.deal.DealStage;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A team's own thresholds for the signal rules, set through the roster API; each one left {@code null} (or a stage
 * left out of {@code rottingDays}) keeps the installation's setting, which keeps the documented default unless
 * configured. A team's setting applies to every rep of the team, whatever its role and seniority.
 *
 * @param rottingDays              days a deal may stay in a stage before it is stalled, per stage
 * @param quietDays                days without a linked activity before a deal has gone quiet
 * @param slippingPushes           close-date pushes from which a deal's close date is slipping
 * @param closeDatePassedDays      days past its expected close date before an open deal is flagged
 * @param bigWinPercentile         the percentile of the team's won amounts a big win is above (0.5 to 0.99)
 * @param coverageMin              the pipeline coverage below which a revenue objective's coverage is low
 * @param activityDropWarningBelow the activity ratio below which an activity drop warns
 * @param silenceDays              working days without activity that make a silence
 */
public record TeamRules(
        Map<DealStage, Integer> rottingDays,
        Integer quietDays,
        Integer slippingPushes,
        Integer closeDatePassedDays,
        BigDecimal bigWinPercentile,
        BigDecimal coverageMin,
        BigDecimal activityDropWarningBelow,
        Integer silenceDays) {

    /** No team setting: the installation's apply. */
    public static final TeamRules NONE = new TeamRules(null, null, null, null, null, null, null, null);

    public TeamRules {
        rottingDays = rottingDays == null ? Map.of() : Map.copyOf(rottingDays);
    }
}
