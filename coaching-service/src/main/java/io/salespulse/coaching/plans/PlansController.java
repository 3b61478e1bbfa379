package io.salespulse.coaching.plans;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.Revisions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A rep's development plan: its manager (or an admin) writes it whole, reviews it with the rep, and marks milestones
 * done; the rep and its managers read it with each indicator goal's progress from the KPIs.
 */
@RestController
class PlansController {

    static final int MAX_GOALS = 10;
    static final int MAX_MILESTONES = 12;
    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    /** A milestone as sent; its id defaults to the goal's and its position. */
    record MilestoneRequest(
            @Pattern(regexp = ID, message = "must be 1 to 100 letters, digits or ._:-")
            String milestoneId,

            @NotBlank @Size(max = 300) String text,
            String due) {}

    /** A goal as sent: {@code skill} for SKILL, {@code indicator} and {@code target} for INDICATOR, {@code targetRole} for ROLE_MOVE. */
    record GoalRequest(
            @NotNull @Pattern(regexp = ID, message = "must be 1 to 100 letters, digits or ._:-")
            String goalId,

            @NotNull DevelopmentPlans.Kind kind,
            @NotBlank @Size(max = 300) String title,
            @Bounded String skill,
            Indicator indicator,
            BigDecimal target,
            @Min(5) @Max(60) Integer days,
            RepRole targetRole,
            String due,
            @Size(max = MAX_MILESTONES) List<@Valid @NotNull MilestoneRequest> milestones) {}

    /** {@code PUT /api/v1/reps/{repId}/plan}: the whole plan. */
    record PlanRequest(@NotNull @Size(max = MAX_GOALS) List<@Valid @NotNull GoalRequest> goals) {}

    private final DevelopmentPlans plans;
    private final PlanViews views;
    private final PlanSettings settings;
    private final RosterStore roster;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PlansController(
            DevelopmentPlans plans,
            PlanViews views,
            PlanSettings settings,
            RosterStore roster,
            Clock clock,
            ApplicationEventPublisher events) {
        this.plans = plans;
        this.views = views;
        this.settings = settings;
        this.roster = roster;
        this.clock = clock;
        this.events = events;
    }

    @Operation(summary = "A rep's development plan with where its goals stand")
    @GetMapping("/api/v1/reps/{repId}/plan")
    ResponseEntity<PlanViews.PlanView> get(@PathVariable @Bounded String repId) {
        RepChanged rep = rep(repId);
        return plans.of(repId)
                .map(plan -> ResponseEntity.ok()
                        .eTag(Revisions.etag(plan.revision()))
                        .body(view(plan)))
                .orElseGet(() -> ResponseEntity.ok(views.empty(rep)));
    }

    /** Writes the plan; with {@code If-Match}, only over the revision its author read ({@code 412} otherwise). */
    @Operation(summary = "Set a rep's development plan")
    @PutMapping("/api/v1/reps/{repId}/plan")
    ResponseEntity<PlanViews.PlanView> put(
            @PathVariable @Bounded String repId,
            @Valid @RequestBody PlanRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        RepChanged rep = rep(repId);
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < request.goals().size(); i++) {
            check(request.goals().get(i), "goals[" + i + "]", rep, today, ids, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        boolean created = plans.of(repId).isEmpty();
        DevelopmentPlans.Plan saved = change(repId, held -> {
            Revisions.check(ifMatch, Optional.ofNullable(held).map(DevelopmentPlans.Plan::revision));
            Instant now = clock.instant();
            List<DevelopmentPlans.Goal> goals =
                    request.goals().stream().map(goal -> goal(goal, held)).toList();
            return held == null
                    ? new DevelopmentPlans.Plan(repId, rep.teamId(), goals, now, null, 0)
                    : new DevelopmentPlans.Plan(
                            repId, rep.teamId(), goals, held.createdAt(), held.reviewedAt(), held.revision() + 1);
        });
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Revisions.etag(saved.revision()))
                .body(view(saved));
    }

    /** The plan was gone through with the rep today: the review reminder starts again. */
    @Operation(summary = "Record that the plan was reviewed with the rep")
    @PostMapping("/api/v1/reps/{repId}/plan/review")
    PlanViews.PlanView review(@PathVariable @Bounded String repId) {
        rep(repId);
        return view(change(repId, held -> {
            if (held == null) {
                throw new NotFoundException("No development plan for " + repId);
            }
            return new DevelopmentPlans.Plan(
                    repId, held.teamId(), held.goals(), held.createdAt(), clock.instant(), held.revision() + 1);
        }));
    }

    @Operation(summary = "Mark a plan milestone done")
    @PostMapping("/api/v1/reps/{repId}/plan/goals/{goalId}/milestones/{milestoneId}/done")
    PlanViews.PlanView milestoneDone(
            @PathVariable @Bounded String repId,
            @PathVariable @Bounded String goalId,
            @PathVariable @Bounded String milestoneId) {
        rep(repId);
        return view(change(repId, held -> {
            boolean found = held != null
                    && held.goals().stream()
                            .anyMatch(g -> g.goalId().equals(goalId)
                                    && g.milestones().stream()
                                            .anyMatch(m -> m.milestoneId().equals(milestoneId)));
            if (!found) {
                throw new NotFoundException(
                        "No milestone " + milestoneId + " in goal " + goalId + " of " + repId + "'s plan");
            }
            Instant now = clock.instant();
            List<DevelopmentPlans.Goal> goals = held.goals().stream()
                    .map(g -> !g.goalId().equals(goalId)
                            ? g
                            : new DevelopmentPlans.Goal(
                                    g.goalId(),
                                    g.kind(),
                                    g.title(),
                                    g.skill(),
                                    g.indicator(),
                                    g.target(),
                                    g.days(),
                                    g.targetRole(),
                                    g.due(),
                                    g.milestones().stream()
                                            .map(m -> m.milestoneId().equals(milestoneId) && m.doneAt() == null
                                                    ? new DevelopmentPlans.Milestone(
                                                            m.milestoneId(), m.text(), m.due(), now)
                                                    : m)
                                            .toList(),
                                    g.reachedAt()))
                    .toList();
            return new DevelopmentPlans.Plan(
                    repId, held.teamId(), goals, held.createdAt(), held.reviewedAt(), held.revision() + 1);
        }));
    }

    /** Reads, changes and writes the plan over the revision read (a change in between: read again and retry). */
    private DevelopmentPlans.Plan change(String repId, UnaryOperator<DevelopmentPlans.Plan> change) {
        for (int attempt = 0; attempt < 5; attempt++) {
            DevelopmentPlans.Plan held = plans.of(repId).orElse(null);
            DevelopmentPlans.Plan next = change.apply(held);
            if (plans.write(next, held == null ? -1 : held.revision())) {
                events.publishEvent(new PlanChanged(repId));
                return next;
            }
        }
        throw new io.salespulse.kit.web.PreconditionFailedException(
                repId + "'s plan kept changing while it was written: read it again",
                plans.of(repId).map(plan -> Revisions.etag(plan.revision())).orElse(null));
    }

    private DevelopmentPlans.Goal goal(GoalRequest goal, DevelopmentPlans.Plan held) {
        Optional<DevelopmentPlans.Goal> before = held == null
                ? Optional.empty()
                : held.goals().stream()
                        .filter(g -> g.goalId().equals(goal.goalId()))
                        .findFirst();
        List<MilestoneRequest> asked = goal.milestones() == null ? List.of() : goal.milestones();
        List<DevelopmentPlans.Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            MilestoneRequest m = asked.get(i);
            String id = m.milestoneId() == null ? goal.goalId() + "-" + (i + 1) : m.milestoneId();
            // A milestone keeps whether it was done when the plan is written again.
            Instant doneAt = before.flatMap(b -> b.milestones().stream()
                            .filter(x -> x.milestoneId().equals(id))
                            .findFirst())
                    .map(DevelopmentPlans.Milestone::doneAt)
                    .orElse(null);
            milestones.add(new DevelopmentPlans.Milestone(id, m.text().strip(), date(m.due()), doneAt));
        }
        boolean sameMeasure = before.isPresent()
                && before.get().indicator() == goal.indicator()
                && before.get().target() != null
                && goal.target() != null
                && before.get().target().compareTo(goal.target()) == 0;
        return new DevelopmentPlans.Goal(
                goal.goalId(),
                goal.kind(),
                goal.title().strip(),
                goal.kind() == DevelopmentPlans.Kind.SKILL ? goal.skill() : null,
                goal.kind() == DevelopmentPlans.Kind.INDICATOR ? goal.indicator() : null,
                goal.kind() == DevelopmentPlans.Kind.INDICATOR ? goal.target() : null,
                goal.kind() == DevelopmentPlans.Kind.INDICATOR
                        ? (goal.days() == null ? settings.indicatorDays() : goal.days())
                        : null,
                goal.kind() == DevelopmentPlans.Kind.ROLE_MOVE
                        ? goal.targetRole().name()
                        : null,
                date(goal.due()),
                milestones,
                sameMeasure ? before.get().reachedAt() : null);
    }

    private void check(
            GoalRequest goal,
            String at,
            RepChanged rep,
            LocalDate today,
            Set<String> ids,
            List<FieldProblem> problems) {
        if (goal.goalId() != null && !ids.add(goal.goalId())) {
            problems.add(new FieldProblem(at + ".goalId", "is used by another goal of the plan"));
        }
        if (goal.kind() == DevelopmentPlans.Kind.SKILL
                && (goal.skill() == null || !settings.skillsOf(rep.role()).contains(goal.skill()))) {
            problems.add(new FieldProblem(
                    at + ".skill",
                    "must be one of the " + rep.role() + " skills: "
                            + String.join(", ", settings.skillsOf(rep.role()))));
        }
        if (goal.kind() == DevelopmentPlans.Kind.INDICATOR) {
            if (goal.indicator() == null) {
                problems.add(new FieldProblem(at + ".indicator", "is required for an INDICATOR goal"));
            }
            if (goal.target() == null
                    || goal.target().signum() <= 0
                    || goal.target().compareTo(BigDecimal.valueOf(10_000)) > 0) {
                problems.add(new FieldProblem(at + ".target", "must be above 0 and at most 10000"));
            } else if (goal.indicator() != null
                    && goal.indicator().isRate()
                    && goal.target().compareTo(BigDecimal.ONE) > 0) {
                problems.add(new FieldProblem(
                        at + ".target", "is a share for " + goal.indicator() + ": at most 1 (0.25 is 25%)"));
            }
        }
        if (goal.kind() == DevelopmentPlans.Kind.ROLE_MOVE) {
            if (goal.targetRole() == null || goal.targetRole() == rep.role()) {
                problems.add(new FieldProblem(
                        at + ".targetRole", "must be a role other than the rep's (" + rep.role() + ")"));
            }
            if (goal.milestones() == null || goal.milestones().isEmpty()) {
                problems.add(
                        new FieldProblem(at + ".milestones", "a move to another role needs at least one milestone"));
            }
        }
        checkDate(goal.due(), at + ".due", today, problems);
        List<MilestoneRequest> milestones = goal.milestones() == null ? List.of() : goal.milestones();
        Set<String> milestoneIds = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneRequest m = milestones.get(i);
            checkDate(m.due(), at + ".milestones[" + i + "].due", today, problems);
            if (!milestoneIds.add(m.milestoneId() == null ? goal.goalId() + "-" + (i + 1) : m.milestoneId())) {
                problems.add(new FieldProblem(
                        at + ".milestones[" + i + "].milestoneId", "is used by another milestone of the goal"));
            }
        }
    }

    private static void checkDate(String text, String field, LocalDate today, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.isBefore(today.minusYears(1)) || day.isAfter(today.plusYears(2))) {
                problems.add(new FieldProblem(field, "must be within a year back and two years ahead"));
            }
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "must be a date, e.g. 2027-03-31"));
        }
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    private RepChanged rep(String repId) {
        return roster.rep(repId).orElseThrow(() -> new NotFoundException("No rep " + repId));
    }

    private PlanViews.PlanView view(DevelopmentPlans.Plan plan) {
        return views.of(plan);
    }
}
