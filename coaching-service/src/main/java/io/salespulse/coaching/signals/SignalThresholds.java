package io.salespulse.coaching.signals;

import io.salespulse.coaching.signals.rules.Thresholds;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamRules;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rule thresholds from configuration, each map keyed by {@code ROLE_SENIORITY} (e.g. {@code SDR_JUNIOR}), {@code ROLE}
 * or {@code default}; the most specific key wins, and the defaults of kpis-and-signals.md apply where none is set. A
 * team's own thresholds ({@link TeamRules}, through the roster API) apply over them to every rep of the team.
 * Example: {@code salespulse.signals.activity-drop.SDR_JUNIOR.warning-below=0.7}.
 */
@ConfigurationProperties("salespulse.signals")
public record SignalThresholds(
        Map<String, Thresholds.ActivityDrop> activityDrop,
        Map<String, Thresholds.Silence> silence,
        Map<String, Thresholds.ConnectRate> connectRate) {

    public Thresholds.ActivityDrop activityDrop(RepRole role, Seniority seniority) {
        return pick(activityDrop, role, seniority, Thresholds.ActivityDrop.DEFAULT);
    }

    public Thresholds.Silence silence(RepRole role, Seniority seniority) {
        return pick(
                silence,
                role,
                seniority,
                seniority == Seniority.SENIOR ? Thresholds.Silence.SENIOR : Thresholds.Silence.JUNIOR);
    }

    /** The activity-drop thresholds of a rep, with its team's warning ratio over them if the team set one. */
    public Thresholds.ActivityDrop activityDrop(RepRole role, Seniority seniority, TeamRules team) {
        Thresholds.ActivityDrop drop = activityDrop(role, seniority);
        BigDecimal warning = team.activityDropWarningBelow();
        return warning == null
                ? drop
                : new Thresholds.ActivityDrop(
                        drop.windowDays(),
                        drop.baselineDays(),
                        drop.minHistoryDays(),
                        warning,
                        drop.criticalBelow().min(warning),
                        drop.backOnTrackAt().max(warning));
    }

    /** The silence thresholds of a rep, with its team's days over them if the team set some. */
    public Thresholds.Silence silence(RepRole role, Seniority seniority, TeamRules team) {
        Thresholds.Silence silence = silence(role, seniority);
        return team.silenceDays() == null ? silence : new Thresholds.Silence(team.silenceDays(), silence.newRepDays());
    }

    public Thresholds.ConnectRate connectRate(RepRole role, Seniority seniority) {
        return pick(connectRate, role, seniority, Thresholds.ConnectRate.DEFAULT);
    }

    private static <T> T pick(Map<String, T> configured, RepRole role, Seniority seniority, T fallback) {
        if (configured == null) {
            return fallback;
        }
        for (String key : new String[] {role + "_" + seniority, String.valueOf(role), "default"}) {
            if (configured.containsKey(key)) {
                return configured.get(key);
            }
        }
        return fallback;
    }
}
