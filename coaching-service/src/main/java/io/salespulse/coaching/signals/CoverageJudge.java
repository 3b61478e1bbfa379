package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.signals.rules.ObjectiveRules;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Coverage of a revenue objective: the open pipeline of its rep (or team) expected within its period, against what is
 * left to win; judged on its new figures and each hour (the pipeline moves without them).
 */
@Component
class CoverageJudge implements SignalJudge {

    private final CoachingFactsStore facts;
    private final SignalStore book;
    private final RosterStore roster;

    CoverageJudge(CoachingFactsStore facts, SignalStore book, RosterStore roster) {
        this.facts = facts;
        this.book = book;
        this.roster = roster;
    }

    @Override
    public void judgeObjective(Objective objective) {
        ObjectiveProgressed progress = objective.progress();
        if (progress.metric() != ObjectiveMetric.REVENUE_WON) {
            return;
        }
        if (progress.status() == ObjectiveStatus.CANCELLED) {
            // Its last figures: nothing more to cover.
            book.sync(
                    SignalType.LOW_COVERAGE,
                    progress.objectiveId(),
                    Optional.empty(),
                    objective.context(),
                    "objective cancelled");
            return;
        }
        facts.objectiveSet(progress.objectiveId())
                .filter(set -> set.currency() != null)
                .ifPresent(set -> {
                    List<String> reps = progress.scope() == ObjectiveScope.REP
                            ? List.of(progress.scopeId())
                            : roster.repsOf(progress.teamId()).stream()
                                    .map(RepChanged::repId)
                                    .toList();
                    BigDecimal expected = facts.openExpected(reps, set.currency(), set.periodEnd());
                    book.sync(
                            SignalType.LOW_COVERAGE,
                            progress.objectiveId(),
                            ObjectiveRules.lowCoverage(
                                    objective.settings().objectives(),
                                    progress.objectiveId(),
                                    progress.target(),
                                    progress.actual(),
                                    expected),
                            objective.context(),
                            "pipeline covers 3 times what is left, or less than 25% is left");
                });
    }
}
