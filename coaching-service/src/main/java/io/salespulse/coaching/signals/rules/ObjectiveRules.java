package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Objective rules: at risk (once a quarter of the period has elapsed: AT_RISK warns, OFF_TRACK is critical) and the
 * recognitions of crossing 50%, 100% and 150% (on the crossing only); thresholds from {@link RuleSettings.Objectives}. Pure.
 */
public final class ObjectiveRules {

    private ObjectiveRules() {}

    public static Optional<Detection> atRisk(RuleSettings.Objectives settings, ObjectiveProgressed p) {
        if (p.elapsed() == null
                || p.elapsed().compareTo(settings.minElapsed()) < 0
                || (p.status() != ObjectiveStatus.AT_RISK && p.status() != ObjectiveStatus.OFF_TRACK)) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>(List.of(
                Evidence.of("actual", p.actual()),
                Evidence.of("target", p.target()),
                Evidence.of("attainment", p.attainment()),
                Evidence.of("elapsed", p.elapsed())));
        if (p.projection() != null) {
            evidence.add(Evidence.of("projection", p.projection()));
        }
        return Optional.of(new Detection(
                SignalType.OBJECTIVE_AT_RISK,
                SubjectKind.OBJECTIVE,
                p.objectiveId(),
                p.status() == ObjectiveStatus.OFF_TRACK ? Severity.CRITICAL : Severity.WARNING,
                evidence));
    }

    /**
     * Low coverage of a revenue objective: open pipeline expected to close within the period is less than 3 times what
     * is left to win, while at least 25% of the objective is left.
     */
    public static Optional<Detection> lowCoverage(
            RuleSettings.Objectives settings,
            String objectiveId,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal openExpected) {
        BigDecimal left = target.subtract(actual);
        if (target.signum() <= 0 || left.compareTo(target.multiply(settings.coverageMinLeft())) < 0) {
            return Optional.empty();
        }
        BigDecimal coverage = openExpected.divide(left, 2, java.math.RoundingMode.HALF_UP);
        return coverage.compareTo(settings.coverageMin()) >= 0
                ? Optional.empty()
                : Optional.of(new Detection(
                        SignalType.LOW_COVERAGE,
                        SubjectKind.OBJECTIVE,
                        objectiveId,
                        Severity.WARNING,
                        List.of(
                                Evidence.of("coverage", coverage), Evidence.of("openPipeline", openExpected),
                                Evidence.of("leftToWin", left), Evidence.of("threshold", settings.coverageMin()))));
    }

    /**
     * The milestone to tell for a new attainment, if any: the highest one crossed since the previous attainment, and
     * only when it is above every milestone already told for the objective ({@code highestTold}). So a milestone is told
     * once, a jump over several tells only the highest (reaching 100% is the achievement, not 50% then 100%), and none is
     * ever told after a higher one (an attainment that falls back, after a target raised or a win reopened, and rises
     * again tells nothing it has told or passed). The first figures of an objective (no previous attainment: it was set
     * part-way through its period, or kpi-service just started counting it) are a starting point, not progress: only
     * a milestone from 100% up is news then.
     */
    public static Optional<Detection> milestone(
            RuleSettings.Objectives settings,
            BigDecimal previousAttainment,
            BigDecimal highestTold,
            ObjectiveProgressed p) {
        if (p.metric() != null && p.metric().isRatio()) {
            // A share (a retention, a renewal rate) is not climbed towards: it is achieved once its period is over at
            // the target or above, and only then told, as 100%.
            return p.status() == io.salespulse.contracts.kpi.ObjectiveStatus.ACHIEVED && highestTold == null
                    ? Optional.of(new Detection(
                            SignalType.OBJECTIVE_ACHIEVED,
                            SubjectKind.OBJECTIVE,
                            milestoneSubject(p.objectiveId(), BigDecimal.ONE),
                            Severity.INFO,
                            List.of(
                                    Evidence.of("milestone", BigDecimal.ONE),
                                    Evidence.of("attainment", p.attainment()),
                                    Evidence.of("actual", p.actual()),
                                    Evidence.of("target", p.target()))))
                    : Optional.empty();
        }
        BigDecimal before = previousAttainment == null ? BigDecimal.ZERO : previousAttainment;
        BigDecimal highest = highestReached(settings, p.attainment());
        if (highest == null
                || before.compareTo(highest) >= 0
                || highestTold != null && highest.compareTo(highestTold) <= 0
                || previousAttainment == null && highest.compareTo(BigDecimal.ONE) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.OBJECTIVE_ACHIEVED,
                SubjectKind.OBJECTIVE,
                milestoneSubject(p.objectiveId(), highest),
                Severity.INFO,
                List.of(
                        Evidence.of("milestone", highest),
                        Evidence.of("attainment", p.attainment()),
                        Evidence.of("actual", p.actual()),
                        Evidence.of("target", p.target()))));
    }

    /** The subject of an objective's milestone recognition: {@code <objectiveId>@50}, {@code @100}, {@code @150}. */
    public static String milestoneSubject(String objectiveId, BigDecimal milestone) {
        return objectiveId + "@"
                + milestone.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static BigDecimal highestReached(RuleSettings.Objectives settings, BigDecimal attainment) {
        BigDecimal highest = null;
        for (BigDecimal milestone : settings.milestones()) {
            if (attainment.compareTo(milestone) >= 0) {
                highest = milestone;
            }
        }
        return highest;
    }
}
