package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
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
import tools.jackson.databind.JsonNode;

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
    private final ActivityClient activity;
    private final Labels labels;
    private final CurrentUser user;

    PipelineReviewPage(Services services, ActivityClient activity, Labels labels, CurrentUser user) {
        this.services = services;
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
        Pending<JsonNode> changes =
                services.async(() -> services.get(Service.KPI, "/api/v1/teams/{teamId}/pipeline/changes", teamId));
        Pending<JsonNode> forecast =
                services.async(() -> services.get(Service.KPI, "/api/v1/teams/{teamId}/forecast", teamId));
        Pending<JsonNode> funnel =
                services.async(() -> services.get(Service.KPI, "/api/v1/teams/{teamId}/funnel", teamId));
        Pending<JsonNode> accuracy =
                services.async(() -> services.get(Service.KPI, "/api/v1/teams/{teamId}/forecast/accuracy", teamId));
        Map<String, String> names = new LinkedHashMap<>(reps.get());

        JsonNode review = changes.get();
        List<ChangeLine> changeLines = new ArrayList<>();
        for (String change : CHANGES) {
            JsonNode figure = review.get("changes").get("changes").get(change);
            List<DealLine> listed = new ArrayList<>();
            for (JsonNode deal : figure.get("listed")) {
                listed.add(new DealLine(
                        deal.get("name").asString(),
                        names.getOrDefault(deal.path("ownerRepId").asString(""), "—"),
                        deal.hasNonNull("amount")
                                ? Figures.amount(
                                        deal.get("amount").decimalValue(),
                                        deal.get("currency").asString(),
                                        locale)
                                : "—",
                        detail(change, deal, locale)));
            }
            JsonNode previous = review.get("previous");
            changeLines.add(new ChangeLine(
                    change,
                    labels.word("review.change." + change, locale),
                    figure.get("deals").asInt(),
                    Figures.money(figure.get("amount"), locale),
                    previous.get("deals").path(change).asInt(0),
                    Figures.money(previous.get("amount").get(change), locale),
                    listed));
        }

        JsonNode quarter = forecast.get().get("forecast");
        List<ForecastLine> forecastLines = new ArrayList<>();
        quarter.get("currencies").properties().forEach(entry -> {
            String currency = entry.getKey();
            JsonNode a = entry.getValue();
            forecastLines.add(new ForecastLine(
                    currency,
                    money(a.get("closed"), currency, locale),
                    money(a.get("commit"), currency, locale),
                    money(a.get("bestCase"), currency, locale),
                    money(a.get("pipeline"), currency, locale),
                    money(a.get("commitTotal"), currency, locale),
                    money(a.get("bestCaseTotal"), currency, locale),
                    money(a.get("quota"), currency, locale),
                    Figures.percent(a.get("attainment"), locale),
                    Figures.percent(a.get("commitCoverage"), locale)));
        });
        JsonNode quota = forecast.get().path("quota");
        model.addAttribute(
                "quotaSource",
                labels.word(
                        "review.quota.source." + quota.path("source").asString("NONE"),
                        locale,
                        quota.path("objectiveIds").size()));
        Map<String, List<DealLine>> categoryDeals = new LinkedHashMap<>();
        for (String category : CATEGORIES) {
            List<DealLine> deals = new ArrayList<>();
            for (JsonNode deal : quarter.get("deals").path(category)) {
                deals.add(new DealLine(
                        deal.get("name").asString(),
                        names.getOrDefault(deal.path("ownerRepId").asString(""), "—"),
                        deal.hasNonNull("amount")
                                ? Figures.amount(
                                        deal.get("amount").decimalValue(),
                                        deal.get("currency").asString(),
                                        locale)
                                : "—",
                        deal.hasNonNull("expectedCloseDate")
                                ? Figures.day(deal.get("expectedCloseDate").asString(), locale)
                                        + (deal.path("overdue").asBoolean(false)
                                                ? " · " + labels.word("deal.passed", locale)
                                                : "")
                                : ""));
            }
            categoryDeals.put(category, deals);
        }

        JsonNode funnelNow = funnel.get().get("funnel");
        JsonNode funnelBefore = funnel.get().get("previous");
        List<StepLine> steps = new ArrayList<>();
        for (String step : STEPS) {
            steps.add(new StepLine(
                    step,
                    labels.word("review.step." + step, locale),
                    funnelNow.get("steps").path(step).asLong(0),
                    Figures.percent(funnelNow.get("conversions").get(step), locale),
                    funnelBefore.get("steps").path(step).asLong(0),
                    Figures.percent(funnelBefore.get("conversions").get(step), locale)));
        }
        JsonNode cohort = funnelNow.path("wonCohort");
        model.addAttribute(
                "cohort",
                cohort.path("created").asLong(0) == 0
                        ? null
                        : labels.word(
                                "review.cohort",
                                locale,
                                cohort.get("created").asLong(),
                                cohort.get("won").asLong(),
                                cohort.get("asOf").asString(),
                                Figures.percent(cohort.get("conversion"), locale)));
        List<Map.Entry<String, String>> sourced = new ArrayList<>();
        funnelNow
                .get("sdrSourced")
                .properties()
                .forEach(e -> sourced.add(Map.entry(
                        names.getOrDefault(e.getKey(), e.getKey()),
                        labels.word(
                                "review.tally",
                                locale,
                                e.getValue().get("deals").asInt(),
                                Figures.money(e.getValue().get("amount"), locale)))));
        List<Map.Entry<String, String>> reasons = new ArrayList<>();
        funnelNow
                .get("lostReasons")
                .properties()
                .forEach(e -> reasons.add(Map.entry(
                        e.getKey().isBlank() ? labels.word("review.noReason", locale) : e.getKey(),
                        labels.word(
                                "review.tally",
                                locale,
                                e.getValue().get("deals").asInt(),
                                Figures.money(e.getValue().get("amount"), locale)))));

        model.addAttribute("team", team.get());
        model.addAttribute("teamId", teamId);
        model.addAttribute("from", Figures.day(review.get("changes").get("from").asString(), locale));
        model.addAttribute("to", Figures.day(review.get("changes").get("to").asString(), locale));
        model.addAttribute("changes", changeLines);
        model.addAttribute("quarterFrom", quarter.get("from").asString());
        model.addAttribute("quarterTo", quarter.get("to").asString());
        model.addAttribute("forecast", forecastLines);
        model.addAttribute("categoryDeals", categoryDeals);
        model.addAttribute("undated", quarter.path("undated").asInt(0));
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofLocalizedDate(
                        java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale);
        ZoneId teamZone = ZoneId.of(team.get().timezone());
        List<CallLine> calls = new ArrayList<>();
        for (JsonNode call : forecast.get().get("calls")) {
            calls.add(new CallLine(
                    java.time.LocalDate.parse(call.get("week").asString()).format(day),
                    call.get("managerId").asString(),
                    Figures.amount(
                            call.get("amount").decimalValue(),
                            call.get("currency").asString(),
                            locale),
                    call.hasNonNull("note") ? call.get("note").asString() : "",
                    call.hasNonNull("replacedAt")
                            ? labels.word(
                                    "review.callReplacedOn", locale, dayOf(call.get("replacedAt"), teamZone, locale))
                            : null));
        }
        model.addAttribute("calls", calls);
        model.addAttribute("accuracy", accuracy.get());
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
        body.put(
                "amount",
                amount.strip()
                        .replace(',', '.')
                        .replace(" ", "")
                        .replace("\u202f", "")
                        .replace("\u00a0", ""));
        body.put("currency", currency);
        body.put("period", "quarter");
        body.put("note", note.isBlank() ? null : note);
        JsonNode recorded;
        try {
            recorded = services.put(Service.KPI, body, "/api/v1/teams/{teamId}/forecast/call", teamId);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            flash.addFlashAttribute("callErrors", refusal.fieldErrors());
            flash.addFlashAttribute("callForm", Map.of("amount", amount, "currency", currency, "note", note));
            return "redirect:/teams/" + teamId + "/pipeline#call";
        }
        flash.addFlashAttribute("called", true);
        JsonNode replaced = recorded == null ? null : recorded.get("replaces");
        if (replaced != null && !replaced.isNull()) {
            ActivityClient.Team team = activity.team(teamId);
            flash.addFlashAttribute(
                    "replacedCall",
                    labels.word(
                            "review.callReplaces",
                            locale,
                            dayOf(replaced.get("at"), ZoneId.of(team.timezone()), locale),
                            Figures.amount(
                                    replaced.get("amount").decimalValue(),
                                    replaced.get("currency").asString(),
                                    locale)));
        }
        return "redirect:/teams/" + teamId + "/pipeline#call";
    }

    /** A moment as the day of the week and the date it was in the team's zone ("lundi 23 novembre"). */
    private static String dayOf(JsonNode instant, ZoneId zone, Locale locale) {
        return java.time.Instant.parse(instant.asString())
                .atZone(zone)
                .format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", locale));
    }

    private String detail(String change, JsonNode deal, Locale locale) {
        String before = deal.path("before").asString("");
        String after = deal.path("after").asString("");
        return switch (change) {
            case "ADVANCED", "MOVED_BACK" ->
                labels.word("stage." + before, locale) + " → " + labels.word("stage." + after, locale);
            case "PUSHED", "PULLED_IN", "AMOUNT_UP", "AMOUNT_DOWN" -> before + " → " + after;
            case "LOST" -> deal.hasNonNull("reason") ? deal.get("reason").asString() : "";
            default -> "";
        };
    }

    private static String money(JsonNode amount, String currency, Locale locale) {
        return amount == null || amount.isNull()
                ? "—"
                : Figures.amount(new BigDecimal(amount.asString()), currency, locale);
    }
}
