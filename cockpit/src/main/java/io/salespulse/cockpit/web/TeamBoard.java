package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The team board, the weekly ritual: this period against the one before per rep, a daily chart per rep, the
 * objectives, the open pipeline by stage with its coverage, and the open signals by severity with their evidence.
 * Every figure from the services, asked side by side.
 */
@Controller
class TeamBoard {

    /** One rep's line: each measure now, and its change from the period before. */
    record RepLine(String repId, String name, List<Measure> measures, String revenue) {}

    /** A measure of a rep's line. */
    record Measure(String key, long now, String change) {}

    /** An open signal as the board lists it. */
    record SignalLine(
            String signalId,
            String severity,
            String title,
            List<Map.Entry<String, String>> evidence,
            boolean acknowledged) {}

    static final List<String> PERIODS = List.of("week", "month", "quarter");
    /** What the board's chart can show, as the KPI API names it. */
    static final List<String> CHART_MEASURES = List.of("calls", "connectedCalls", "meetingsBooked", "meetingsHeld");

    private static final List<String[]> MEASURES = List.of(
            new String[] {"calls", "activity", "calls"},
            new String[] {"connected", "activity", "connectedCalls"},
            new String[] {"meetingsBooked", "activity", "meetingsBooked"},
            new String[] {"meetingsHeld", "activity", "meetingsHeld"},
            new String[] {"dealsCreated", "pipeline", "dealsCreated"},
            new String[] {"dealsWon", "pipeline", "dealsWon"});
    private static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final Services services;
    private final ActivityClient activity;
    private final CoachingClient coaching;
    private final Labels labels;
    private final TeamObjectives objectives;
    private final Clock clock;

    TeamBoard(
            Services services,
            ActivityClient activity,
            CoachingClient coaching,
            Labels labels,
            TeamObjectives objectives,
            Clock clock) {
        this.services = services;
        this.activity = activity;
        this.coaching = coaching;
        this.labels = labels;
        this.objectives = objectives;
        this.clock = clock;
    }

    /** Each measure of a period, and its change from the period before ({@code before} null: nothing then). */
    static List<Measure> measures(JsonNode now, JsonNode before) {
        List<Measure> measures = new ArrayList<>();
        for (String[] measure : MEASURES) {
            long value = Figures.count(now.get(measure[1]), measure[2]);
            long was = before == null ? 0 : Figures.count(before.get(measure[1]), measure[2]);
            measures.add(new Measure(measure[0], value, Figures.change(value, was)));
        }
        return measures;
    }

    /**
     * What a period's figures are compared with, in words: the same days of the period before while it runs ("against
     * 1-6 Nov", as kpi-service's {@code comparison} window says), else the whole period before.
     */
    static String comparedWith(JsonNode kpis, Labels labels, Locale locale) {
        JsonNode comparison = kpis.get("comparison");
        return labels.word(
                comparison.get("likeForLike").asBoolean() ? "compare.sameDays" : "compare.whole",
                locale,
                Figures.day(comparison.get("from").asString(), locale),
                Figures.day(comparison.get("to").asString(), locale));
    }

    /** The team's reps by id: their names as the roster gives them. */
    Map<String, String> names(String teamId) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode rep : services.get(Service.ACTIVITY, "/api/v1/teams/{teamId}/reps?limit=500", teamId)) {
            names.put(rep.get("repId").asString(), rep.get("displayName").asString());
        }
        return names;
    }

    @GetMapping("/teams/{teamId}")
    String board(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "week") String period,
            @RequestParam(defaultValue = "calls") String chart,
            Model model,
            Locale locale) {
        PageAdvice.checkId(teamId);
        String chosen = PERIODS.contains(period) ? period : "week";
        String charted = CHART_MEASURES.contains(chart) ? chart : "calls";
        ActivityClient.Team team = activity.team(teamId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
        // The period so far, and the same days of the period before (like for like).
        Pending<JsonNode> now = services.async(() -> services.get(
                Service.KPI,
                "/api/v1/teams/{teamId}/kpis?period={period}&date={date}&compare=true",
                teamId,
                chosen,
                today));
        Pending<Map<String, String>> roster = services.async(() -> names(teamId));
        List<Pending<List<Signal>>> open = List.of("OPEN", "ACKNOWLEDGED").stream()
                .map(status -> services.async(() -> coaching.signalsOfTeam(teamId, status, 200)))
                .toList();
        Pending<JsonNode> pipeline =
                services.async(() -> services.get(Service.KPI, "/api/v1/teams/{teamId}/pipeline", teamId));
        Map<String, String> names = roster.get();
        names.put(teamId, team.name());
        Pending<List<TeamObjectives.Line>> running =
                services.async(() -> objectives.lines(teamId, today, names, locale));
        JsonNode period0 = now.get();
        LocalDate from = LocalDate.parse(period0.get("from").asString());
        Pending<JsonNode> daily = services.async(() -> services.get(
                Service.KPI,
                "/api/v1/teams/{teamId}/kpis/daily?from={from}&to={to}",
                teamId,
                from,
                today.isBefore(from) ? from : today));

        Map<String, JsonNode> previous = new HashMap<>();
        period0.get("reps").forEach(rep -> previous.put(rep.get("repId").asString(), rep.get("comparison")));
        List<RepLine> reps = new ArrayList<>();
        for (JsonNode rep : period0.get("reps")) {
            String repId = rep.get("repId").asString();
            reps.add(new RepLine(
                    repId,
                    names.getOrDefault(repId, repId),
                    measures(rep, previous.get(repId)),
                    Figures.money(rep.get("pipeline").get("revenueWon"), locale)));
        }
        reps.sort(Comparator.comparing(RepLine::name));
        List<SignalLine> signals = new ArrayList<>();
        for (Pending<List<Signal>> list : open) {
            for (Signal signal : list.get()) {
                String repId = signal.repId();
                String who = repId != null ? names.getOrDefault(repId, repId) : team.name();
                signals.add(new SignalLine(
                        signal.signalId(),
                        signal.severity().name(),
                        labels.signalTitle(signal, who, locale),
                        SignalPage.evidence(signal, labels, locale),
                        signal.isAcknowledged()));
            }
        }
        signals.sort(Comparator.comparing((SignalLine s) -> SEVERITIES.indexOf(s.severity()))
                .thenComparing(SignalLine::title));
        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", Figures.day(period0.get("from").asString(), locale));
        model.addAttribute("to", Figures.day(period0.get("to").asString(), locale));
        model.addAttribute("comparedWith", comparedWith(period0, labels, locale));
        model.addAttribute("reps", reps);
        model.addAttribute("signals", signals);
        model.addAttribute("objectives", running.get());
        model.addAttribute("pipeline", PipelineView.of(pipeline.get(), names, labels, locale));
        model.addAttribute("chart", charted);
        model.addAttribute("chartMeasures", CHART_MEASURES);
        model.addAttribute("chartData", DailyChart.ofTeam(daily.get(), names, charted));
        return "team";
    }
}
