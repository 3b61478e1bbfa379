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
 * recognitions of crossing 50%, 100% and 150% (on the crossing only). Pure.
 */
public final class ObjectiveRules {

    public static final BigDecimal MIN_ELAPSED = new BigDecimal("0.25");
    public static final List<BigDecimal> MILESTONES = List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("1.5"));

    private ObjectiveRules() {
    }

    public static Optional<Detection> atRisk(ObjectiveProgressed p) {
        if (p.elapsed() == null || p.elapsed().compareTo(MIN_ELAPSED) < 0
                || (p.status() != ObjectiveStatus.AT_RISK && p.status() != ObjectiveStatus.OFF_TRACK)) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>(List.of(Evidence.of("actual", p.actual()), Evidence.of("target", p.target()),
                Evidence.of("attainment", p.attainment()), Evidence.of("elapsed", p.elapsed())));
        if (p.projection() != null) {
            evidence.add(Evidence.of("projection", p.projection()));
        }
        return Optional.of(new Detection(SignalType.OBJECTIVE_AT_RISK, SubjectKind.OBJECTIVE, p.objectiveId(),
                p.status() == ObjectiveStatus.OFF_TRACK ? Severity.CRITICAL : Severity.WARNING, evidence));
    }

    /** The milestones crossed between the previous attainment ({@code null}: none yet) and this one. */
    public static List<Detection> milestones(BigDecimal previousAttainment, ObjectiveProgressed p) {
        BigDecimal before = previousAttainment == null ? BigDecimal.ZERO : previousAttainment;
        List<Detection> crossed = new ArrayList<>();
        for (BigDecimal milestone : MILESTONES) {
            if (before.compareTo(milestone) < 0 && p.attainment().compareTo(milestone) >= 0) {
                crossed.add(new Detection(SignalType.OBJECTIVE_ACHIEVED, SubjectKind.OBJECTIVE,
                        p.objectiveId() + "@" + milestone.movePointRight(2).stripTrailingZeros().toPlainString(), Severity.INFO,
                        List.of(Evidence.of("milestone", milestone), Evidence.of("attainment", p.attainment()),
                                Evidence.of("actual", p.actual()), Evidence.of("target", p.target()))));
            }
        }
        return crossed;
    }
}
