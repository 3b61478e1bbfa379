package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.KpiClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

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

    private final KpiClient kpi;
    private final Labels labels;

    TeamObjectives(KpiClient kpi, Labels labels) {
        this.kpi = kpi;
        this.labels = labels;
    }

    /** Bars: a ratio as 0..100. */
    static int bar(BigDecimal ratio) {
        return ratio == null
                ? 0
                : Math.max(0, Math.min(100, ratio.movePointRight(2).intValue()));
    }

    /** The team's running objectives with their figures as of today, in the page's language. */
    List<Line> lines(String teamId, LocalDate today, Map<String, String> names, Locale locale) {
        return lines(kpi.objectivesOfTeam(teamId, today, false), names, locale);
    }

    /** The team's objectives set to start after today (next month's, a ramp's later weeks), soonest first. */
    List<Line> upcoming(String teamId, LocalDate today, Map<String, String> names, Locale locale) {
        return lines(kpi.objectivesOfTeam(teamId, today, true), names, locale);
    }

    /** Objectives as kpi-service lists them, as the pages show them. */
    List<Line> lines(List<KpiClient.Objective> objectives, Map<String, String> names, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (KpiClient.Objective o : objectives) {
            String currency = o.currency() != null ? " " + o.currency() : "";
            boolean ratio = ObjectivesPage.isRatio(o.metric());
            String ofCurrency = o.currency() != null ? " (" + o.currency() + ")" : "";
            lines.add(new Line(
                    o.objectiveId(),
                    names.getOrDefault(o.scopeId(), o.scopeId()),
                    labels.word("objective.metric." + o.metric(), locale),
                    ratio
                            ? Figures.percent(o.target(), locale) + currency
                            : Figures.number(o.target(), locale) + currency,
                    ratio
                            ? Figures.percent(o.actual(), locale) + currency
                            : Figures.number(o.actual(), locale) + currency,
                    Figures.percent(o.attainment(), locale),
                    o.pace() == null ? "—" : Figures.percent(o.pace(), locale),
                    o.status(),
                    bar(o.attainment()),
                    bar(o.pace()),
                    Figures.day(o.periodStart(), locale),
                    Figures.day(o.periodEnd(), locale)));
        }
        return lines;
    }
}
