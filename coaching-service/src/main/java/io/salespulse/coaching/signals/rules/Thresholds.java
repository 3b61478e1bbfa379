package io.salespulse.coaching.signals.rules;

import java.math.BigDecimal;

/** The rule thresholds, with the defaults of kpis-and-signals.md. Configuration overrides them per role and seniority. */
public final class Thresholds {

    private Thresholds() {}

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
