package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.Crm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster, for admins: every team with its managers and reps, each rep's CRM ids (how webhooks find the rep), and
 * the form to add a rep or change one (activity-service's roster API; a refused field is shown next to it).
 */
@Controller
class RosterPage {

    /** The CRMs whose ids the form asks for; other ids a rep holds are kept as they are. */
    static final List<String> CRMS = Crm.keys();

    static final List<String> ROLES = List.of("SDR", "AE", "CSM");
    static final List<String> SENIORITIES = List.of("JUNIOR", "SENIOR");

    /** A team, its managers and its reps (by name). */
    record TeamRoster(ActivityClient.Team team, String managers, List<RepLine> reps) {}

    /** A rep as the roster lists it: its CRM ids as "crm: id", in CRM order. */
    record RepLine(String repId, String name, String role, String seniority, String crmIds, boolean active) {

        static RepLine of(ActivityClient.Rep rep) {
            Map<String, String> ids = rep.externalIds();
            return new RepLine(
                    rep.repId(),
                    rep.displayName(),
                    rep.role(),
                    rep.seniority(),
                    ids.isEmpty()
                            ? "—"
                            : String.join(
                                    ", ",
                                    ids.entrySet().stream()
                                            .map(entry -> entry.getKey() + ": " + entry.getValue())
                                            .toList()),
                    rep.active());
        }
    }

    /** The team form's values, as typed (managers comma-separated). */
    record TeamForm(
            String teamId,
            String name,
            String timezone,
            String locale,
            String managers,
            List<String> workingDays,
            String holidayCountry,
            String holidayRegion,
            String workdayStart,
            String workdayEnd,
            List<String> careOff,
            String oneOnOneDaysOnboarding,
            String oneOnOneDaysJunior,
            String oneOnOneDaysSenior,
            boolean pulse) {}

    /** The care rules a team may turn off. */
    static final List<String> CARE_RULES =
            List.of("AFTER_HOURS_RISING", "NO_REST", "SUSTAINED_OVERLOAD", "ENERGY_DROP", "ONE_ON_ONE_OVERDUE");

    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    /** The rep form's values, as typed. */
    record RepForm(
            String repId,
            String displayName,
            String teamId,
            String role,
            String seniority,
            String startDate,
            boolean active,
            Map<String, String> externalIds,
            String email) {}

    private final Services services;
    private final ActivityClient activity;
    private final CurrentUser user;
    private final Labels labels;

    RosterPage(Services services, ActivityClient activity, CurrentUser user, Labels labels) {
        this.labels = labels;
        this.services = services;
        this.activity = activity;
        this.user = user;
    }

    private void requireAdmin() {
        if (!user.get().isAdmin()) {
            throw new Services.ServiceRefusal(403, "/admin");
        }
    }

    @GetMapping("/admin/roster")
    String roster(Model model) {
        requireAdmin();
        return renderRoster(model, Map.of(), Map.of());
    }

    /** A person named (a manager, leadership, an admin), or renamed, by the id its sign-in gives it. */
    @PostMapping("/admin/people")
    String person(
            @RequestParam(defaultValue = "") String personId,
            @RequestParam(defaultValue = "") String personName,
            Model model,
            RedirectAttributes flash) {
        requireAdmin();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!personId.strip().matches("[A-Za-z0-9._:@\\-]{1,256}")) {
            errors.put("personId", labels.word("field.error.personId", LocaleContextHolder.getLocale()));
        } else {
            try {
                services.put(
                        Service.ACTIVITY,
                        Map.of("displayName", personName),
                        "/api/v1/people/{personId}",
                        personId.strip());
            } catch (Services.ServiceRefusal refusal) {
                if (refusal.status() != 400) {
                    throw refusal;
                }
                refusal.fieldErrors()
                        .forEach((field, message) ->
                                errors.put("displayName".equals(field) ? "personName" : field, message));
            }
        }
        if (!errors.isEmpty()) {
            return renderRoster(
                    model, labels.fieldErrors(errors), Map.of("personId", personId, "personName", personName));
        }
        flash.addFlashAttribute("saved", personName.strip());
        return "redirect:/admin/roster#people";
    }

    /** A unit as the roster lists it: its parent, directors and teams by name. */
    record UnitLine(String unitId, String name, String parent, String heads, String teams, String currency) {}

    private static String names(List<String> ids, Map<String, String> names) {
        return ids.isEmpty()
                ? "—"
                : String.join(
                        ", ", ids.stream().map(id -> names.getOrDefault(id, id)).toList());
    }

    private String renderRoster(Model model, Map<String, String> personErrors, Map<String, String> personForm) {
        Pending<Map<String, String>> people = services.async(activity::people);
        List<ActivityClient.Team> teams = activity.teams(LeadershipPage.MAX_TEAMS);
        List<Pending<TeamRoster>> pending = new ArrayList<>();
        for (ActivityClient.Team team : teams) {
            pending.add(services.async(() -> {
                List<RepLine> reps = new ArrayList<>();
                activity.repsOf(team.teamId()).forEach(rep -> reps.add(RepLine.of(rep)));
                reps.sort(java.util.Comparator.comparing(RepLine::name));
                List<String> managers = team.managerIds().stream()
                        .map(id -> people.get().containsKey(id) ? people.get().get(id) + " (" + id + ")" : id)
                        .toList();
                return new TeamRoster(team, managers.isEmpty() ? "—" : String.join(", ", managers), reps);
            }));
        }
        List<ActivityClient.Unit> units = activity.units();
        Map<String, String> unitNames = new LinkedHashMap<>();
        units.forEach(u -> unitNames.put(u.unitId(), u.name()));
        Map<String, String> teamNames = new LinkedHashMap<>();
        teams.forEach(t -> teamNames.put(t.teamId(), t.name()));
        model.addAttribute(
                "units",
                units.stream()
                        .map(u -> new UnitLine(
                                u.unitId(),
                                u.name(),
                                u.parentId() == null ? "—" : unitNames.getOrDefault(u.parentId(), u.parentId()),
                                names(u.headIds(), people.get()),
                                names(u.teamIds(), teamNames),
                                u.reportingCurrency()))
                        .toList());
        model.addAttribute("teams", pending.stream().map(Pending::get).toList());
        model.addAttribute("capped", teams.size() == LeadershipPage.MAX_TEAMS);
        model.addAttribute("people", new java.util.TreeMap<>(people.get()));
        model.addAttribute("personErrors", personErrors);
        model.addAttribute("personForm", personForm);
        return "roster";
    }

    /** The form for a team: its current values, or an empty one for a new id. */
    @GetMapping("/admin/teams")
    String team(@RequestParam String teamId, Model model) {
        requireAdmin();
        PageAdvice.checkId(teamId);
        ActivityClient.Team team = activity.findTeam(teamId).orElse(null);
        TeamForm form = team == null
                ? new TeamForm(
                        teamId,
                        "",
                        "Europe/Paris",
                        "fr",
                        "",
                        DAYS.subList(0, 5),
                        "FR",
                        "",
                        "09:00",
                        "18:00",
                        List.of(),
                        "",
                        "",
                        "",
                        false)
                : teamForm(team);
        return renderTeam(form, team != null, Map.of(), model, revisionOf(team == null ? null : team.revision()));
    }

    private static TeamForm teamForm(ActivityClient.Team team) {
        return new TeamForm(
                team.teamId(),
                team.name(),
                team.timezone(),
                team.locale(),
                String.join(", ", team.managerIds()),
                team.workingDays(),
                team.holidayCountry() == null ? "" : team.holidayCountry(),
                team.holidayRegion() == null ? "" : team.holidayRegion(),
                team.workdayStart() == null ? "09:00" : team.workdayStart(),
                team.workdayEnd() == null ? "18:00" : team.workdayEnd(),
                team.care().off(),
                text(team.care().oneOnOneDaysOnboarding()),
                text(team.care().oneOnOneDaysJunior()),
                text(team.care().oneOnOneDaysSenior()),
                team.care().runsPulse());
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    /** A typed number of days, or null when left empty (the service refuses what is not a number, by field). */
    private static Object days(String typed) {
        String value = typed.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** The revision of a record as read (its form carries it back as {@code If-Match}), or "" for a new one. */
    private static String revisionOf(Long revision) {
        return revision == null ? "" : String.valueOf(revision);
    }

    /** The team form's fields as compared when it was changed meanwhile, by label key. */
    private static Map<String, String> fields(TeamForm form) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("roster.name", form.name());
        fields.put("notifications.field.timezone", form.timezone());
        fields.put("roster.team.locale", form.locale());
        fields.put(
                "roster.team.managers",
                String.join(
                        ", ",
                        java.util.Arrays.stream(form.managers().split("[,\\s]+"))
                                .map(String::strip)
                                .filter(id -> !id.isEmpty())
                                .toList()));
        fields.put("roster.team.days", String.join(", ", form.workingDays()));
        fields.put("roster.holidayCountry", form.holidayCountry());
        fields.put("roster.holidayRegion", form.holidayRegion());
        fields.put("roster.team.workday", form.workdayStart() + "–" + form.workdayEnd());
        fields.put("roster.team.careOff", String.join(", ", form.careOff()));
        fields.put(
                "roster.team.cadence",
                form.oneOnOneDaysOnboarding() + " / " + form.oneOnOneDaysJunior() + " / " + form.oneOnOneDaysSenior());
        fields.put("roster.team.pulse", String.valueOf(form.pulse()));
        return fields;
    }

    private String renderTeam(TeamForm form, boolean known, Map<String, String> errors, Model model, String revision) {
        model.addAttribute("revision", revision);
        model.addAttribute("form", form);
        model.addAttribute("known", known);
        model.addAttribute("days", DAYS);
        model.addAttribute("careRules", CARE_RULES);
        model.addAttribute("errors", errors);
        return "roster-team";
    }

    /** Saves a team (new or changed): managers are the ids their tokens carry as {@code sub}. */
    @PostMapping("/admin/teams")
    String saveTeam(
            @RequestParam String teamId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String timezone,
            @RequestParam(defaultValue = "") String locale,
            @RequestParam(defaultValue = "") String managers,
            @RequestParam(required = false) List<String> workingDays,
            @RequestParam(defaultValue = "") String holidayCountry,
            @RequestParam(defaultValue = "") String holidayRegion,
            @RequestParam(defaultValue = "09:00") String workdayStart,
            @RequestParam(defaultValue = "18:00") String workdayEnd,
            @RequestParam(required = false) List<String> careOff,
            @RequestParam(defaultValue = "") String oneOnOneDaysOnboarding,
            @RequestParam(defaultValue = "") String oneOnOneDaysJunior,
            @RequestParam(defaultValue = "") String oneOnOneDaysSenior,
            @RequestParam(defaultValue = "false") boolean pulse,
            @RequestParam(defaultValue = "false") boolean known,
            @RequestParam(defaultValue = "") String revision,
            Model model,
            Locale reader,
            RedirectAttributes flash) {
        requireAdmin();
        PageAdvice.checkId(teamId);
        List<String> managerIds = java.util.Arrays.stream(managers.split("[,\\s]+"))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .toList();
        List<String> days = workingDays == null ? List.of() : workingDays;
        List<String> off = careOff == null
                ? List.of()
                : careOff.stream().filter(CARE_RULES::contains).toList();
        TeamForm form = new TeamForm(
                teamId,
                name,
                timezone,
                locale,
                managers,
                days,
                holidayCountry,
                holidayRegion,
                workdayStart,
                workdayEnd,
                off,
                oneOnOneDaysOnboarding,
                oneOnOneDaysJunior,
                oneOnOneDaysSenior,
                pulse);
        if (days.isEmpty()) {
            return renderTeam(form, known, Map.of("workingDays", "at least one working day"), model, revision);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("timezone", timezone.strip());
        body.put("locale", locale);
        body.put("managerIds", managerIds);
        body.put("workingDays", days);
        body.put("holidayCountry", holidayCountry.isBlank() ? null : holidayCountry.strip());
        body.put("holidayRegion", holidayRegion.isBlank() ? null : holidayRegion.strip());
        body.put("workdayStart", workdayStart.strip());
        body.put("workdayEnd", workdayEnd.strip());
        Map<String, Object> care = new LinkedHashMap<>();
        care.put("off", off);
        care.put("oneOnOneDaysOnboarding", days(oneOnOneDaysOnboarding));
        care.put("oneOnOneDaysJunior", days(oneOnOneDaysJunior));
        care.put("oneOnOneDaysSenior", days(oneOnOneDaysSenior));
        care.put("pulse", pulse);
        body.put("care", care);
        // The team's own rule thresholds are set through the API, not this form: kept as they are.
        activity.findTeam(teamId).map(ActivityClient.Team::rules).ifPresent(rules -> body.put("rules", rules));
        try {
            services.putIfMatch(
                    Service.ACTIVITY, body, ChangedMeanwhile.revision(revision), "/api/v1/teams/{teamId}", teamId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() == 412) {
                ActivityClient.Team now = activity.team(teamId);
                model.addAttribute(
                        "changedMeanwhile",
                        ChangedMeanwhile.between(
                                fields(form),
                                fields(teamForm(now)),
                                key -> labels.word(key, reader),
                                (field, value) -> value));
                return renderTeam(form, known, Map.of(), model, revisionOf(now.revision()));
            }
            if (refusal.status() != 400) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            refusal.fieldErrors()
                    .forEach((field, message) -> errors.merge(
                            field.startsWith("managerIds")
                                    ? "managers"
                                    : field.startsWith("workingDays") ? "workingDays" : field,
                            message,
                            (a, b) -> a + "; " + b));
            return renderTeam(form, known, labels.fieldErrors(errors), model, revision);
        }
        flash.addFlashAttribute("saved", name.strip());
        return "redirect:/admin/roster";
    }

    /** The form for a rep: its current values, or an empty one (in {@code teamId}) for a new id. */
    @GetMapping("/admin/reps")
    String rep(@RequestParam String repId, @RequestParam(required = false) String teamId, Model model) {
        requireAdmin();
        PageAdvice.checkId(repId);
        ActivityClient.Rep rep = activity.findRep(repId).orElse(null);
        RepForm form = rep == null
                ? new RepForm(repId, "", teamId == null ? "" : teamId, "SDR", "JUNIOR", "", true, Map.of(), "")
                : repForm(rep);
        return render(form, rep != null, Map.of(), model, revisionOf(rep == null ? null : rep.revision()));
    }

    private static RepForm repForm(ActivityClient.Rep rep) {
        return new RepForm(
                rep.repId(),
                rep.displayName(),
                rep.teamId(),
                rep.role(),
                rep.seniority(),
                rep.startDate() != null ? rep.startDate().toString() : "",
                rep.active(),
                new TreeMap<>(rep.externalIds()),
                rep.email() == null ? "" : rep.email());
    }

    /** The rep form's fields as compared when it was changed meanwhile, by label key. */
    private Map<String, String> fields(RepForm form, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("roster.name", form.displayName());
        fields.put("roster.teamField", form.teamId());
        fields.put("roster.role", form.role());
        fields.put("roster.seniority", form.seniority());
        fields.put("roster.startDate", form.startDate());
        fields.put("roster.active", labels.word(form.active() ? "changed.yes" : "changed.no", locale));
        fields.put("roster.rep.email", form.email());
        fields.put(
                "roster.crmIds",
                String.join(
                        ", ",
                        form.externalIds().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .toList()));
        return fields;
    }

    private String render(RepForm form, boolean known, Map<String, String> errors, Model model, String revision) {
        model.addAttribute("revision", revision);
        model.addAttribute("form", form);
        model.addAttribute("known", known);
        model.addAttribute("teams", Home.teams(activity));
        model.addAttribute("roles", ROLES);
        model.addAttribute("seniorities", SENIORITIES);
        model.addAttribute("crms", CRMS);
        model.addAttribute("errors", errors);
        return "roster-rep";
    }

    /** Saves a rep (new or changed): the CRM ids typed replace those CRMs' ids, blank removes one, others stay. */
    @PostMapping("/admin/reps")
    String save(
            @RequestParam String repId,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String seniority,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "") String email,
            @RequestParam Map<String, String> fields,
            @RequestParam(defaultValue = "false") boolean known,
            @RequestParam(defaultValue = "") String revision,
            Model model,
            Locale locale,
            RedirectAttributes flash) {
        requireAdmin();
        PageAdvice.checkId(repId);
        Map<String, String> ids = known
                ? activity.findRep(repId)
                        .<Map<String, String>>map(held -> new TreeMap<>(held.externalIds()))
                        .orElseGet(TreeMap::new)
                : new TreeMap<>();
        for (String crm : CRMS) {
            String typed = fields.getOrDefault("crm." + crm, "").strip();
            if (typed.isEmpty()) {
                ids.remove(crm);
            } else {
                ids.put(crm, typed);
            }
        }
        RepForm form = new RepForm(repId, displayName, teamId, role, seniority, startDate, active, ids, email);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName.strip());
        body.put("teamId", teamId);
        body.put("role", role);
        body.put("seniority", seniority);
        body.put("startDate", startDate.isBlank() ? null : startDate);
        body.put("externalIds", ids);
        body.put("active", active);
        body.put("email", email.isBlank() ? null : email.strip());
        try {
            services.putIfMatch(
                    Service.ACTIVITY, body, ChangedMeanwhile.revision(revision), "/api/v1/reps/{repId}", repId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() == 412) {
                ActivityClient.Rep now = activity.rep(repId);
                model.addAttribute(
                        "changedMeanwhile",
                        ChangedMeanwhile.between(
                                fields(form, locale),
                                fields(repForm(now), locale),
                                key -> labels.word(key, locale),
                                (field, value) -> value));
                return render(form, known, Map.of(), model, revisionOf(now.revision()));
            }
            if (refusal.status() != 400) {
                throw refusal;
            }
            Map<String, String> errors = new LinkedHashMap<>(labels.fieldErrors(refusal.fieldErrors()));
            if (errors.isEmpty()) {
                errors.put("", String.valueOf(refusal.detail()));
            }
            return render(form, known, errors, model, revision);
        }
        flash.addFlashAttribute("saved", displayName.strip());
        return "redirect:/admin/roster";
    }
}
