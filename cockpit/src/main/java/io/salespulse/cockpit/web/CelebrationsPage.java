package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.NotificationClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's celebrations: the channel where its reps' wins are posted (notification-service; the manager turns it on
 * and names a Slack or Teams webhook, shown by host only), and which reps would rather not be posted.
 */
@Controller
class CelebrationsPage {

    /** A rep and whether their wins are posted. */
    record RepLine(String repId, String name, boolean publicPosts) {}

    /** A wall link in force: when and by whom it was created. */
    record WallLine(String wallId, String createdOn, String createdBy) {}

    private final Services services;
    private final NotificationClient notification;
    private final ActivityClient activity;
    private final CurrentUser user;

    private final Labels labels;

    CelebrationsPage(
            Services services,
            NotificationClient notification,
            ActivityClient activity,
            CurrentUser user,
            Labels labels) {
        this.labels = labels;
        this.services = services;
        this.notification = notification;
        this.activity = activity;
        this.user = user;
    }

    @GetMapping("/teams/{teamId}/celebrations")
    String page(@PathVariable String teamId, Model model) {
        PageAdvice.checkId(teamId);
        return render(teamId, null, Map.of(), model);
    }

    private String render(String teamId, Map<String, String> typed, Map<String, String> errors, Model model) {
        Pending<ActivityClient.Team> team = services.async(() -> activity.team(teamId));
        Pending<NotificationClient.Channel> channel = services.async(() -> notification.celebrations(teamId));
        Pending<List<NotificationClient.WallLink>> walls = services.async(() -> notification.walls(teamId));
        List<ActivityClient.Rep> reps = activity.repsOf(teamId);
        NotificationClient.Channel held = channel.get();
        List<String> notPosted = held.repsNotPosted();
        List<RepLine> lines = new ArrayList<>();
        for (ActivityClient.Rep rep : reps) {
            lines.add(new RepLine(rep.repId(), rep.displayName(), !notPosted.contains(rep.repId())));
        }
        Map<String, String> form = typed;
        if (form == null) {
            form = new LinkedHashMap<>();
            form.put("enabled", String.valueOf(held.enabled()));
            form.put("slackWebhookUrl", held.slackWebhookUrl() != null ? held.slackWebhookUrl() : "");
            form.put("teamsWebhookUrl", held.teamsWebhookUrl() != null ? held.teamsWebhookUrl() : "");
            form.put("locale", held.locale() != null ? held.locale() : "");
        }
        model.addAttribute("team", team.get());
        model.addAttribute("teamId", teamId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "reps",
                lines.stream().sorted(Comparator.comparing(RepLine::name)).toList());
        model.addAttribute("mayChange", user.get().isManager() || user.get().isAdmin());
        java.util.Map<String, String> people = activity.people();
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute(
                "walls",
                walls.get().stream()
                        .map(link -> new WallLine(
                                link.wallId(),
                                Figures.day(
                                        link.createdAt()
                                                .atZone(java.time.ZoneId.of(
                                                        team.get().timezone()))
                                                .toLocalDate(),
                                        locale),
                                link.createdBy() == null
                                        ? "—"
                                        : people.getOrDefault(link.createdBy(), link.createdBy())))
                        .toList());
        return "celebrations";
    }

    @PostMapping("/teams/{teamId}/celebrations")
    String save(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String slackWebhookUrl,
            @RequestParam(defaultValue = "") String teamsWebhookUrl,
            @RequestParam(defaultValue = "") String locale,
            Model model,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("slackWebhookUrl", slackWebhookUrl.isBlank() ? null : slackWebhookUrl.strip());
        body.put("teamsWebhookUrl", teamsWebhookUrl.isBlank() ? null : teamsWebhookUrl.strip());
        body.put("locale", locale.isBlank() ? null : locale);
        try {
            services.put(Service.NOTIFICATION, body, "/api/v1/teams/{teamId}/celebrations", teamId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("enabled", String.valueOf(enabled));
            form.put("slackWebhookUrl", slackWebhookUrl);
            form.put("teamsWebhookUrl", teamsWebhookUrl);
            form.put("locale", locale);
            return render(teamId, form, labels.fieldErrors(refusal.fieldErrors()), model);
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/teams/" + teamId + "/celebrations";
    }

    /** A rep's choice, as the manager records it at the rep's word. */
    @PostMapping("/teams/{teamId}/celebrations/reps")
    String choose(
            @PathVariable String teamId,
            @RequestParam String repId,
            @RequestParam(defaultValue = "false") boolean publicPosts,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(repId);
        services.put(
                Service.NOTIFICATION, Map.of("publicPosts", publicPosts), "/api/v1/reps/{repId}/celebrations", repId);
        flash.addFlashAttribute("saved", true);
        return "redirect:/teams/" + teamId + "/celebrations";
    }
}
