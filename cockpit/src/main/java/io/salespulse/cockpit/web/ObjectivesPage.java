package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's objectives: each with its attainment, pace and status (from kpi-service), and the forms to set, adjust and
 * cancel them (activity-service's objectives API). A refused field is shown next to it, with what was typed kept.
 */
@Controller
class ObjectivesPage {

    static final List<String> METRICS = List.of(
            "CALLS",
            "CONNECTED_CALLS",
            "EMAILS",
            "MEETINGS_BOOKED",
            "MEETINGS_HELD",
            "DEALS_CREATED",
            "PIPELINE_CREATED",
            "DEALS_WON",
            "REVENUE_WON",
            "ARR_RENEWED",
            "NRR",
            "GRR",
            "RENEWAL_RATE");
    /** The metrics that are amounts (a currency each; no ramp of weekly targets). */
    static final List<String> AMOUNTS = List.of("PIPELINE_CREATED", "REVENUE_WON", "ARR_RENEWED");

    /** Whether a metric is a share (a retention, a renewal rate): its target is typed as a percentage. */
    static boolean isRatio(String metric) {
        try {
            return metric != null
                    && io.salespulse.contracts.objective.ObjectiveMetric.valueOf(metric)
                            .isRatio();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /**
     * The target as typed, for the service: a number with a comma or spaces read as one; a share typed as a percentage
     * (95 for 95 %) sent as the share (0.95). What is no number is sent as typed, for the service to name.
     */
    static String typedTarget(String metric, String target) {
        String typed = target.strip().replace(',', '.').replace(" ", "");
        if (!isRatio(metric)) {
            return typed;
        }
        try {
            return new java.math.BigDecimal(typed)
                    .movePointLeft(2)
                    .stripTrailingZeros()
                    .toPlainString();
        } catch (NumberFormatException notANumber) {
            return typed;
        }
    }

    static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "CAD");

    /** The set form's values (what was typed, kept when refused). */
    record Form(
            String objectiveId,
            String who,
            String metric,
            String target,
            String currency,
            String periodStart,
            String periodEnd) {}

    private final Services services;
    private final ActivityClient activity;
    private final Labels labels;
    private final CurrentUser user;
    private final TeamObjectives teamObjectives;
    private final Clock clock;

    ObjectivesPage(
            Services services,
            ActivityClient activity,
            Labels labels,
            CurrentUser user,
            TeamObjectives teamObjectives,
            Clock clock) {
        this.clock = clock;
        this.services = services;
        this.activity = activity;
        this.labels = labels;
        this.user = user;
        this.teamObjectives = teamObjectives;
    }

    /** Who an objective can be for: the team ({@code TEAM:id}) and each active rep ({@code REP:id}), with names. */
    private Map<String, String> owners(ActivityClient.Team team, String teamId, Map<String, String> names) {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("TEAM:" + teamId, team.name());
        for (ActivityClient.Rep rep : activity.repsOf(teamId)) {
            names.put(rep.repId(), rep.displayName());
            if (rep.active()) {
                owners.put("REP:" + rep.repId(), rep.displayName());
            }
        }
        return owners;
    }

    @GetMapping("/teams/{teamId}/objectives")
    String page(@PathVariable String teamId, Model model, Locale locale) {
        PageAdvice.checkId(teamId);
        return render(teamId, null, Map.of(), model, locale);
    }

    private String render(String teamId, Form form, Map<String, String> errors, Model model, Locale locale) {
        ActivityClient.Team team = activity.team(teamId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
        Map<String, String> names = new HashMap<>();
        names.put(teamId, team.name());
        Map<String, String> owners = owners(team, teamId, names);
        List<TeamObjectives.Line> lines = teamObjectives.lines(teamId, today, names, locale);
        model.addAttribute("upcoming", teamObjectives.upcoming(teamId, today, names, locale));
        Form shown = form != null
                ? form
                : new Form(
                        UUID.randomUUID().toString(),
                        "TEAM:" + teamId,
                        "CALLS",
                        "",
                        "EUR",
                        today.withDayOfMonth(1).toString(),
                        today.withDayOfMonth(today.lengthOfMonth()).toString());
        Map<String, String> metrics = new LinkedHashMap<>();
        METRICS.forEach(metric -> metrics.put(metric, labels.word("objective.metric." + metric, locale)));
        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("objectives", lines);
        model.addAttribute("owners", owners);
        model.addAttribute("metrics", metrics);
        model.addAttribute("currencies", CURRENCIES);
        model.addAttribute("form", shown);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", user.get().isManager() || user.get().isAdmin());
        Map<String, String> reps = new LinkedHashMap<>();
        owners.forEach((key, name) -> {
            if (key.startsWith("REP:")) {
                reps.put(key.substring(4), name);
            }
        });
        model.addAttribute("rampReps", reps);
        model.addAttribute(
                "rampMetrics",
                metrics.entrySet().stream()
                        .filter(m -> !AMOUNTS.contains(m.getKey()) && !isRatio(m.getKey()))
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        if (!model.containsAttribute("rampForm")) {
            model.addAttribute(
                    "rampForm",
                    Map.of(
                            "start",
                            today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
                                    .toString()));
        }
        if (!model.containsAttribute("rampErrors")) {
            model.addAttribute("rampErrors", Map.of());
        }
        return "objectives";
    }

    /**
     * A ramp: a rep's weekly objectives rising on a schedule (targets typed "20, 30, 40"), one objective per week from
     * the Monday chosen; the same rep and Monday again adjust the same ramp.
     */
    @PostMapping("/teams/{teamId}/ramps")
    String ramp(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "") String repId,
            @RequestParam(defaultValue = "") String metric,
            @RequestParam(defaultValue = "") String start,
            @RequestParam(defaultValue = "") String targets,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        Map<String, String> errors = new LinkedHashMap<>();
        List<java.math.BigDecimal> weekly = new java.util.ArrayList<>();
        for (String typed : targets.split("[;\\s]+|,\\s+")) {
            if (!typed.isBlank()) {
                java.math.BigDecimal value = PlanSection.number(typed);
                if (value == null) {
                    errors.put("weeklyTargets", labels.word("ramp.targetsHelp", LocaleContextHolder.getLocale()));
                }
                weekly.add(value);
            }
        }
        if (errors.isEmpty()) {
            String rampId = "ramp-" + repId + "-" + start;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("repId", repId);
            body.put("metric", metric);
            body.put("start", start.isBlank() ? null : start);
            body.put("weeklyTargets", weekly);
            try {
                PageAdvice.checkId(rampId);
                services.put(Service.ACTIVITY, body, "/api/v1/teams/{teamId}/ramps/{rampId}", teamId, rampId);
                flash.addFlashAttribute("rampSaved", true);
                return "redirect:/teams/" + teamId + "/objectives#ramp";
            } catch (Services.ServiceRefusal refusal) {
                if (refusal.status() != 400 && refusal.status() != 404) {
                    throw refusal;
                }
                refusal.fieldErrors()
                        .forEach((field, message) -> errors.merge(
                                field.startsWith("weeklyTargets") ? "weeklyTargets" : field,
                                message,
                                (a, b) -> a + "; " + b));
                if (errors.isEmpty()) {
                    errors.put("repId", labels.word("ramp.pickRep", LocaleContextHolder.getLocale()));
                }
            }
        }
        flash.addFlashAttribute("rampErrors", labels.fieldErrors(errors));
        flash.addFlashAttribute(
                "rampForm", Map.of("repId", repId, "metric", metric, "start", start, "targets", targets));
        return "redirect:/teams/" + teamId + "/objectives#ramp";
    }

    /** Sets an objective; the form's id makes a second submission the same objective, not another. */
    @PostMapping("/teams/{teamId}/objectives")
    String set(
            @PathVariable String teamId,
            @RequestParam String objectiveId,
            @RequestParam(defaultValue = "") String who,
            @RequestParam(defaultValue = "") String metric,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String periodStart,
            @RequestParam(defaultValue = "") String periodEnd,
            Model model,
            Locale locale,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(objectiveId);
        Form form = new Form(objectiveId, who, metric, target, currency, periodStart, periodEnd);
        String[] owner = who.split(":", 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", owner.length == 2 ? owner[0] : "");
        body.put("scopeId", owner.length == 2 ? owner[1] : "");
        body.put("metric", metric);
        body.put("target", typedTarget(metric, target));
        body.put("currency", currency);
        body.put("periodStart", periodStart);
        body.put("periodEnd", periodEnd);
        try {
            services.put(Service.ACTIVITY, body, "/api/v1/teams/{teamId}/objectives/{id}", teamId, objectiveId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            return render(teamId, form, formErrors(refusal), model, locale);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/teams/" + teamId + "/objectives";
    }

    /** The service's field names as the form's: scope and scopeId are the "who" select. */
    Map<String, String> formErrors(Services.ServiceRefusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.fieldErrors()
                .forEach((field, message) ->
                        errors.merge(field.startsWith("scope") ? "who" : field, message, (a, b) -> a + "; " + b));
        return labels.fieldErrors(errors);
    }

    @GetMapping("/teams/{teamId}/objectives/{objectiveId}")
    String edit(@PathVariable String teamId, @PathVariable String objectiveId, Model model, Locale locale) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(objectiveId);
        return renderEdit(teamId, objectiveId, null, null, Map.of(), model, locale);
    }

    private String renderEdit(
            String teamId,
            String objectiveId,
            String target,
            String periodEnd,
            Map<String, String> errors,
            Model model,
            Locale locale) {
        ActivityClient.ObjectiveSet objective = activity.objective(teamId, objectiveId);
        ActivityClient.Team team = activity.team(teamId);
        String scopeId = objective.scopeId();
        String who = "TEAM".equals(objective.scope())
                ? team.name()
                : activity.rep(scopeId).displayName();
        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("objective", objective);
        model.addAttribute("periodStartDay", Figures.day(objective.periodStart(), locale));
        model.addAttribute("periodEndDay", Figures.day(objective.periodEnd(), locale));
        model.addAttribute("who", who);
        model.addAttribute(
                "setBy",
                objective.setBy() == null ? "—" : activity.people().getOrDefault(objective.setBy(), objective.setBy()));
        model.addAttribute("metric", labels.word("objective.metric." + objective.metric(), locale));
        model.addAttribute(
                "target",
                target != null
                        ? target
                        : (isRatio(objective.metric()) ? objective.target().movePointRight(2) : objective.target())
                                .stripTrailingZeros()
                                .toPlainString());
        model.addAttribute("periodEnd", periodEnd != null ? periodEnd : String.valueOf(objective.periodEnd()));
        model.addAttribute("errors", errors);
        model.addAttribute("cancelled", "CANCELLED".equals(objective.status()));
        model.addAttribute("mayChange", user.get().isManager() || user.get().isAdmin());
        return "objective";
    }

    /** Adjusts the target or the end of the period. */
    @PostMapping("/teams/{teamId}/objectives/{objectiveId}")
    String adjust(
            @PathVariable String teamId,
            @PathVariable String objectiveId,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String periodEnd,
            @RequestParam(defaultValue = "") String revision,
            Model model,
            Locale locale,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(objectiveId);
        ActivityClient.ObjectiveSet held = activity.objective(teamId, objectiveId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", held.scope());
        body.put("scopeId", held.scopeId());
        body.put("metric", held.metric());
        body.put("currency", held.currency());
        body.put(
                "periodStart",
                held.periodStart() == null ? null : held.periodStart().toString());
        body.put("target", typedTarget(held.metric(), target));
        body.put("periodEnd", periodEnd);
        try {
            // Over the objective as the form showed it: another manager's adjustment since is not replaced unseen.
            services.putIfMatch(
                    Service.ACTIVITY,
                    body,
                    ChangedMeanwhile.revision(revision),
                    "/api/v1/teams/{teamId}/objectives/{id}",
                    teamId,
                    objectiveId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() == 412) {
                ActivityClient.ObjectiveSet now = activity.objective(teamId, objectiveId);
                Map<String, String> yours = new LinkedHashMap<>();
                yours.put("objectives.target", target.strip().replace(',', '.').replace(" ", ""));
                yours.put("objectives.end", periodEnd);
                Map<String, String> saved = new LinkedHashMap<>();
                saved.put("objectives.target", now.target().stripTrailingZeros().toPlainString());
                saved.put("objectives.end", String.valueOf(now.periodEnd()));
                model.addAttribute(
                        "changedMeanwhile",
                        ChangedMeanwhile.between(
                                yours, saved, key -> labels.word(key, locale), (field, value) -> value));
                return renderEdit(teamId, objectiveId, target, periodEnd, Map.of(), model, locale);
            }
            if (refusal.status() != 400 && refusal.status() != 409) {
                throw refusal;
            }
            Map<String, String> errors =
                    refusal.status() == 409 ? Map.of("target", String.valueOf(refusal.detail())) : formErrors(refusal);
            return renderEdit(teamId, objectiveId, target, periodEnd, errors, model, locale);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/teams/" + teamId + "/objectives";
    }

    @PostMapping("/teams/{teamId}/objectives/{objectiveId}/cancel")
    String cancel(
            @PathVariable String teamId,
            @PathVariable String objectiveId,
            @RequestParam(defaultValue = "") String reason,
            Model model,
            Locale locale,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(objectiveId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.isBlank() ? null : reason.strip());
        try {
            services.post(Service.ACTIVITY, body, "/api/v1/teams/{teamId}/objectives/{id}/cancel", teamId, objectiveId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            return renderEdit(teamId, objectiveId, null, null, formErrors(refusal), model, locale);
        }
        flash.addFlashAttribute("cancelled", true);
        return "redirect:/teams/" + teamId + "/objectives";
    }
}
