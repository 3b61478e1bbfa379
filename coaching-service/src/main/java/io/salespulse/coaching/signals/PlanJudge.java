package io.salespulse.coaching.signals;

import io.salespulse.coaching.plans.DevelopmentPlans;
import io.salespulse.coaching.plans.PlanProgress;
import io.salespulse.coaching.plans.PlanSettings;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A rep's development plan: a reminder while it has not been reviewed for {@code reviewEvery}; a recognition when an
 * indicator goal is reached (from the KPIs) or a milestone done, told while it is news (a week).
 */
@Component
class PlanJudge implements SignalJudge {

    private final DevelopmentPlans plans;
    private final PlanProgress planProgress;
    private final PlanSettings planSettings;
    private final SignalStore book;
    private final SignalContexts contexts;
    private final Clock clock;

    PlanJudge(
            DevelopmentPlans plans,
            PlanProgress planProgress,
            PlanSettings planSettings,
            SignalStore book,
            SignalContexts contexts,
            Clock clock) {
        this.plans = plans;
        this.planProgress = planProgress;
        this.planSettings = planSettings;
        this.book = book;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void judgeRep(Rep rep, RepChange change) {
        // An indicator goal moves with the rep's days.
        if (!change.in(RepChange.PLAN, RepChange.ACTIVITY, RepChange.TODAYS_ACTIVITY, RepChange.HOURLY)) {
            return;
        }
        String repId = rep.repId();
        Optional<DevelopmentPlans.Plan> found = plans.of(repId);
        if (found.isEmpty()) {
            return;
        }
        var plan = found.get();
        SignalStore.Context context = rep.context();
        Instant now = clock.instant();
        long sinceReview = Duration.between(plan.lastReviewed(), now).toDays();
        boolean reviewDue = rep.rep().active()
                && !plan.goals().isEmpty()
                && plan.lastReviewed().plus(planSettings.reviewEvery()).isBefore(now);
        book.sync(
                SignalType.PLAN_NOT_REVIEWED,
                repId,
                reviewDue
                        ? Optional.of(new Detection(
                                SignalType.PLAN_NOT_REVIEWED,
                                SubjectKind.REP,
                                repId,
                                Severity.WARNING,
                                List.of(Evidence.of("daysSinceReview", sinceReview))))
                        : Optional.empty(),
                context,
                "plan reviewed");
        Instant news = now.minus(contexts.rules().windows().bigWinNews());
        for (var goal : plan.goals()) {
            if (goal.kind() == DevelopmentPlans.Kind.INDICATOR
                    && (goal.reachedAt() == null || goal.reachedAt().isAfter(news))) {
                var measured = planProgress.measure(repId, goal);
                if (measured.reached() || goal.reachedAt() != null) {
                    if (goal.reachedAt() == null) {
                        plans.reached(repId, goal.goalId(), now);
                    }
                    List<Evidence> evidence = measured.value() == null
                            ? List.of(Evidence.of("target", goal.target()))
                            : List.of(Evidence.of("value", measured.value()), Evidence.of("target", goal.target()));
                    book.recognise(
                            new Detection(
                                    SignalType.PLAN_GOAL_REACHED,
                                    SubjectKind.REP,
                                    repId + "@" + goal.goalId(),
                                    Severity.INFO,
                                    evidence),
                            context);
                }
            }
            for (var milestone : goal.milestones()) {
                if (milestone.doneAt() != null && milestone.doneAt().isAfter(news)) {
                    book.recognise(
                            new Detection(
                                    SignalType.PLAN_MILESTONE_REACHED,
                                    SubjectKind.REP,
                                    repId + "@" + goal.goalId() + "/" + milestone.milestoneId(),
                                    Severity.INFO,
                                    List.of()),
                            context);
                }
            }
        }
    }
}
