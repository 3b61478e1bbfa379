package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rep's development plan in the cockpit: shown on the rep page (and the rep's own week), a goal added, a milestone
 * marked done, the plan marked reviewed with the rep. The plan lives in coaching-service.
 */
@Controller
class PlanSection {

    static final List<String> KINDS = List.of("SKILL", "INDICATOR", "ROLE_MOVE");
    static final List<String> INDICATORS = List.of(
            "CONNECT_RATE",
            "CALLS_PER_DAY",
            "MEETINGS_BOOKED_PER_WEEK",
            "MEETINGS_HELD_PER_WEEK",
            "SHOW_RATE",
            "DEALS_ADVANCED_PER_WEEK");
    static final List<String> ROLES = List.of("SDR", "AE", "CSM");

    /** A milestone as shown. */
    record MilestoneLine(String milestoneId, String text, String due, boolean done) {}

    /** A goal as shown: what it is tied to, in words, and for an indicator where it stands. */
    record GoalLine(
            String goalId,
            String title,
            String tiedTo,
            String due,
            String standing,
            Integer bar,
            boolean reached,
            List<MilestoneLine> milestones) {}

    /** The plan as shown. */
    record PlanLines(
            boolean exists,
            String reviewedOn,
            String reviewDue,
            boolean reviewOverdue,
            List<GoalLine> goals,
            List<String> skills) {}

    private final Services services;
    private final CoachingClient coaching;
    private final Labels labels;

    PlanSection(Services services, CoachingClient coaching, Labels labels) {
        this.services = services;
        this.coaching = coaching;
        this.labels = labels;
    }

    /** A plan (as coaching-service answers it) in the page's words. */
    static PlanLines lines(CoachingClient.Plan plan, Labels labels, Locale locale, java.time.LocalDate today) {
        List<GoalLine> goals = new ArrayList<>();
        for (CoachingClient.Goal goal : plan.goals()) {
            String kind = goal.kind();
            String tiedTo = switch (kind) {
                case "SKILL" -> labels.word("skill." + goal.skill(), locale);
                case "INDICATOR" -> labels.word("indicator." + goal.indicator(), locale);
                default -> labels.word("plan.moveTo", locale) + " " + goal.targetRole();
            };
            String standing = null;
            Integer bar = null;
            if ("INDICATOR".equals(kind)) {
                boolean rate = goal.indicator().endsWith("_RATE");
                String target = value(goal.target(), rate, locale);
                standing = (goal.value() != null ? value(goal.value(), rate, locale) : "—") + " / " + target;
                bar = goal.progress() != null
                        ? goal.progress().movePointRight(2).intValue()
                        : 0;
            }
            List<MilestoneLine> milestones = new ArrayList<>();
            for (CoachingClient.Milestone m : goal.milestones()) {
                milestones.add(new MilestoneLine(
                        m.milestoneId(),
                        m.text(),
                        m.due() != null ? Figures.day(m.due(), locale) : null,
                        m.doneAt() != null));
            }
            goals.add(new GoalLine(
                    goal.goalId(),
                    goal.title(),
                    tiedTo,
                    goal.due() != null ? Figures.day(goal.due(), locale) : null,
                    standing,
                    bar,
                    goal.reached(),
                    milestones));
        }
        LocalDate reviewDue = plan.reviewDue();
        return new PlanLines(
                plan.createdAt() != null,
                plan.reviewedAt() == null ? null : plan.reviewedAt().toString().substring(0, 10),
                reviewDue == null ? null : reviewDue.toString(),
                reviewDue != null && reviewDue.isBefore(today),
                goals,
                plan.skills());
    }

    private static String value(java.math.BigDecimal value, boolean rate, Locale locale) {
        return value == null ? "—" : rate ? Figures.percent(value, locale) : Figures.number(value, locale);
    }

    /** Adds a goal to the plan (the plan is written whole: the goals held, then the new one). */
    @PostMapping("/reps/{repId}/plan/goals")
    String addGoal(
            @PathVariable String repId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String skill,
            @RequestParam(defaultValue = "") String indicator,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String targetRole,
            @RequestParam(defaultValue = "") String due,
            @RequestParam(defaultValue = "") String milestone,
            @RequestParam(defaultValue = "") String milestoneDue,
            RedirectAttributes flash) {
        PageAdvice.checkId(repId);
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("goalId", "g-" + UUID.randomUUID().toString().substring(0, 8));
        goal.put("kind", KINDS.contains(kind) ? kind : null);
        goal.put("title", title.strip());
        goal.put("skill", "SKILL".equals(kind) ? skill : null);
        goal.put("indicator", "INDICATOR".equals(kind) && INDICATORS.contains(indicator) ? indicator : null);
        goal.put("target", "INDICATOR".equals(kind) ? number(target) : null);
        goal.put("targetRole", "ROLE_MOVE".equals(kind) && ROLES.contains(targetRole) ? targetRole : null);
        goal.put("due", due.isBlank() ? null : due);
        goal.put(
                "milestones",
                milestone.isBlank() ? List.of() : List.of(milestoneBody(milestone.strip(), milestoneDue)));
        java.util.concurrent.atomic.AtomicInteger index = new java.util.concurrent.atomic.AtomicInteger();
        try {
            writeGoals(repId, goals -> {
                index.set(goals.size());
                goals.add(goal);
            });
            flash.addFlashAttribute("planSaved", true);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            String prefix = "goals[" + index.get() + "].";
            refusal.fieldErrors()
                    .forEach((field, message) -> errors.put(
                            field.startsWith(prefix)
                                    ? field.substring(prefix.length()).replaceAll("\\[.*", "")
                                    : field,
                            message));
            if (errors.containsKey("milestones") && milestone.isBlank()) {
                errors.put("milestone", errors.remove("milestones"));
            }
            flash.addFlashAttribute("planErrors", labels.fieldErrors(errors));
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("kind", kind);
            typed.put("title", title);
            typed.put("skill", skill);
            typed.put("indicator", indicator);
            typed.put("target", target);
            typed.put("targetRole", targetRole);
            typed.put("due", due);
            typed.put("milestone", milestone);
            typed.put("milestoneDue", milestoneDue);
            flash.addFlashAttribute("planForm", typed);
        }
        return "redirect:/reps/" + repId + "#plan";
    }

    @PostMapping("/reps/{repId}/plan/goals/{goalId}/milestones/{milestoneId}/done")
    String milestoneDone(@PathVariable String repId, @PathVariable String goalId, @PathVariable String milestoneId) {
        PageAdvice.checkId(repId);
        PageAdvice.checkId(goalId);
        PageAdvice.checkId(milestoneId);
        services.post(
                Service.COACHING,
                Map.of(),
                "/api/v1/reps/{repId}/plan/goals/{goalId}/milestones/{milestoneId}/done",
                repId,
                goalId,
                milestoneId);
        return "redirect:/reps/" + repId + "#plan";
    }

    /** Removes a goal from the plan (the plan is written whole, without it). */
    @PostMapping("/reps/{repId}/plan/goals/{goalId}/remove")
    String removeGoal(@PathVariable String repId, @PathVariable String goalId, RedirectAttributes flash) {
        PageAdvice.checkId(repId);
        PageAdvice.checkId(goalId);
        writeGoals(
                repId,
                goals -> goals.removeIf(goal -> goal instanceof Map<?, ?> held && goalId.equals(held.get("goalId"))));
        flash.addFlashAttribute("planRemoved", true);
        return "redirect:/reps/" + repId + "#plan";
    }

    /**
     * Writes the plan whole, changed by {@code change} from the goals it holds now, over the revision read: a change
     * made meanwhile by someone else (another manager adding a goal) is read again and this one applied to it, so
     * neither is lost.
     */
    private void writeGoals(String repId, java.util.function.Consumer<List<Object>> change) {
        for (int attempt = 0; ; attempt++) {
            CoachingClient.Plan plan = coaching.plan(repId);
            List<Object> goals = new ArrayList<>();
            for (CoachingClient.Goal goal : plan.goals()) {
                goals.add(held(goal));
            }
            change.accept(goals);
            Long revision = plan.revision();
            try {
                services.putIfMatch(
                        Service.COACHING, Map.of("goals", goals), revision, "/api/v1/reps/{repId}/plan", repId);
                return;
            } catch (Services.ServiceRefusal refusal) {
                if (refusal.status() != 412 || attempt == 4) {
                    throw refusal;
                }
            }
        }
    }

    @PostMapping("/reps/{repId}/plan/review")
    String reviewed(@PathVariable String repId, RedirectAttributes flash) {
        PageAdvice.checkId(repId);
        services.post(Service.COACHING, Map.of(), "/api/v1/reps/{repId}/plan/review", repId);
        flash.addFlashAttribute("planReviewed", true);
        return "redirect:/reps/" + repId + "#plan";
    }

    /** A goal as read, sent back as it was (its milestones by id, so what is done stays done). */
    private static Map<String, Object> held(CoachingClient.Goal goal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("goalId", goal.goalId());
        body.put("kind", goal.kind());
        body.put("title", goal.title());
        body.put("skill", goal.skill());
        body.put("indicator", goal.indicator());
        body.put("targetRole", goal.targetRole());
        body.put("due", goal.due() == null ? null : goal.due().toString());
        body.put("target", goal.target());
        body.put("days", goal.days());
        List<Object> milestones = new ArrayList<>();
        for (CoachingClient.Milestone m : goal.milestones()) {
            Map<String, Object> milestone =
                    milestoneBody(m.text(), m.due() == null ? "" : m.due().toString());
            milestone.put("milestoneId", m.milestoneId());
            milestones.add(milestone);
        }
        body.put("milestones", milestones);
        return body;
    }

    private static Map<String, Object> milestoneBody(String text, String due) {
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("text", text);
        milestone.put("due", due == null || due.isBlank() ? null : due);
        return milestone;
    }

    /** A target as typed: "25%" is 0.25, "0,25" is 0.25; null when it is no number (the service names the field). */
    static BigDecimal number(String typed) {
        String text = typed.strip().replace(',', '.').replace(" ", "");
        boolean percent = text.endsWith("%");
        try {
            BigDecimal value = new BigDecimal(percent ? text.substring(0, text.length() - 1) : text);
            return percent ? value.movePointLeft(2) : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
