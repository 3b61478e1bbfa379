package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The pipeline review, the page of the weekly meeting: what moved in the team's pipeline this week against last (each
 * figure with its deals), the quarter's forecast by category against quota, the manager's weekly call (a form) and
 * the managers' past accuracy, and the funnel with its conversions, SDR-sourced pipeline and lost reasons.
 */
@Controller
class PipelineReviewPage {

    static final List<String> CHANGES = List.of(
            "CREATED", "ADVANCED", "MOVED_BACK", "PUSHED", "PULLED_IN", "AMOUNT_UP", "AMOUNT_DOWN", "WON", "LOST");
    static final List<String> CATEGORIES = List.of("COMMIT", "BEST_CASE", "PIPELINE", "CLOSED");
    static final List<String> STEPS =
            List.of("calls", "connectedCalls", "meetingsBooked", "meetingsHeld", "dealsCreated", "dealsWon");

    private final Services services;
    private final KpiClient kpi;
    private final ActivityClient activity;
    private final Labels labels;
    private final CurrentUser user;

    PipelineReviewPage(Services services, KpiClient kpi, ActivityClient activity, Labels labels, CurrentUser user) {
        this.services = services;
        this.kpi = kpi;
        this.activity = activity;
        this.labels = labels;
        this.user = user;
    }

    /** One change this week, with last week's count and the deals behind it. */
    record ChangeLine(
            String change,
            String label,
            int deals,
            String amount,
            int lastWeek,
            String lastWeekAmount,
            List<DealLine> listed) {}

    /** A deal behind a figure. */
    record DealLine(String name, String owner, String amount, String detail) {}

    /** One currency of the forecast. */
    record ForecastLine(
            String currency,
            String closed,
            String commit,
            String bestCase,
            String pipeline,
            String commitTotal,
            String bestCaseTotal,
            String quota,
            String attainment,
            String coverage) {}

    /** A manager's call, as the page shows it; a replaced one says when it was replaced. */
    record CallLine(String week, String manager, String amount, String note, String replaced) {}

    /** One funnel step, with its conversion this week and last. */
    record StepLine(
            String step, String label, long count, String conversion, long lastWeek, String lastWeekConversion) {}

    @GetMapping("/teams/{teamId}/pipeline")
    String page(@PathVariable String teamId, Model model, Locale locale) {
        PageAdvice.checkId(teamId);
        Pending<ActivityClient.Team> team = services.async(() -> activity.team(teamId));
        Pending<Map<String, String>> reps = services.async(() -> activity.namesOf(teamId));
        Pending<KpiClient.Changes> changes = services.async(() -> kpi.pipelineChanges(teamId));
        Pending<KpiClient.ForecastReview> forecast = services.async(() -> kpi.forecast(teamId));
        Pending<KpiClient.FunnelReview> funnel = services.async(() -> kpi.funnel(teamId));
        Pending<List<KpiClient.Accuracy>> accuracy = services.async(() -> kpi.accuracy(teamId));
        Pending<Map<String, String>> people = services.async(activity::people);
        Map<String, String> names = new LinkedHashMap<>(reps.get());

        KpiClient.Changes review = changes.get();
        List<ChangeLine> changeLines = new ArrayList<>();
        for (String change : CHANGES) {
            KpiClient.Figure figure = review.changes().changes().get(change);
            List<DealLine> listed = new ArrayList<>();
            for (KpiClient.ChangedDeal deal : figure == null ? List.<KpiClient.ChangedDeal>of() : figure.listed()) {
                listed.add(new DealLine(
                        deal.name(),
                        names.getOrDefault(deal.ownerRepId() == null ? "" : deal.ownerRepId(), "—"),
                        deal.amount() != null ? Figures.amount(deal.amount(), deal.currency(), locale) : "—",
                        detail(change, deal, locale)));
            }
            KpiClient.Summary previous = review.previous();
            changeLines.add(new ChangeLine(
                    change,
                    labels.word("review.change." + change, locale),
                    figure == null ? 0 : (int) figure.deals(),
                    Figures.money(figure == null ? null : figure.amount(), locale),
                    previous.deals().getOrDefault(change, 0L).intValue(),
                    Figures.money(previous.amount().get(change), locale),
                    listed));
        }

        KpiClient.Forecast quarter = forecast.get().forecast();
        List<ForecastLine> forecastLines = new ArrayList<>();
        quarter.currencies()
                .forEach((currency, a) -> forecastLines.add(new ForecastLine(
                        currency,
                        money(a.closed(), currency, locale),
                        money(a.commit(), currency, locale),
                        money(a.bestCase(), currency, locale),
                        money(a.pipeline(), currency, locale),
                        money(a.commitTotal(), currency, locale),
                        money(a.bestCaseTotal(), currency, locale),
                        money(a.quota(), currency, locale),
                        Figures.percent(a.attainment(), locale),
                        Figures.percent(a.commitCoverage(), locale))));
        KpiClient.Quota quota = forecast.get().quota();
        model.addAttribute(
                "quotaSource",
                labels.word(
                        "review.quota.source." + (quota == null || quota.source() == null ? "NONE" : quota.source()),
                        locale,
                        quota == null ? 0 : quota.objectiveIds().size()));
        Map<String, List<DealLine>> categoryDeals = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            List<DealLine> deals = new ArrayList<>();
            for (KpiClient.ForecastDeal deal : quarter.deals().getOrDefault(category, List.of())) {
                deals.add(new DealLine(
                        deal.name(),
                        names.getOrDefault(deal.ownerRepId() == null ? "" : deal.ownerRepId(), "—"),
                        deal.amount() != null ? Figures.amount(deal.amount(), deal.currency(), locale) : "—",
                        deal.expectedCloseDate() != null
                                ? Figures.day(deal.expectedCloseDate(), locale)
                                        + (deal.overdue() ? " · " + labels.word("deal.passed", locale) : "")
                                : ""));
            }
            categoryDeals.put(category, deals);
        }

        KpiClient.Funnel funnelNow = funnel.get().funnel();
        KpiClient.Funnel funnelBefore = funnel.get().previous();
        List<StepLine> steps = new ArrayList<>();
        for (String step : STEPS) {
            steps.add(new StepLine(
                    step,
                    labels.word("review.step." + step, locale),
                    funnelNow.steps().getOrDefault(step, 0L),
                    Figures.percent(funnelNow.conversions().get(step), locale),
                    funnelBefore.steps().getOrDefault(step, 0L),
                    Figures.percent(funnelBefore.conversions().get(step), locale)));
        }
        KpiClient.Cohort cohort = funnelNow.wonCohort();
        model.addAttribute(
                "cohort",
                cohort == null || cohort.created() == 0
                        ? null
                        : labels.word(
                                "review.cohort",
                                locale,
                                cohort.created(),
                                cohort.won(),
                                String.valueOf(cohort.asOf()),
                                Figures.percent(cohort.conversion(), locale)));
        List<Map.Entry<String, String>> sourced = new ArrayList<>();
        funnelNow
                .sdrSourced()
                .forEach((repId, tally) -> sourced.add(Map.entry(
                        names.getOrDefault(repId, repId),
                        labels.word(
                                "review.tally", locale, (int) tally.deals(), Figures.money(tally.amount(), locale)))));
        List<Map.Entry<String, String>> reasons = new ArrayList<>();
        funnelNow
                .lostReasons()
                .forEach((reason, tally) -> reasons.add(Map.entry(
                        reason.isBlank() ? labels.word("review.noReason", locale) : reason,
                        labels.word(
                                "review.tally", locale, (int) tally.deals(), Figures.money(tally.amount(), locale)))));

        model.addAttribute("team", team.get());
        model.addAttribute("teamId", teamId);
        model.addAttribute("from", Figures.day(review.changes().from(), locale));
        model.addAttribute("spanFrom", review.changes().from());
        model.addAttribute("spanTo", review.changes().to());
        model.addAttribute("to", Figures.day(review.changes().to(), locale));
        model.addAttribute("changes", changeLines);
        model.addAttribute("quarterFrom", Figures.day(quarter.from(), locale));
        model.addAttribute("quarterTo", Figures.day(quarter.to(), locale));
        model.addAttribute("forecast", forecastLines);
        model.addAttribute("categoryDeals", categoryDeals);
        model.addAttribute("undated", quarter.undated());
        ZoneId teamZone = ZoneId.of(team.get().timezone());
        List<CallLine> calls = new ArrayList<>();
        for (KpiClient.Call call : forecast.get().calls()) {
            calls.add(new CallLine(
                    Figures.day(call.week(), locale),
                    people.get().getOrDefault(call.managerId(), call.managerId()),
                    Figures.amount(call.amount(), call.currency(), locale),
                    call.note() != null ? call.note() : "",
                    call.replacedAt() != null
                            ? labels.word("review.callReplacedOn", locale, dayOf(call.replacedAt(), teamZone, locale))
                            : null));
        }
        model.addAttribute("calls", calls);
        // The reps' own calls in force, beside the manager's.
        model.addAttribute(
                "repCalls",
                forecast.get().repCalls().stream()
                        .map(call -> new CallLine(
                                Figures.day(call.week(), locale),
                                names.getOrDefault(call.subjectId(), call.subjectId()),
                                Figures.amount(call.amount(), call.currency(), locale),
                                call.note() != null ? call.note() : "",
                                null))
                        .toList());
        model.addAttribute("accuracy", accuracy.get());
        model.addAttribute("people", people.get());
        model.addAttribute("steps", steps);
        model.addAttribute("sourced", sourced);
        model.addAttribute("reasons", reasons);
        model.addAttribute("mayCall", user.get().isManager() || user.get().isAdmin());
        model.addAttribute(
                "currencies",
                forecastLines.isEmpty()
                        ? List.of("EUR")
                        : forecastLines.stream().map(ForecastLine::currency).toList());
        return "pipeline-review";
    }

    /** A manager's call for the quarter under way. */
    @PostMapping("/teams/{teamId}/forecast/call")
    String call(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash,
            Locale locale) {
        PageAdvice.checkId(teamId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", typedAmount(amount));
        body.put("currency", currency);
        body.put("period", "quarter");
        body.put("note", note.isBlank() ? null : note);
        KpiClient.Call recorded;
        try {
            recorded = kpi.call(teamId, body);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            flash.addFlashAttribute("callErrors", labels.fieldErrors(refusal.fieldErrors()));
            flash.addFlashAttribute("callForm", Map.of("amount", amount, "currency", currency, "note", note));
            return "redirect:/teams/" + teamId + "/pipeline#call";
        }
        flash.addFlashAttribute("called", true);
        KpiClient.Replaced replaced = recorded == null ? null : recorded.replaces();
        if (replaced != null) {
            ActivityClient.Team team = activity.team(teamId);
            flash.addFlashAttribute(
                    "replacedCall",
                    labels.word(
                            "review.callReplaces",
                            locale,
                            dayOf(replaced.at(), ZoneId.of(team.timezone()), locale),
                            Figures.amount(replaced.amount(), replaced.currency(), locale)));
        }
        return "redirect:/teams/" + teamId + "/pipeline#call";
    }

    /** An amount as typed ("12 500,50" or "12,500.50" in either language) as the API reads it ("12500.50"). */
    static String typedAmount(String amount) {
        return amount.strip()
                .replace(',', '.')
                .replace(" ", "")
                .replace("\u202f", "")
                .replace("\u00a0", "");
    }

    /** A moment as the day of the week and the date it was in the team's zone ("lundi 23 novembre"). */
    private static String dayOf(java.time.Instant instant, ZoneId zone, Locale locale) {
        return instant.atZone(zone).format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", locale));
    }

    private String detail(String change, KpiClient.ChangedDeal deal, Locale locale) {
        String before = deal.before() == null ? "" : deal.before();
        String after = deal.after() == null ? "" : deal.after();
        return switch (change) {
            case "ADVANCED", "MOVED_BACK" ->
                labels.word("stage." + before, locale) + " → " + labels.word("stage." + after, locale);
            case "PUSHED", "PULLED_IN", "AMOUNT_UP", "AMOUNT_DOWN" -> before + " → " + after;
            case "LOST" -> deal.reason() != null ? deal.reason() : "";
            default -> "";
        };
    }

    private static String money(BigDecimal amount, String currency, Locale locale) {
        return amount == null ? "—" : Figures.amount(amount, currency, locale);
    }
}
