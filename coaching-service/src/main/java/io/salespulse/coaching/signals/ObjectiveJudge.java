package io.salespulse.coaching.signals;

import io.salespulse.coaching.signals.rules.ObjectiveRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.signal.SignalType;
import org.springframework.stereotype.Component;

/** An objective's new figures: at risk (raised, updated, resolved) and the milestones crossed. */
@Component
class ObjectiveJudge implements SignalJudge {

    private final SignalStore book;

    ObjectiveJudge(SignalStore book) {
        this.book = book;
    }

    @Override
    public void judgeObjective(Objective objective) {
        if (!objective.news()) {
            return;
        }
        ObjectiveProgressed progress = objective.progress();
        RuleSettings.Objectives settings = objective.settings().objectives();
        book.sync(
                SignalType.OBJECTIVE_AT_RISK,
                progress.objectiveId(),
                ObjectiveRules.atRisk(settings, progress),
                objective.context(),
                "objective " + progress.status().name().toLowerCase().replace('_', ' '));
        if (progress.status() == ObjectiveStatus.CANCELLED) {
            return; // its last figures: nothing more to recognise
        }
        ObjectiveRules.milestone(
                        settings,
                        objective.attainmentBefore(),
                        book.highestMilestoneTold(progress.objectiveId(), settings.milestones())
                                .orElse(null),
                        progress)
                .ifPresent(milestone -> book.recognise(milestone, objective.context()));
    }
}
