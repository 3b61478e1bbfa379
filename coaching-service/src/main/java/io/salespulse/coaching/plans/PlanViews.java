package io.salespulse.coaching.plans;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Development plans as the API reads them: each indicator goal with where it stands now, the review's due day. */
@Component
public class PlanViews {

    /** A goal with where it stands: an indicator's figure now, its progress (capped at 1) and whether it is reached. */
    public record GoalView(
            String goalId,
            DevelopmentPlans.Kind kind,
            String title,
            String skill,
            Indicator indicator,
            BigDecimal target,
            Integer days,
            String targetRole,
            LocalDate due,
            List<DevelopmentPlans.Milestone> milestones,
            Instant reachedAt,
            BigDecimal value,
            BigDecimal progress,
            boolean reached) {}

    /**
     * A plan as read: {@code reviewDue} is the day its next review is due; {@code skills} the skills a goal of this rep
     * may name (its role's). A rep without a plan has an empty one ({@code createdAt} null).
     */
    public record PlanView(
            String repId,
            Instant createdAt,
            Instant reviewedAt,
            LocalDate reviewDue,
            List<GoalView> goals,
            List<String> skills,
            Long revision) {}

    private final PlanProgress progress;
    private final PlanSettings settings;
    private final RosterStore roster;

    PlanViews(PlanProgress progress, PlanSettings settings, RosterStore roster) {
        this.progress = progress;
        this.settings = settings;
        this.roster = roster;
    }

    /** The empty plan of a rep who has none. */
    public PlanView empty(RepChanged rep) {
        return new PlanView(rep.repId(), null, null, null, List.of(), settings.skillsOf(rep.role()), null);
    }

    /** A plan as read, each indicator goal measured now. */
    public PlanView of(DevelopmentPlans.Plan plan) {
        LocalDate reviewDue = plan.lastReviewed()
                .atZone(roster.zoneOf(plan.repId()))
                .toLocalDate()
                .plusDays(settings.reviewEvery().toDays());
        List<GoalView> goals = plan.goals().stream()
                .map(g -> {
                    PlanProgress.Measured measured = g.kind() == DevelopmentPlans.Kind.INDICATOR
                            ? progress.measure(plan.repId(), g)
                            : new PlanProgress.Measured(null, null, false);
                    return new GoalView(
                            g.goalId(),
                            g.kind(),
                            g.title(),
                            g.skill(),
                            g.indicator(),
                            g.target(),
                            g.days(),
                            g.targetRole(),
                            g.due(),
                            g.milestones(),
                            g.reachedAt(),
                            measured.value(),
                            measured.progress(),
                            measured.reached() || g.reachedAt() != null);
                })
                .toList();
        return new PlanView(
                plan.repId(),
                plan.createdAt(),
                plan.reviewedAt(),
                reviewDue,
                goals,
                settings.skillsOf(roster.rep(plan.repId()).map(RepChanged::role).orElse(null)),
                plan.revision());
    }
}
