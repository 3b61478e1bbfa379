package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A team's leaderboard for a metric and a period the manager chooses (kpi-service ranks; equal values share a rank).
 * Amounts are ranked in one currency at a time, never added across currencies.
 */
@Controller
class LeaderboardPage {

    /** The metrics a leaderboard ranks, as kpi-service names them. */
    static final List<String> METRICS = List.of(
            "calls",
            "connectedCalls",
            "talkTimeSeconds",
            "emails",
            "meetingsBooked",
            "meetingsHeld",
            "dealsCreated",
            "dealsWon",
            "pipelineCreated",
            "revenueWon");

    private static final List<String> MONEY = List.of("pipelineCreated", "revenueWon");

    /** A rep's place. */
    record Place(int rank, String repId, String name, String value, int bar) {}

    private final Services services;
    private final KpiClient kpi;
    private final ActivityClient activity;

    LeaderboardPage(Services services, KpiClient kpi, ActivityClient activity) {
        this.services = services;
        this.kpi = kpi;
        this.activity = activity;
    }

    @GetMapping("/teams/{teamId}/leaderboard")
    String leaderboard(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "calls") String metric,
            @RequestParam(defaultValue = "week") String period,
            @RequestParam(defaultValue = "EUR") String currency,
            Model model,
            Locale locale) {
        PageAdvice.checkId(teamId);
        String chosen = METRICS.contains(metric) ? metric : "calls";
        String range = TeamBoard.PERIODS.contains(period) ? period : "week";
        String money = ObjectivesPage.CURRENCIES.contains(currency) ? currency : "EUR";
        Pending<ActivityClient.Team> team = services.async(() -> activity.team(teamId));
        Pending<Map<String, String>> names = services.async(() -> activity.namesOf(teamId));
        KpiClient.Leaderboard ranking = kpi.leaderboard(teamId, chosen, range, money);
        BigDecimal top = BigDecimal.ZERO;
        for (KpiClient.Ranked place : ranking.ranking()) {
            top = top.max(place.value());
        }
        List<Place> places = new ArrayList<>();
        for (KpiClient.Ranked place : ranking.ranking()) {
            String repId = place.repId();
            BigDecimal value = place.value();
            places.add(new Place(
                    place.rank(),
                    repId,
                    names.get().getOrDefault(repId, repId),
                    value(chosen, value, money, locale),
                    top.signum() == 0
                            ? 0
                            : value.multiply(BigDecimal.valueOf(100))
                                    .divide(top, 0, RoundingMode.HALF_UP)
                                    .intValue()));
        }
        model.addAttribute("team", team.get());
        model.addAttribute("teamId", teamId);
        model.addAttribute("metric", chosen);
        model.addAttribute("metrics", METRICS);
        model.addAttribute("period", range);
        model.addAttribute("periods", TeamBoard.PERIODS);
        model.addAttribute("currency", money);
        model.addAttribute("currencies", ObjectivesPage.CURRENCIES);
        model.addAttribute("money", MONEY.contains(chosen));
        model.addAttribute("from", Figures.day(ranking.period().from(), locale));
        model.addAttribute("periodFrom", ranking.period().from());
        model.addAttribute("periodTo", ranking.period().to());
        // Deals won and revenue won are counts of deals: each rep's figure opens the deals behind it.
        model.addAttribute("wonDeals", "dealsWon".equals(chosen) || "revenueWon".equals(chosen));
        model.addAttribute("to", Figures.day(ranking.period().to(), locale));
        model.addAttribute("places", places);
        return "leaderboard";
    }

    /** A value as the page writes it: an amount with its currency, talk time in hours and minutes, else a count. */
    static String value(String metric, BigDecimal value, String currency, Locale locale) {
        if (MONEY.contains(metric)) {
            return Figures.amount(value, currency, locale);
        }
        if ("talkTimeSeconds".equals(metric)) {
            long minutes = value.longValue() / 60;
            return minutes / 60 + " h " + String.format(Locale.ROOT, "%02d", minutes % 60);
        }
        return Figures.number(value, locale);
    }
}
