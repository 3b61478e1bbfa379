package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' side of the organisation's tree: a unit (the company, a region, a segment) with its parent, its directors,
 * its teams and its reporting currency, through activity-service's roster API (which refuses a second root, a loop or a
 * sixth level, naming the field). A team named here leaves the unit that held it.
 */
@Controller
class UnitsRosterPage {

    /** The form as typed. */
    record UnitForm(
            String unitId,
            String name,
            String parentId,
            String heads,
            List<String> teamIds,
            String reportingCurrency,
            String locale,
            String timezone) {}

    private final ActivityClient activity;
    private final Services services;
    private final CurrentUser user;
    private final Labels labels;

    UnitsRosterPage(ActivityClient activity, Services services, CurrentUser user, Labels labels) {
        this.activity = activity;
        this.services = services;
        this.user = user;
        this.labels = labels;
    }

    /** The form for a unit: its current values, or an empty one for a new id. */
    @GetMapping("/admin/units")
    String unit(@RequestParam String unitId, Model model) {
        requireAdmin();
        PageAdvice.checkId(unitId);
        Optional<ActivityClient.Unit> known =
                activity.units().stream().filter(u -> u.unitId().equals(unitId)).findFirst();
        UnitForm form = known.map(u -> new UnitForm(
                        u.unitId(),
                        u.name(),
                        u.parentId() == null ? "" : u.parentId(),
                        String.join(", ", u.headIds()),
                        u.teamIds(),
                        u.reportingCurrency(),
                        u.locale(),
                        u.timezone()))
                .orElse(new UnitForm(unitId, "", "", "", List.of(), "EUR", "fr", "Europe/Paris"));
        return render(form, known.isPresent(), Map.of(), model);
    }

    @PostMapping("/admin/units")
    String save(
            @RequestParam String unitId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String parentId,
            @RequestParam(defaultValue = "") String heads,
            @RequestParam(required = false) List<String> teamIds,
            @RequestParam(defaultValue = "") String reportingCurrency,
            @RequestParam(defaultValue = "fr") String locale,
            @RequestParam(defaultValue = "") String timezone,
            @RequestParam(defaultValue = "false") boolean known,
            Model model,
            RedirectAttributes flash) {
        requireAdmin();
        PageAdvice.checkId(unitId);
        List<String> teams = teamIds == null ? List.of() : teamIds;
        UnitForm form = new UnitForm(unitId, name, parentId, heads, teams, reportingCurrency, locale, timezone);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("parentId", parentId.isBlank() ? null : parentId);
        body.put(
                "headIds",
                Arrays.stream(heads.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .toList());
        body.put("teamIds", teams);
        body.put("reportingCurrency", reportingCurrency.strip().toUpperCase(java.util.Locale.ROOT));
        body.put("locale", locale);
        body.put("timezone", timezone.strip());
        try {
            services.put(Service.ACTIVITY, body, "/api/v1/units/{unitId}", unitId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            refusal.fieldErrors()
                    .forEach((field, message) -> errors.merge(
                            field.startsWith("headIds") ? "heads" : field.startsWith("teamIds") ? "teamIds" : field,
                            message,
                            (a, b) -> a + "; " + b));
            return render(form, known, labels.fieldErrors(errors), model);
        }
        flash.addFlashAttribute("saved", name.strip());
        return "redirect:/admin/roster#units";
    }

    private String render(UnitForm form, boolean known, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("known", known);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "parents",
                activity.units().stream()
                        .filter(u -> !u.unitId().equals(form.unitId()))
                        .toList());
        model.addAttribute("teams", Home.teams(activity));
        return "roster-unit";
    }

    private void requireAdmin() {
        if (!user.get().isAdmin()) {
            throw new Services.ServiceRefusal(403, "/admin");
        }
    }
}
