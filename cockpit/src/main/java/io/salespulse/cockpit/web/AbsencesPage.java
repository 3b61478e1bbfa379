package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's absences and public holidays: who is away and when (the days no silence is told and objectives do not
 * count), recorded one by one or from a CSV file, and the holidays of the team's calendar.
 */
@Controller
class AbsencesPage {

    /** The largest CSV file taken (activity-service's own limit). */
    static final long MAX_CSV_BYTES = 1024 * 1024;

    static final List<String> KINDS = List.of("LEAVE", "SICK", "TRAINING", "OTHER");

    /** An absence as the page lists it. */
    record Line(String absenceId, String repId, String name, LocalDate from, LocalDate to, String kind) {

        /** An absence as activity-service gives it ({@code kind} null when the caller may not see it). */
        static Line of(ActivityClient.Absence absence, String name) {
            return new Line(absence.absenceId(), absence.repId(), name, absence.from(), absence.to(), absence.kind());
        }
    }

    /** A public holiday of the team's calendar. */
    record Holiday(LocalDate date, String name) {}

    private final Services services;
    private final ActivityClient activity;
    private final CurrentUser user;
    private final Labels labels;

    AbsencesPage(Services services, ActivityClient activity, CurrentUser user, Labels labels) {
        this.services = services;
        this.activity = activity;
        this.user = user;
        this.labels = labels;
    }

    private String text(String key) {
        return labels.word(key, LocaleContextHolder.getLocale());
    }

    @GetMapping("/teams/{teamId}/absences")
    String page(@PathVariable String teamId, Model model) {
        PageAdvice.checkId(teamId);
        return render(teamId, Map.of(), Map.of(), model);
    }

    private String render(String teamId, Map<String, String> form, Map<String, String> errors, Model model) {
        Pending<ActivityClient.Team> team = services.async(() -> activity.team(teamId));
        Pending<List<ActivityClient.Absence>> absences = services.async(() -> activity.absencesOfTeam(teamId));
        // The page's language, read here: the calls below run on other threads.
        String lang = "fr".equals(LocaleContextHolder.getLocale().getLanguage()) ? "fr" : "en";
        Pending<List<ActivityClient.Holiday>> holidays = services.async(() -> activity.holidays(teamId, lang));
        Map<String, String> names = activity.namesOf(teamId);
        List<Line> lines = new ArrayList<>();
        for (ActivityClient.Absence absence : absences.get()) {
            lines.add(Line.of(absence, names.getOrDefault(absence.repId(), absence.repId())));
        }
        model.addAttribute("team", team.get());
        model.addAttribute("teamId", teamId);
        model.addAttribute("absences", lines);
        List<Holiday> days = new ArrayList<>();
        holidays.get().forEach(day -> days.add(new Holiday(day.date(), day.name())));
        model.addAttribute("holidays", days);
        model.addAttribute("calendar", team.get().holidayCountry() != null);
        model.addAttribute(
                "reps",
                names.entrySet().stream()
                        .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                        .toList());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", user.get().isManager() || user.get().isAdmin());
        return "absences";
    }

    @PostMapping("/teams/{teamId}/absences")
    String record(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "") String repId,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String kind,
            Model model,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("repId", repId);
        form.put("from", from);
        form.put("to", to);
        form.put("kind", kind);
        Map<String, String> errors = new LinkedHashMap<>();
        if (repId.isBlank()) {
            errors.put("repId", text("absences.pickRep"));
        }
        if (!KINDS.contains(kind)) {
            errors.put("kind", text("absences.pickKind"));
        }
        if (errors.isEmpty()) {
            PageAdvice.checkId(repId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", from.isBlank() ? null : from);
            body.put("to", to.isBlank() ? null : to);
            body.put("kind", kind);
            try {
                services.put(
                        Service.ACTIVITY,
                        body,
                        "/api/v1/reps/{repId}/absences/{absenceId}",
                        repId,
                        "a-" + UUID.randomUUID());
                flash.addFlashAttribute("saved", true);
                return "redirect:/teams/" + teamId + "/absences";
            } catch (Services.ServiceRefusal refusal) {
                if (refusal.status() != 400) {
                    throw refusal;
                }
                errors.putAll(labels.fieldErrors(refusal.fieldErrors()));
            }
        }
        return render(teamId, form, errors, model);
    }

    @PostMapping("/teams/{teamId}/absences/{absenceId}/withdraw")
    String withdraw(
            @PathVariable String teamId,
            @PathVariable String absenceId,
            @RequestParam String repId,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(absenceId);
        PageAdvice.checkId(repId);
        services.delete(Service.ACTIVITY, "/api/v1/reps/{repId}/absences/{absenceId}", repId, absenceId);
        flash.addFlashAttribute("withdrawn", true);
        return "redirect:/teams/" + teamId + "/absences";
    }

    /** A CSV file of absences, sent on to activity-service; its report (line by line) is shown back. */
    @PostMapping("/teams/{teamId}/absences/import")
    String importFile(
            @PathVariable String teamId,
            @RequestParam("file") MultipartFile file,
            Model model,
            RedirectAttributes flash)
            throws IOException {
        PageAdvice.checkId(teamId);
        if (file.isEmpty() || file.getSize() > MAX_CSV_BYTES) {
            return render(
                    teamId,
                    Map.of(),
                    Map.of("file", text(file.isEmpty() ? "absences.import.empty" : "absences.import.tooLarge")),
                    model);
        }
        try {
            ActivityClient.ImportReport report =
                    activity.importAbsences(new String(file.getBytes(), StandardCharsets.UTF_8));
            flash.addFlashAttribute("report", report);
            return "redirect:/teams/" + teamId + "/absences";
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400 && refusal.status() != 413) {
                throw refusal;
            }
            String why = refusal.fieldErrors().values().stream().findFirst().orElse(text("absences.import.tooLarge"));
            return render(teamId, Map.of(), Map.of("file", why), model);
        }
    }
}
