package io.salespulse.coaching.signals;

import io.salespulse.coaching.signals.rules.Thresholds;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rule thresholds from configuration, each map keyed by {@code ROLE_SENIORITY} (e.g. {@code SDR_JUNIOR}), {@code ROLE}
 * or {@code default}; the most specific key wins, and the defaults of kpis-and-signals.md apply where none is set.
 * Example: {@code salespulse.signals.activity-drop.SDR_JUNIOR.warning-below=0.7}.
 */
@ConfigurationProperties("salespulse.signals")
public record SignalThresholds(Map<String, Thresholds.ActivityDrop> activityDrop, Map<String, Thresholds.Silence> silence,
                               Map<String, Thresholds.ConnectRate> connectRate) {

    public Thresholds.ActivityDrop activityDrop(RepRole role, Seniority seniority) {
        return pick(activityDrop, role, seniority, Thresholds.ActivityDrop.DEFAULT);
    }

    public Thresholds.Silence silence(RepRole role, Seniority seniority) {
        return pick(silence, role, seniority, seniority == Seniority.SENIOR ? Thresholds.Silence.SENIOR : Thresholds.Silence.JUNIOR);
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
