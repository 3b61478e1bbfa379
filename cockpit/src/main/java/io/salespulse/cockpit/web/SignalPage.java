package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import java.time.ZoneId;
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

/**
 * A signal, the page every notification links to: what was seen (the evidence), what to do (the suggested action
 * and the 1:1 questions), acknowledge with a note, and once resolved, how.
 */
@Controller
class SignalPage {

    /** At most this many characters of note (the service bounds it too). */
    static final int NOTE_MAX = 2000;

    private final Services services;
    private final ActivityClient activity;
    private final CoachingClient coaching;
    private final Labels labels;
    private final CurrentUser user;

    SignalPage(Services services, ActivityClient activity, CoachingClient coaching, Labels labels, CurrentUser user) {
        this.services = services;
        this.activity = activity;
        this.coaching = coaching;
        this.labels = labels;
        this.user = user;
    }

    static List<Map.Entry<String, String>> evidence(Signal signal, Labels labels, Locale locale) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        String type = signal.type() == null ? "" : signal.type().name();
        String currency = signal.deal() != null && signal.deal().amount() != null
                ? signal.deal().amount().currency()
                : null;
        for (Evidence e : signal.evidence()) {
            String shown = Figures.evidence(type, e.name(), e.value(), currency, locale);
            facts.add(Map.entry(labels.evidence(e.name(), locale), shown));
        }
        return facts;
    }

    /** The deal a deal signal is about, labelled: name, amount, stage and days in it, expected close date. */
    static List<Map.Entry<String, String>> deal(DealSummary deal, Labels labels, Locale locale) {
        List<Map.Entry<String, String>> facts = new ArrayList<>();
        if (deal == null) {
            return facts;
        }
        if (deal.name() != null) {
            facts.add(Map.entry(labels.word("deal.name", locale), deal.name()));
        }
        if (deal.amount() != null) {
            facts.add(Map.entry(
                    labels.word("deal.amount", locale),
                    Figures.amount(deal.amount().amount(), deal.amount().currency(), locale)));
        }
        if (deal.stage() != null) {
            String stage = labels.word("stage." + deal.stage().name(), locale);
            facts.add(Map.entry(
                    labels.word("deal.stage", locale),
                    deal.daysInStage() != null
                            ? labels.word("deal.stage-days", locale, stage, deal.daysInStage())
                            : stage));
        }
        if (deal.expectedCloseDate() != null) {
            facts.add(Map.entry(labels.word("deal.close-date", locale), Figures.day(deal.expectedCloseDate(), locale)));
        }
        return facts;
    }

    @GetMapping("/teams/{teamId}/signals/{signalId}")
    String signal(@PathVariable String teamId, @PathVariable String signalId, Model model, Locale locale) {
        PageAdvice.checkId(teamId);
        PageAdvice.checkId(signalId);
        Signal signal = coaching.signal(signalId);
        if (!teamId.equals(signal.teamId())) {
            return "redirect:/teams/" + signal.teamId() + "/signals/" + signalId;
        }
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";
        String repId = signal.repId();
        String who = repId;
        List<String> questions = List.of();
        if (repId != null) {
            who = activity.rep(repId).displayName();
            for (CoachingClient.Talk item : coaching.agenda(repId).toDiscuss()) {
                if (signalId.equals(item.signal().signalId())
                        && item.questions().containsKey(language)) {
                    questions = item.questions().get(language);
                }
            }
        }
        ActivityClient.Team team = activity.team(teamId);
        if (signal.acknowledgedBy() != null) {
            model.addAttribute(
                    "acknowledgedBy", activity.people().getOrDefault(signal.acknowledgedBy(), signal.acknowledgedBy()));
        }
        if (repId == null) {
            who = team.name();
        }
        ZoneId zone = ZoneId.of(team.timezone());
        model.addAttribute(
                "raisedAt", signal.raisedAt() == null ? null : Figures.moment(signal.raisedAt(), zone, locale));
        model.addAttribute(
                "acknowledgedAt",
                signal.acknowledgedAt() == null ? null : Figures.moment(signal.acknowledgedAt(), zone, locale));
        model.addAttribute(
                "resolvedAt", signal.resolvedAt() == null ? null : Figures.moment(signal.resolvedAt(), zone, locale));
        model.addAttribute("signal", signal);
        model.addAttribute("teamId", teamId);
        model.addAttribute("title", labels.signalTitle(signal, who, locale));
        model.addAttribute("evidence", evidence(signal, labels, locale));
        model.addAttribute("deal", deal(signal.deal(), labels, locale));
        model.addAttribute(
                "crmUrl", signal.deal() == null ? null : signal.deal().crmUrl());
        model.addAttribute("action", signal.suggestedAction().getOrDefault(language, ""));
        model.addAttribute("questions", questions);
        model.addAttribute("status", signal.status());
        model.addAttribute(
                "mayAcknowledge",
                signal.isOpen()
                        && (user.get().isManager()
                                || user.get().isAdmin()
                                // A director acknowledges what is about a team, not about a person.
                                || user.get().isDirector() && signal.repId() == null));
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
