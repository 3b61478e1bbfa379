package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CockpitUser;
import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.NotificationClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My notifications: where they go (the preferences, secrets masked as the service returns them), a test message
 * to check it, and the delivery log (what was sent, what waits for the digest, what failed and why).
 */
@Controller
class MyNotifications {

    /** One line of the delivery log. */
    record Delivery(String when, String type, String title, String channel, String status, String detail) {}

    private final Services services;
    private final NotificationClient notification;
    private final CurrentUser user;
    private final Labels labels;

    MyNotifications(Services services, NotificationClient notification, CurrentUser user, Labels labels) {
        this.services = services;
        this.notification = notification;
        this.user = user;
        this.labels = labels;
    }

    /** The preferences form's fields, as the service names them (quiet hours and digests split in two). */
    static final List<String> FIELDS = List.of(
            "email",
            "slackWebhookUrl",
            "teamsWebhookUrl",
            "webhookUrl",
            "webhookSecret",
            "locale",
            "timezone",
            "quietFrom",
            "quietTo",
            "minSeverity",
            "recognitions",
            "daily",
            "weeklyDay",
            "weeklyTime");

    /** What the form shows: the stored preferences (secrets masked as the service returns them), or defaults. */
    static Map<String, String> form(NotificationClient.Preferences p) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, ""));
        form.put("locale", "fr");
        form.put("timezone", "Europe/Paris");
        form.put("minSeverity", "WARNING");
        form.put("recognitions", "INSTANT");
        form.put("daily", "08:30");
        form.put("weeklyDay", "MON");
        form.put("weeklyTime", "08:30");
        if (p != null) {
            putIfSet(form, "email", p.email());
            putIfSet(form, "slackWebhookUrl", p.slackWebhookUrl());
            putIfSet(form, "teamsWebhookUrl", p.teamsWebhookUrl());
            putIfSet(form, "webhookUrl", p.webhookUrl());
            putIfSet(form, "locale", p.locale());
            putIfSet(form, "timezone", p.timezone());
            putIfSet(form, "minSeverity", p.minSeverity());
            putIfSet(form, "recognitions", p.recognitions());
            if (p.quietHours() != null) {
                form.put(
                        "quietFrom",
                        p.quietHours().from() == null ? "" : p.quietHours().from());
                form.put(
                        "quietTo",
                        p.quietHours().to() == null ? "" : p.quietHours().to());
            }
            if (p.digest() != null) {
                form.put(
                        "daily",
                        p.digest().daily() == null ? "08:30" : p.digest().daily());
                String[] weekly =
                        (p.digest().weekly() == null ? "MON 08:30" : p.digest().weekly()).split(" ", 2);
                form.put("weeklyDay", weekly[0]);
                form.put("weeklyTime", weekly.length > 1 ? weekly[1] : "08:30");
            }
        }
        return form;
    }

    private static void putIfSet(Map<String, String> form, String field, String value) {
        if (value != null) {
            form.put(field, value);
        }
    }

    /** The form as the service's PUT body: empty fields are absent, quiet hours need both ends. */
    static Map<String, Object> body(Map<String, String> form) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (String field : List.of(
                "email",
                "slackWebhookUrl",
                "teamsWebhookUrl",
                "webhookUrl",
                "webhookSecret",
                "locale",
                "timezone",
                "minSeverity",
                "recognitions")) {
            String value = form.getOrDefault(field, "").strip();
            body.put(field, value.isEmpty() ? null : value);
        }
        String from = form.getOrDefault("quietFrom", "").strip();
        String to = form.getOrDefault("quietTo", "").strip();
        if (!from.isEmpty() || !to.isEmpty()) {
            Map<String, String> quiet = new java.util.LinkedHashMap<>();
            quiet.put("from", from.isEmpty() ? null : from);
            quiet.put("to", to.isEmpty() ? null : to);
            body.put("quietHours", quiet);
        }
        body.put(
                "digest",
                Map.of(
                        "daily",
                        form.getOrDefault("daily", "").strip(),
                        "weekly",
                        form.getOrDefault("weeklyDay", "MON") + " "
                                + form.getOrDefault("weeklyTime", "").strip()));
        return body;
    }

    /**
     * Saves the form over the preferences it was filled from (its {@code revision}): if they changed meanwhile (the
     * manager in another tab, an admin), nothing is written and the form comes back with the user's values and, beside
     * them, what is now saved, field by field; saving again then writes over what they have seen.
     */
    @PostMapping("/me/notifications/preferences")
    String save(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes flash) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, params.getOrDefault(field, "")));
        String read = params.getOrDefault("revision", "");
        Long revision = ChangedMeanwhile.revision(read);
        try {
            services.putIfMatch(
                    Service.NOTIFICATION,
                    body(form),
                    revision,
                    "/api/v1/managers/{managerId}/preferences",
                    user.get().id());
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() == 412) {
                form.put("webhookSecret", "");
                NotificationClient.Preferences now =
                        notification.preferences(user.get().id()).orElse(null);
                model.addAttribute("changedMeanwhile", changes(form, form(now), locale));
                return render(model, locale, form, Map.of());
            }
            if (refusal.status() != 400) {
                throw refusal;
            }
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            refusal.fieldErrors()
                    .forEach((field, message) -> errors.merge(formField(field), message, (a, b) -> a + "; " + b));
            form.put("webhookSecret", "");
            return render(model, locale, form, labels.fieldErrors(errors, locale));
        }
        flash.addFlashAttribute("preferencesSaved", true);
        return "redirect:/me/notifications";
    }

    /** The fields where the user's form and the preferences saved meanwhile differ, as people read them (never the secret). */
    List<ChangedMeanwhile.Change> changes(Map<String, String> yours, Map<String, String> saved, Locale locale) {
        Map<String, String> compared = new java.util.LinkedHashMap<>(yours);
        compared.remove("webhookSecret");
        return ChangedMeanwhile.between(
                compared,
                saved,
                field -> labels.word(labelKey(field), locale),
                (field, value) -> shown(field, value, locale));
    }

    private static String labelKey(String field) {
        return switch (field) {
            case "quietFrom", "quietTo", "daily", "weeklyTime" -> "notifications." + field;
            case "weeklyDay" -> "notifications.weekly";
            default -> "notifications.field." + field;
        };
    }

    /** A form value as people read it: a severity, a choice or a day in words; a language by its name. */
    private String shown(String field, String value, Locale locale) {
        return switch (field) {
            case "minSeverity" -> labels.word("severity." + value, locale);
            case "recognitions" -> labels.word("notifications.recognitions." + value, locale);
            case "weeklyDay" -> labels.word("day." + value, locale);
            case "locale" -> Locale.forLanguageTag(value).getDisplayLanguage(Locale.forLanguageTag(value));
            default -> value;
        };
    }

    /** The form field a service's field name is shown next to. */
    static String formField(String field) {
        return switch (field) {
            case "quietHours.from", "quietHours" -> "quietFrom";
            case "quietHours.to" -> "quietTo";
            case "digest.daily", "digest" -> "daily";
            case "digest.weekly" -> "weeklyTime";
            default -> field;
        };
    }

    @GetMapping("/me/notifications")
    String page(Model model, Locale locale) {
        return render(model, locale, null, Map.of());
    }

    private String render(Model model, Locale locale, Map<String, String> typed, Map<String, String> errors) {
        CockpitUser me = user.get();
        NotificationClient.Preferences preferences =
                notification.preferences(me.id()).orElse(null);
        ZoneId zone = preferences != null && preferences.timezone() != null
                ? ZoneId.of(preferences.timezone())
                : ZoneId.of("UTC");
        List<Delivery> log = new ArrayList<>();
        for (NotificationClient.Delivery d : notification.deliveries(me.id(), 30)) {
            String title = d.title() != null ? d.title() : labels.word("delivery.type." + d.type(), locale);
            // Why it went where it went, in the manager's words; an attempt's own outcome ("HTTP 200") as it is.
            String detail = d.reason() != null
                    ? labels.word("delivery.reason." + d.reason(), locale)
                    : d.detail() != null ? d.detail() : "";
            log.add(new Delivery(
                    Figures.moment(d.createdAt(), zone, locale),
                    d.type(),
                    title,
                    labels.word("delivery.channel." + d.channel(), locale),
                    d.status(),
                    detail));
        }
        model.addAttribute("preferences", preferences);
        model.addAttribute("form", typed != null ? typed : form(preferences));
        model.addAttribute("errors", errors);
        model.addAttribute("severities", List.of("INFO", "WARNING", "CRITICAL"));
        model.addAttribute("recognitionChoices", List.of("INSTANT", "DIGEST", "OFF"));
        model.addAttribute("days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
        model.addAttribute("log", log);
        return "notifications";
    }

    @PostMapping("/me/notifications/test")
    String test(RedirectAttributes flash, Locale locale) {
        try {
            NotificationClient.Queued queued =
                    notification.testMessage(user.get().id());
            flash.addFlashAttribute(
                    "testSent",
                    String.join(
                            ", ",
                            queued.channels().stream()
                                    .map(channel -> labels.word("delivery.channel." + channel, locale))
                                    .toList()));
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
