package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

/**
 * A rep, as a manager prepares a 1:1 from facts: this week against last, the last four weeks day by day (a chart),
 * the objectives with attainment and pace, the open signals with their questions, and the recent recognitions.
 */
@Controller
class RepPage {

    /** An objective as the page shows it. */
    record ObjectiveLine(String metric, String attainment, String pace, String status, int bar) {
    }

    /** A signal or recognition to talk about. */
    record Talk(String signalId, String severity, String title, List<String> questions) {
    }

    static final int CHART_DAYS = 28;

    private final Services services;
    private final Labels labels;
    private final Clock clock;

    RepPage(Services services, Labels labels) {
        this.services = services;
        this.labels = labels;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/reps/{repId}")
    String rep(@PathVariable String repId, Model model, Locale locale) {
        PageAdvice.checkId(repId);
        JsonNode rep = services.get(Service.ACTIVITY, "/api/v1/reps/{repId}", repId);
        String teamId = rep.get("teamId").asString();
        JsonNode team = services.get(Service.ACTIVITY, "/api/v1/teams/{teamId}", teamId);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.get("timezone").asString())));
        JsonNode week = services.get(Service.KPI, "/api/v1/reps/{repId}/kpis?period=week&date={date}", repId, today);
        JsonNode before = services.get(Service.KPI, "/api/v1/reps/{repId}/kpis?period=week&date={date}", repId, today.minusWeeks(1));
        JsonNode daily = services.get(Service.KPI, "/api/v1/reps/{repId}/kpis/daily?from={from}&to={to}", repId,
                today.minusDays(CHART_DAYS - 1), today);
        JsonNode agenda = services.get(Service.COACHING, "/api/v1/reps/{repId}/one-on-one", repId);
        String name = rep.get("displayName").asString();
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";

        List<String> days = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        List<Long> connected = new ArrayList<>();
        List<Long> meetings = new ArrayList<>();
        for (JsonNode row : daily) {
            days.add(row.get("day").asString());
            calls.add(Figures.count(row.get("activity"), "calls"));
            connected.add(Figures.count(row.get("activity"), "connectedCalls"));
            meetings.add(Figures.count(row.get("activity"), "meetingsBooked"));
        }
        List<ObjectiveLine> objectives = new ArrayList<>();
        for (JsonNode objective : agenda.get("objectives")) {
            JsonNode attainment = objective.get("attainment");
            int bar = TeamObjectives.bar(attainment);
            objectives.add(new ObjectiveLine(labels.word("objective.metric." + objective.get("metric").asString(), locale),
                    Figures.percent(attainment, locale),
                    objective.hasNonNull("pace") ? Figures.number(objective.get("pace").decimalValue(), locale) : "—",
                    objective.get("status").asString(), bar));
        }
        List<Talk> toDiscuss = new ArrayList<>();
        for (JsonNode item : agenda.get("toDiscuss")) {
            JsonNode signal = item.get("signal");
            List<String> questions = new ArrayList<>();
            if (item.get("questions").has(language)) {
                item.get("questions").get(language).forEach(q -> questions.add(q.asString()));
            }
            toDiscuss.add(new Talk(signal.get("signalId").asString(), signal.get("severity").asString(),
                    labels.signalTitle(signal.get("type").asString(), name, locale), questions));
        }
        List<Talk> recognitions = new ArrayList<>();
        for (JsonNode signal : agenda.get("recognitions")) {
            recognitions.add(new Talk(signal.get("signalId").asString(), signal.get("severity").asString(),
                    labels.signalTitle(signal.get("type").asString(), name, locale), List.of()));
        }
        model.addAttribute("rep", rep);
        model.addAttribute("name", name);
        model.addAttribute("teamId", teamId);
        model.addAttribute("teamName", team.get("name").asString());
        model.addAttribute("measures", TeamBoard.measures(week, before));
        model.addAttribute("days", days);
        model.addAttribute("calls", calls);
        model.addAttribute("connected", connected);
        model.addAttribute("meetings", meetings);
        model.addAttribute("objectives", objectives);
        model.addAttribute("toDiscuss", toDiscuss);
        model.addAttribute("recognitions", recognitions);
        return "rep";
    }
}
