package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Service;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** A team's running and upcoming objectives with attainment, pace and status, as the board and the objectives page list them. */
@Component
class TeamObjectives {

    /** An objective as the pages list it. */
    record Line(
            String objectiveId,
            String who,
            String metric,
            String target,
            String actual,
            String attainment,
            String pace,
            String status,
            int bar,
            int paceBar,
            String periodStart,
            String periodEnd) {}

    private final Services services;
    private final Labels labels;

    TeamObjectives(Services services, Labels labels) {
        this.services = services;
        this.labels = labels;
    }

    /** Bars: a ratio as 0..100. */
    static int bar(JsonNode ratio) {
        return ratio == null || ratio.isNull()
                ? 0
                : Math.max(
                        0, Math.min(100, ratio.decimalValue().movePointRight(2).intValue()));
    }

    /** The team's running objectives with their figures as of today, in the page's language. */
    List<Line> lines(String teamId, LocalDate today, Map<String, String> names, Locale locale) {
        return lines(
                services.get(Service.KPI, "/api/v1/teams/{teamId}/objectives?date={date}", teamId, today),
                names,
                locale);
    }

    /** The team's objectives set to start after today (next month's, a ramp's later weeks), soonest first. */
    List<Line> upcoming(String teamId, LocalDate today, Map<String, String> names, Locale locale) {
        return lines(
                services.get(Service.KPI, "/api/v1/teams/{teamId}/objectives?date={date}&upcoming=true", teamId, today),
                names,
                locale);
    }

    /** Objectives as kpi-service lists them, as the pages show them. */
    List<Line> lines(JsonNode objectives, Map<String, String> names, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode o : objectives) {
            String scopeId = o.get("scopeId").asString();
            String currency = o.hasNonNull("currency") ? " " + o.get("currency").asString() : "";
            JsonNode pace = o.get("pace");
            lines.add(new Line(
                    o.get("objectiveId").asString(),
                    names.getOrDefault(scopeId, scopeId),
                    labels.word("objective.metric." + o.get("metric").asString(), locale),
                    Figures.number(o.get("target").decimalValue(), locale) + currency,
                    Figures.number(o.get("actual").decimalValue(), locale) + currency,
                    Figures.percent(o.get("attainment"), locale),
                    pace == null || pace.isNull() ? "—" : Figures.percent(pace, locale),
                    o.get("status").asString(),
                    bar(o.get("attainment")),
                    bar(pace),
                    Figures.day(o.get("periodStart").asString(), locale),
                    Figures.day(o.get("periodEnd").asString(), locale)));
        }
        return lines;
    }
}
