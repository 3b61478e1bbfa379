package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
 * The deals behind a figure: a team's open deals (of one stage), or those won or lost over a span, of the team or of
 * one rep, as kpi-service lists them, a page at a time, each linked to its page in its CRM where one is configured.
 * The board's stage counts and won deals, the pipeline review's won and lost ones, the leaderboard's wins lead here.
 */
@Controller
class DealsPage {

    static final List<String> STATUSES = List.of("OPEN", "WON", "LOST");

    /** A deal as the list shows it. */
    record DealRow(
            String name,
            String crmUrl,
            String owner,
            String stage,
            String amount,
            String daysInStage,
            String expectedClose,
            String closedOn) {}

    private final KpiClient kpi;
    private final ActivityClient activity;
    private final Services services;
    private final Labels labels;

    DealsPage(KpiClient kpi, ActivityClient activity, Services services, Labels labels) {
        this.kpi = kpi;
        this.activity = activity;
        this.services = services;
        this.labels = labels;
    }

    @GetMapping("/teams/{teamId}/deals")
    String deals(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String repId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            Model model,
            Locale locale) {
        PageAdvice.checkId(teamId);
        String listed = STATUSES.contains(status.toUpperCase(Locale.ROOT)) ? status.toUpperCase(Locale.ROOT) : "OPEN";
        ActivityClient.Team team = activity.team(teamId);
        Services.Pending<Map<String, String>> roster = services.async(() -> activity.namesOf(teamId));
        LocalDate start = day(from);
        LocalDate end = day(to);
        Services.Page<KpiClient.ListedDeal> page =
                kpi.teamDeals(teamId, listed, blank(stage), blank(repId), start, end, blank(cursor));
        Map<String, String> names = roster.get();
        ZoneId zone = ZoneId.of(team.timezone());
        List<DealRow> rows = new ArrayList<>();
        for (KpiClient.ListedDeal deal : page.items()) {
            rows.add(new DealRow(
                    deal.name() != null && !deal.name().isBlank() ? deal.name() : deal.dealId(),
                    deal.crmUrl(),
                    names.getOrDefault(deal.ownerRepId(), deal.ownerRepId()),
                    deal.stage() == null ? "—" : labels.word("stage." + deal.stage(), locale),
                    deal.amount() == null ? "—" : Figures.amount(deal.amount(), deal.currency(), locale),
                    deal.daysInStage() == null ? "—" : String.valueOf(deal.daysInStage()),
                    Figures.day(deal.expectedCloseDate(), locale),
                    deal.closedAt() == null
                            ? "—"
                            : Figures.day(deal.closedAt().atZone(zone).toLocalDate(), locale)));
        }
        List<String> filters = new ArrayList<>();
        if (blank(stage) != null) {
            filters.add(labels.word(
                    "deals.filter.stage", locale, labels.word("stage." + stage.toUpperCase(Locale.ROOT), locale)));
        }
        if (blank(repId) != null) {
            filters.add(labels.word("deals.filter.rep", locale, names.getOrDefault(repId, repId)));
        }
        if (!"OPEN".equals(listed)) {
            filters.add(
                    start != null && end != null
                            ? labels.word(
                                    "deals.filter.span", locale, Figures.day(start, locale), Figures.day(end, locale))
                            : labels.word("deals.filter.thisWeek", locale));
        }
        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("status", listed);
        model.addAttribute("filters", String.join(" · ", filters));
        model.addAttribute("rows", rows);
        model.addAttribute(
                "next",
                page.next() == null
                        ? null
                        : org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                                .replaceQueryParam("cursor", page.next())
                                .build()
                                .encode()
                                .toUriString());
        model.addAttribute(
                "first",
                blank(cursor) == null
                        ? null
                        : org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                                .replaceQueryParam("cursor")
                                .build()
                                .encode()
                                .toUriString());
        return "deals";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A day given in a link; one that is not a day is left out (kpi-service then lists this week so far). */
    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
