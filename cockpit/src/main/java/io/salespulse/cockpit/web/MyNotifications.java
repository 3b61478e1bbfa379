package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CockpitUser;
import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * My notifications: where they go (the preferences, secrets masked as the service returns them), a test message
 * to check it, and the delivery log (what was sent, what waits for the digest, what failed and why).
 */
@Controller
class MyNotifications {

    /** One line of the delivery log. */
    record Delivery(String when, String type, String title, String channel, String status, String detail) {
    }

    private final Services services;
    private final CurrentUser user;
    private final Labels labels;

    MyNotifications(Services services, CurrentUser user, Labels labels) {
        this.services = services;
        this.user = user;
        this.labels = labels;
    }

    @GetMapping("/me/notifications")
    String page(Model model, Locale locale) {
        CockpitUser me = user.get();
        JsonNode preferences = null;
        try {
            preferences = services.get(Service.NOTIFICATION, "/api/v1/managers/{managerId}/preferences", me.id());
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 404) {
                throw refusal;
            }
        }
        ZoneId zone = preferences != null && preferences.hasNonNull("timezone") ? ZoneId.of(preferences.get("timezone").asString()) : ZoneId.of("UTC");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        List<Delivery> log = new ArrayList<>();
        for (JsonNode d : services.get(Service.NOTIFICATION, "/api/v1/managers/{managerId}/notifications?limit=30", me.id())) {
            String title = d.hasNonNull("title") ? d.get("title").asString() : labels.word("delivery.type." + d.get("type").asString(), locale);
            log.add(new Delivery(d.hasNonNull("createdAt") ? when.format(Instant.parse(d.get("createdAt").asString())) : "",
                    d.get("type").asString(), title, d.get("channel").asString(), d.get("status").asString(),
                    d.hasNonNull("detail") ? d.get("detail").asString() : ""));
        }
        model.addAttribute("preferences", preferences);
        model.addAttribute("log", log);
        return "notifications";
    }

    @PostMapping("/me/notifications/test")
    String test(RedirectAttributes flash) {
        try {
            JsonNode queued = services.post(Service.NOTIFICATION, Map.of(), "/api/v1/managers/{managerId}/test-message", user.get().id());
            List<String> channels = new ArrayList<>();
            queued.get("channels").forEach(channel -> channels.add(channel.asString()));
            flash.addFlashAttribute("testSent", String.join(", ", channels));
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() == 429) {
                flash.addFlashAttribute("testProblem", "tooSoon");
            } else if (refusal.status() == 400) {
                flash.addFlashAttribute("testProblem", "noChannel");
            } else {
                throw refusal;
            }
        }
        return "redirect:/me/notifications";
    }
}
