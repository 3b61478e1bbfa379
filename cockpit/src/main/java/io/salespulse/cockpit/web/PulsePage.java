package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.Services;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The team pulse's answer page, opened from the link a rep received (no sign-in: the link's id and key are the
 * credential): "How was your week?", 1 to 5 and an optional comment, in the team's language; once; for 7 days. It says
 * plainly who sees what: the manager sees the team's average only, from three answers.
 */
@Controller
class PulsePage {

    static final int MAX_COMMENT = 500;

    private final CoachingClient coaching;
    private final LocaleResolver locales;
    private final Labels labels;

    PulsePage(CoachingClient coaching, LocaleResolver locales, Labels labels) {
        this.coaching = coaching;
        this.locales = locales;
        this.labels = labels;
    }

    private static boolean wellFormed(String inviteId, String key) {
        return !inviteId.isBlank() && !key.isBlank() && inviteId.length() <= 64 && key.length() <= 100;
    }

    @GetMapping("/pulse")
    String page(
            @RequestParam(name = "i", defaultValue = "") String inviteId,
            @RequestParam(name = "k", defaultValue = "") String key,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<CoachingClient.PulseLink> link =
                wellFormed(inviteId, key) ? coaching.pulseLink(inviteId, key) : Optional.empty();
        if (link.isEmpty()) {
            response.setStatus(404);
            return "pulse-closed";
        }
        return render(link.get(), inviteId, key, Map.of(), Map.of(), model, request, response);
    }

    @PostMapping("/pulse")
    String answer(
            @RequestParam(name = "i", defaultValue = "") String inviteId,
            @RequestParam(name = "k", defaultValue = "") String key,
            @RequestParam(defaultValue = "") String score,
            @RequestParam(defaultValue = "") String comment,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<CoachingClient.PulseLink> link =
                wellFormed(inviteId, key) ? coaching.pulseLink(inviteId, key) : Optional.empty();
        if (link.isEmpty()) {
            response.setStatus(404);
            return "pulse-closed";
        }
        Locale locale = locale(link.get());
        Map<String, String> typed = Map.of("score", score, "comment", comment);
        Map<String, String> errors = new LinkedHashMap<>();
        int value = 0;
        try {
            value = Integer.parseInt(score.strip());
        } catch (NumberFormatException e) {
            errors.put(
                    "score",
                    labels.fieldErrors(Map.of("score", "must be 1 to 5"), locale)
                            .get("score"));
        }
        if (comment.length() > MAX_COMMENT) {
            errors.put(
                    "comment",
                    labels.fieldErrors(Map.of("comment", "at most 500 characters"), locale)
                            .get("comment"));
        }
        if (errors.isEmpty()) {
            try {
                CoachingClient.PulseLink answered =
                        coaching.answerPulse(inviteId, key, value, comment.isBlank() ? null : comment);
                return render(answered, inviteId, key, Map.of(), Map.of(), model, request, response);
            } catch (Services.ServiceRefusal refusal) {
                switch (refusal.status()) {
                    case 400 -> errors.putAll(labels.fieldErrors(refusal.fieldErrors(), locale));
                    case 404 -> {
                        response.setStatus(404);
                        return "pulse-closed";
                    }
                    default -> {
                        // Answered meanwhile, or expired: the link as it now stands says so.
                        return render(
                                coaching.pulseLink(inviteId, key).orElse(link.get()),
                                inviteId,
                                key,
                                Map.of(),
                                Map.of(),
                                model,
                                request,
                                response);
                    }
                }
            }
        }
        return render(link.get(), inviteId, key, typed, errors, model, request, response);
    }

    private static Locale locale(CoachingClient.PulseLink link) {
        return "fr".equals(link.language()) ? Locale.FRENCH : Locale.ENGLISH;
    }

    private String render(
            CoachingClient.PulseLink link,
            String inviteId,
            String key,
            Map<String, String> typed,
            Map<String, String> errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        // The team's language, whatever the browser says.
        locales.setLocale(request, response, locale(link));
        model.addAttribute("link", link);
        model.addAttribute("inviteId", inviteId);
        model.addAttribute("key", key);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "pulse";
    }
}
