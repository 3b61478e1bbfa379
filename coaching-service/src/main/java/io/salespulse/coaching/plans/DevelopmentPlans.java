package io.salespulse.coaching.plans;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reps' individual development plans (typed documents mapped by Spring Data), one per rep: goals tied to a skill, to
 * an indicator measured from the KPIs, or to a move to another role, each with optional milestones; and when the plan
 * was last reviewed with the rep.
 */
@Component
public class DevelopmentPlans {

    /** What a goal is tied to. */
    public enum Kind {
        SKILL,
        INDICATOR,
        ROLE_MOVE
    }

    /** A step of a goal; {@code doneAt} null while open. */
    public record Milestone(String milestoneId, String text, LocalDate due, Instant doneAt) {}

    /**
     * A goal of a plan.
     *
     * @param skill      for a SKILL goal, one of the role's skills
     * @param indicator  for an INDICATOR goal, what is measured; {@code target} the figure to reach over {@code days}
     * @param targetRole for a ROLE_MOVE goal, the role to move to
     * @param reachedAt  when an indicator goal was first reached (then it stays reached)
     */
    public record Goal(
            String goalId,
            Kind kind,
            String title,
            String skill,
            Indicator indicator,
            BigDecimal target,
            Integer days,
            String targetRole,
            LocalDate due,
            List<Milestone> milestones,
            Instant reachedAt) {}

    /** A rep's plan. {@code revision} counts its changes: a change is written only over the revision it was read at. */
    @Document("development_plans")
    public record Plan(
            @Id String repId, String teamId, List<Goal> goals, Instant createdAt, Instant reviewedAt, long revision) {

        /** When the plan was last looked at with the rep: its last review, or its making. */
        public Instant lastReviewed() {
            return reviewedAt != null ? reviewedAt : createdAt;
        }
    }

    private final MongoTemplate mongo;

    DevelopmentPlans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Plan> of(String repId) {
        return Optional.ofNullable(mongo.findById(repId, Plan.class));
    }

    /** Plans of these reps. */
    public List<Plan> ofReps(List<String> repIds) {
        return mongo.find(query(where("_id").in(repIds)), Plan.class);
    }

    /**
     * Writes the plan if the stored one is still at {@code expectedRevision} (-1: there is none yet); false when it
     * changed in between (read it again and retry).
     */
    boolean write(Plan plan, long expectedRevision) {
        return io.salespulse.kit.mongo.LatestState.writeAtRevision(mongo, plan.repId(), plan, expectedRevision);
    }

    /** Marks that an indicator goal was reached (once). */
    public void reached(String repId, String goalId, Instant at) {
        Plan plan = mongo.findById(repId, Plan.class);
        if (plan == null) {
            return;
        }
        List<Goal> goals = plan.goals().stream()
                .map(g -> g.goalId().equals(goalId) && g.reachedAt() == null
                        ? new Goal(
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
                                at)
                        : g)
                .toList();
        mongo.updateFirst(
                query(where("_id").is(repId).and("revision").is(plan.revision())),
                new Update().set("goals", goals).set("revision", plan.revision() + 1),
                Plan.class);
    }
}
