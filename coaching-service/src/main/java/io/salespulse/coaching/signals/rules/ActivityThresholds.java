package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamRules;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rep-activity family's thresholds (activity drop, silence, connect-rate drop), in one place: their defaults
 * (docs/kpis-and-signals.md) and what configuration sets over them, each map keyed by {@code ROLE_SENIORITY} (e.g.
 * {@code SDR_JUNIOR}), {@code ROLE} or {@code default}; the most specific key wins. A team's own thresholds
 * ({@link TeamRules}, through the roster API) apply over them to every rep of the team. Example:
 * {@code salespulse.signals.activity-drop.SDR_JUNIOR.warning-below=0.7}. The deal and objective families' thresholds
 * and the rules' windows are {@link RuleSettings}.
 */
@ConfigurationProperties("salespulse.signals")
public record ActivityThresholds(
        Map<String, ActivityDrop> activityDrop, Map<String, Silence> silence, Map<String, ConnectRate> connectRate) {

    public ActivityDrop activityDrop(RepRole role, Seniority seniority) {
        return pick(activityDrop, role, seniority, ActivityDrop.DEFAULT);
    }

    public Silence silence(RepRole role, Seniority seniority) {
        return pick(silence, role, seniority, seniority == Seniority.SENIOR ? Silence.SENIOR : Silence.JUNIOR);
    }

    /** The activity-drop thresholds of a rep, with its team's warning ratio over them if the team set one. */
    public ActivityDrop activityDrop(RepRole role, Seniority seniority, TeamRules team) {
        ActivityDrop drop = activityDrop(role, seniority);
        BigDecimal warning = team.activityDropWarningBelow();
        return warning == null
                ? drop
                : new ActivityDrop(
                        drop.windowDays(),
                        drop.baselineDays(),
                        drop.minHistoryDays(),
                        warning,
                        drop.criticalBelow().min(warning),
                        drop.backOnTrackAt().max(warning));
    }

    /** The silence thresholds of a rep, with its team's days over them if the team set some. */
    public Silence silence(RepRole role, Seniority seniority, TeamRules team) {
        Silence silence = silence(role, seniority);
        return team.silenceDays() == null ? silence : new Silence(team.silenceDays(), silence.newRepDays());
    }

    public ConnectRate connectRate(RepRole role, Seniority seniority) {
        return pick(connectRate, role, seniority, ConnectRate.DEFAULT);
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

    /**
     * @param windowDays     the recent window, working days
     * @param baselineDays   the baseline before it, working days
     * @param minHistoryDays working days of baseline needed before the rule speaks
     * @param warningBelow   ratio below which it warns
     * @param criticalBelow  ratio below which it is critical
     * @param backOnTrackAt  ratio from which a rep is back on track
     */
    public record ActivityDrop(
            int windowDays,
            int baselineDays,
            int minHistoryDays,
            BigDecimal warningBelow,
            BigDecimal criticalBelow,
            BigDecimal backOnTrackAt) {

        public static final ActivityDrop DEFAULT =
                new ActivityDrop(5, 20, 10, new BigDecimal("0.6"), new BigDecimal("0.4"), new BigDecimal("0.9"));
    }

    /**
     * @param days       working days without activity
     * @param newRepDays a rep with fewer working days since starting is new, and not flagged
     */
    public record Silence(int days, int newRepDays) {

        public static final Silence JUNIOR = new Silence(2, 10);
        public static final Silence SENIOR = new Silence(3, 10);
    }

    /**
     * @param windowDays   the recent window
     * @param baselineDays the baseline window
     * @param dropPoints   how far below baseline (0.10 = 10 points)
     * @param minCalls     calls needed in each window
     */
    public record ConnectRate(int windowDays, int baselineDays, BigDecimal dropPoints, int minCalls) {

        public static final ConnectRate DEFAULT = new ConnectRate(5, 20, new BigDecimal("0.10"), 20);
    }
}
