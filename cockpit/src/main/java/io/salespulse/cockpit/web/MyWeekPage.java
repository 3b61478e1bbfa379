package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CockpitUser;
import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import java.time.Clock;
import java.time.LocalDate;
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
 * A rep's own week (role REP, the token's subject its rep id): its figures against last week, its last 28 days, its
 * objectives, its recognitions, the action items of its 1:1s, its coming absences and its pace (its care figures, and
 * the care signals its managers are told: nothing is measured behind its back). The services let a rep read nothing
 * else: no other signal, no other rep, no 1:1 notes.
 */
@Controller
class MyWeekPage {

    /** A recognition as the rep reads it. */
    record RecognitionLine(String title, String raisedOn) {}

    private final CoachingClient coaching;
    private final Services services;
    private final KpiClient kpi;
    private final ActivityClient activity;
    private final CurrentUser user;
    private final Labels labels;
    private final Clock clock;

    MyWeekPage(
            Services services,
            KpiClient kpi,
            ActivityClient activity,
            CoachingClient coaching,
            CurrentUser user,
            Labels labels,
            Clock clock) {
        this.coaching = coaching;
        this.clock = clock;
        this.services = services;
        this.kpi = kpi;
        this.activity = activity;
        this.user = user;
        this.labels = labels;
    }

    @GetMapping("/me/week")
    String page(Model model, Locale locale) {
        CockpitUser me = user.get();
        String repId = me.id();
        PageAdvice.checkId(repId);
        ActivityClient.Rep rep = activity.rep(repId);
        // This week in the rep's team's zone, which tells today there.
        // This week so far against the same days of last week (like for like).
        KpiClient.RepKpis week = kpi.repWeek(repId, null);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(week.timezone())));
        Pending<List<KpiClient.DailyRow>> daily =
                services.async(() -> kpi.repDaily(repId, today.minusDays(RepPage.CHART_DAYS - 1), today));
        Pending<List<KpiClient.Objective>> objectives = services.async(() -> kpi.objectivesOfRep(repId, null, false));
        Pending<List<Signal>> recognitions = services.async(() -> coaching.recognitionsOf(repId));
        Pending<List<CoachingClient.OpenItem>> items = services.async(() -> coaching.actionItems(repId));
        Pending<CoachingClient.Plan> plan = services.async(() -> coaching.plan(repId));
        Pending<CoachingClient.Care> care = services.async(() -> coaching.care(repId));
        Pending<List<CoachingClient.OwnPulse>> pulse = services.async(() -> coaching.ownPulse(repId));
        boolean csm = "CSM".equals(rep.role());
        // An AE calls its own quarter: what it will have won by its end.
        boolean ae = "AE".equals(rep.role());
        Pending<KpiClient.RepCalls> calls = ae ? services.async(() -> kpi.repCalls(repId)) : null;
        Pending<List<KpiClient.OpenDeal>> deals = ae ? services.async(() -> kpi.openDeals(repId, 100)) : null;
        Pending<KpiClient.Retention> retention = csm ? services.async(() -> kpi.repRetention(repId, "quarter")) : null;
        Pending<List<KpiClient.Account>> accounts = csm ? services.async(() -> kpi.repAccounts(repId)) : null;
        List<ActivityClient.Absence> absences = activity.absencesOfRep(repId, today, today.plusDays(90));
        String name = rep.displayName();
        List<RecognitionLine> recognised = new ArrayList<>();
        for (Signal recognition : recognitions.get()) {
            recognised.add(new RecognitionLine(
                    labels.signalTitle(recognition, name, locale),
                    Figures.day(recognition.raisedAt().toString(), locale)));
        }
        model.addAttribute("name", name);
        model.addAttribute("measures", TeamBoard.measures(week, week.comparison()));
        model.addAttribute("comparedWith", TeamBoard.comparedWith(week.comparison(), labels, locale));
        model.addAttribute("chartData", DailyChart.ofRep(daily.get(), RepPage.charted(labels, locale)));
        model.addAttribute("objectives", RepPage.objectiveLines(objectives.get(), labels, locale));
        model.addAttribute("recognitions", recognised);
        model.addAttribute("actionItems", RepPage.itemLines(items.get(), locale));
        model.addAttribute("away", RepPage.awayLines(absences, name));
        model.addAttribute("plan", PlanSection.lines(plan.get(), labels, locale, today));
        model.addAttribute("care", CareSection.of(care.get(), name, labels, locale));
        model.addAttribute(
                "book",
                csm ? BookSection.of(retention.get(), accounts.get(), Map.of(repId, name), labels, locale) : null);
        model.addAttribute(
                "pulse",
                pulse.get().stream()
                        .map(answer -> answer.comment() == null
                                ? labels.word(
                                        "myWeek.pulse.answer",
                                        locale,
                                        Figures.day(answer.week(), locale),
                                        answer.score())
                                : labels.word(
                                        "myWeek.pulse.answerComment",
                                        locale,
                                        Figures.day(answer.week(), locale),
                                        answer.score(),
                                        answer.comment()))
                        .toList());
        model.addAttribute("ae", ae);
        if (ae) {
            KpiClient.RepCalls mine = calls.get();
            KpiClient.Call current = mine.calls().stream()
                    .filter(c -> c.replacedAt() == null)
                    .reduce((first, second) -> second)
                    .orElse(null);
            model.addAttribute(
                    "myCall",
                    current == null
                            ? null
                            : labels.word(
                                    "myWeek.call.current",
                                    locale,
                                    Figures.amount(current.amount(), current.currency(), locale),
                                    Figures.day(current.week(), locale)));
            // Its own calls' accuracy (its manager's calls for it are its manager's).
            KpiClient.Accuracy own = mine.accuracy().stream()
                    .filter(a -> repId.equals(a.managerId()))
                    .findFirst()
                    .orElse(null);
            model.addAttribute(
                    "myAccuracy",
                    own == null
                            ? null
                            : labels.word(
                                    "myWeek.call.accuracy",
                                    locale,
                                    own.calls(),
                                    Figures.percent(own.accuracy(), locale)));
            java.util.TreeSet<String> currencies = new java.util.TreeSet<>();
            deals.get().stream()
                    .map(KpiClient.OpenDeal::currency)
                    .filter(java.util.Objects::nonNull)
                    .forEach(currencies::add);
            if (current != null) {
                currencies.add(current.currency());
            }
            if (currencies.isEmpty()) {
                currencies.add("EUR");
            }
            model.addAttribute("callCurrencies", List.copyOf(currencies));
        }
        return "my-week";
    }

    /** The rep's own call for the quarter under way. */
    @PostMapping("/me/forecast/call")
    String call(
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash) {
        String repId = user.get().id();
        PageAdvice.checkId(repId);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("amount", PipelineReviewPage.typedAmount(amount));
        body.put("currency", currency);
        body.put("period", "quarter");
        body.put("note", note.isBlank() ? null : note);
        try {
            kpi.repCall(repId, body);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            flash.addFlashAttribute("callErrors", labels.fieldErrors(refusal.fieldErrors()));
            flash.addFlashAttribute("callForm", Map.of("amount", amount, "note", note));
            return "redirect:/me/week#my-call";
        }
        flash.addFlashAttribute("called", true);
        return "redirect:/me/week#my-call";
    }
}
