package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A signal, the page every notification links to: what was seen (the evidence), what to do (the suggested action
 * and the 1:1 questions), acknowledge with a note, and once resolved, how.
 */
@Controller
class SignalPage {

    /** At most this many characters of note (the service bounds it too). */
    static final int NOTE_MAX = 2000;

    private final Services services;
    private final Labels labels;
    private final CurrentUser user;

    SignalPage(Services services, Labels labels, CurrentUser user) {
        this.services = services;
        this.labels = labels;
        this.user = user;
    }

    static List<Map.Entry<String, String>> evidence(JsonNode signal, Labels labels, Locale locale) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        String type = signal.hasNonNull("type") ? signal.get("type").asString() : "";
        for (JsonNode e : signal.get("evidence")) {
            JsonNode value = e.get("value");
            String name = e.get("name").asString();
            String shown = value == null || value.isNull()
                    ? ""
                    : Figures.evidence(type, name, new BigDecimal(value.asString()), locale);
            facts.add(Map.entry(labels.evidence(name, locale), shown));
        }
        return facts;
    }

    /** The deal a deal signal is about, labelled: name, amount, stage and days in it, expected close date. */
    static List<Map.Entry<String, String>> deal(JsonNode deal, Labels labels, Locale locale) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        if (deal == null || deal.isNull()) {
            return facts;
        }
        if (deal.hasNonNull("name")) {
            facts.add(
                    Map.entry(labels.word("deal.name", locale), deal.get("name").asString()));
        }
        if (deal.hasNonNull("amount")) {
            facts.add(Map.entry(
                    labels.word("deal.amount", locale),
                    Figures.amount(
                            deal.get("amount").get("amount").decimalValue(),
                            deal.get("amount").get("currency").asString(),
                            locale)));
        }
        if (deal.hasNonNull("stage")) {
            String stage = labels.word("stage." + deal.get("stage").asString(), locale);
            facts.add(Map.entry(
                    labels.word("deal.stage", locale),
                    deal.hasNonNull("daysInStage")
                            ? labels.word(
                                    "deal.stage-days",
                                    locale,
                                    stage,
                                    deal.get("daysInStage").asLong())
                            : stage));
        }
        if (deal.hasNonNull("expectedCloseDate")) {
            facts.add(Map.entry(
                    labels.word("deal.close-date", locale),
                    java.time.LocalDate.parse(deal.get("expectedCloseDate").asString())
                            .format(java.time.format.DateTimeFormatter.ofLocalizedDate(
                                            java.time.format.FormatStyle.MEDIUM)
                                    .withLocale(locale))));
        }
        return facts;
    }

    @GetMapping("/teams/{teamId}/signals/{signalId}")
    String signal(@PathVariable String teamId, @PathVariable String signalId, Model model, Locale locale) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(signalId);
        JsonNode signal = services.get(Service.COACHING, "/api/v1/signals/{signalId}", signalId);
        if (!teamId.equals(signal.get("teamId").asString())) {
            return "redirect:/teams/" + signal.get("teamId").asString() + "/signals/" + signalId;
        }
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        String repId = signal.hasNonNull("repId") ? signal.get("repId").asString() : null;
        String who = repId;
        List<String> questions = List.of();
        if (repId != null) {
            who = services.get(Service.ACTIVITY, "/api/v1/reps/{repId}", repId)
                    .get("displayName")
                    .asString();
            for (JsonNode item : services.get(Service.COACHING, "/api/v1/reps/{repId}/one-on-one", repId)
                    .get("toDiscuss")) {
                if (signalId.equals(item.get("signal").get("signalId").asString())
                        && item.get("questions").has(language)) {
                    List<String> list = new ArrayList<>();
                    item.get("questions").get(language).forEach(q -> list.add(q.asString()));
                    questions = list;
                }
            }
        }
        JsonNode team = services.get(Service.ACTIVITY, "/api/v1/teams/{teamId}", teamId);
        if (repId == null) {
            who = team.get("name").asString();
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneId.of(team.get("timezone").asString()));
        for (String field : List.of("raisedAt", "acknowledgedAt", "resolvedAt")) {
            model.addAttribute(
                    field,
                    signal.hasNonNull(field)
                            ? when.format(Instant.parse(signal.get(field).asString()))
                            : null);
        }
        JsonNode action = signal.get("suggestedAction");
        model.addAttribute("signal", signal);
        model.addAttribute("teamId", teamId);
        model.addAttribute("title", labels.signalTitle(signal, who, locale));
        model.addAttribute("evidence", evidence(signal, labels, locale));
        model.addAttribute("deal", deal(signal.get("deal"), labels, locale));
        model.addAttribute(
                "crmUrl",
                signal.hasNonNull("deal") && signal.get("deal").hasNonNull("crmUrl")
                        ? signal.get("deal").get("crmUrl").asString()
                        : null);
        model.addAttribute(
                "action",
                action != null && action.has(language) ? action.get(language).asString() : "");
        model.addAttribute("questions", questions);
        model.addAttribute("status", signal.get("status").asString());
        model.addAttribute(
                "mayAcknowledge",
                "OPEN".equals(signal.get("status").asString())
                        && (user.get().isManager() || user.get().isAdmin()));
        model.addAttribute("noteMax", NOTE_MAX);
        model.addAttribute("repId", repId);
        model.addAttribute("who", who);
        return "signal";
    }

    @PostMapping("/teams/{teamId}/signals/{signalId}/acknowledge")
    String acknowledge(
            @PathVariable String teamId,
            @PathVariable String signalId,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(signalId);
        if (note.length() > NOTE_MAX) {
            flash.addFlashAttribute("noteError", true);
            flash.addFlashAttribute("note", note.substring(0, NOTE_MAX));
            return "redirect:/teams/" + teamId + "/signals/" + signalId;
        }
        services.post(
                Service.COACHING, Map.of("note", note.strip()), "/api/v1/signals/{signalId}/acknowledge", signalId);
        flash.addFlashAttribute("acknowledged", true);
        return "redirect:/teams/" + teamId + "/signals/" + signalId;
    }
}
