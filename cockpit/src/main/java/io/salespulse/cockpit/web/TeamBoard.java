package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.Services;
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
 * The team board, the weekly ritual: this period against the one before per rep, and the open signals by severity
 * with their evidence. Every figure from the services.
 */
@Controller
class TeamBoard {

    /** One rep's line: each measure now, and its change from the period before. */
    record RepLine(String repId, String name, List<Measure> measures, String revenue) {
    }

    /** A measure of a rep's line. */
    record Measure(String key, long now, String change) {
    }

    /** An open signal as the board lists it. */
    record SignalLine(String signalId, String severity, String title, List<Map.Entry<String, String>> evidence, boolean acknowledged) {
    }

    static final List<String> PERIODS = List.of("week", "month", "quarter");
    private static final List<String[]> MEASURES = List.of(new String[] {"calls", "activity", "calls"},
            new String[] {"connected", "activity", "connectedCalls"}, new String[] {"meetingsBooked", "activity", "meetingsBooked"},
            new String[] {"meetingsHeld", "activity", "meetingsHeld"}, new String[] {"dealsCreated", "pipeline", "dealsCreated"},
            new String[] {"dealsWon", "pipeline", "dealsWon"});
    private static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final Services services;
    private final Labels labels;
    private final TeamObjectives objectives;
    private final Clock clock;

    TeamBoard(Services services, Labels labels, TeamObjectives objectives) {
        this.services = services;
        this.labels = labels;
        this.objectives = objectives;
        this.clock = Clock.systemUTC();
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

    @GetMapping("/teams/{teamId}")
    String board(@PathVariable String teamId, @RequestParam(defaultValue = "week") String period, Model model, Locale locale) {
        PageAdvice.checkId(teamId);
        String chosen = PERIODS.contains(period) ? period : "week";
        JsonNode team = services.get(Service.ACTIVITY, "/api/v1/teams/{teamId}", teamId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.get("timezone").asString())));
        LocalDate before = switch (chosen) {
            case "month" -> today.minusMonths(1);
            case "quarter" -> today.minusMonths(3);
            default -> today.minusWeeks(1);
        };
        JsonNode now = services.get(Service.KPI, "/api/v1/teams/{teamId}/kpis?period={period}&date={date}", teamId, chosen, today);
        JsonNode then = services.get(Service.KPI, "/api/v1/teams/{teamId}/kpis?period={period}&date={date}", teamId, chosen, before);
        Map<String, String> names = new HashMap<>();
        for (JsonNode rep : services.get(Service.ACTIVITY, "/api/v1/teams/{teamId}/reps?limit=500", teamId)) {
            names.put(rep.get("repId").asString(), rep.get("displayName").asString());
        }
        Map<String, JsonNode> previous = new HashMap<>();
        then.get("reps").forEach(rep -> previous.put(rep.get("repId").asString(), rep));
        List<RepLine> reps = new ArrayList<>();
        for (JsonNode rep : now.get("reps")) {
            String repId = rep.get("repId").asString();
            reps.add(new RepLine(repId, names.getOrDefault(repId, repId), measures(rep, previous.get(repId)),
                    Figures.money(rep.get("pipeline").get("revenueWon"), locale)));
        }
        reps.sort(Comparator.comparing(RepLine::name));
        List<SignalLine> signals = new ArrayList<>();
        List<JsonNode> open = new ArrayList<>();
        for (String status : List.of("OPEN", "ACKNOWLEDGED")) {
            services.get(Service.COACHING, "/api/v1/teams/{teamId}/signals?status={status}&limit=200", teamId, status).forEach(open::add);
        }
        for (JsonNode signal : open) {
            String status = signal.get("status").asString();
            String repId = signal.hasNonNull("repId") ? signal.get("repId").asString() : null;
            String who = repId != null ? names.getOrDefault(repId, repId) : team.get("name").asString();
            signals.add(new SignalLine(signal.get("signalId").asString(), signal.get("severity").asString(),
                    labels.signalTitle(signal.get("type").asString(), who, locale), SignalPage.evidence(signal, labels, locale),
                    "ACKNOWLEDGED".equals(status)));
        }
        signals.sort(Comparator.comparing((SignalLine s) -> SEVERITIES.indexOf(s.severity())).thenComparing(SignalLine::title));
        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", now.get("from").asString());
        model.addAttribute("to", now.get("to").asString());
        model.addAttribute("reps", reps);
        model.addAttribute("signals", signals);
        names.put(teamId, team.get("name").asString());
        model.addAttribute("objectives", objectives.lines(teamId, today, names, locale));
        return "team";
    }
}
