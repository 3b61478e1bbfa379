package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.cockpit.services.Services.Service;
import java.time.Clock;
import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;

/**
 * A rep, as a manager prepares a 1:1 from facts: this week against last, the last four weeks day by day (a chart),
 * the objectives with attainment and pace, the open deals, the open signals with their questions, and the recent
 * recognitions.
 */
@Controller
class RepPage {

    /** An objective as the page shows it. */
    record ObjectiveLine(String metric, String attainment, String pace, String status, int bar) {
    }

    /** A signal or recognition to talk about. */
    record Talk(String signalId, String severity, String title, List<String> questions) {
    }

    /** An open deal as the page lists it. */
    record DealLine(String name, String stage, String amount, String daysInStage, String expectedClose, boolean closeDatePassed) {
    }

    static final int CHART_DAYS = 28;
    static final int DEALS_SHOWN = 50;

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
        Pending<JsonNode> week = services.async(() -> services.get(Service.KPI, "/api/v1/reps/{repId}/kpis?period=week&date={date}",
                repId, today));
        Pending<JsonNode> before = services.async(() -> services.get(Service.KPI,
                "/api/v1/reps/{repId}/kpis?period=week&date={date}", repId, today.minusWeeks(1)));
        Pending<JsonNode> daily = services.async(() -> services.get(Service.KPI, "/api/v1/reps/{repId}/kpis/daily?from={from}&to={to}",
                repId, today.minusDays(CHART_DAYS - 1), today));
        Pending<JsonNode> openDeals = services.async(() -> services.get(Service.KPI, "/api/v1/reps/{repId}/deals?limit={limit}",
                repId, DEALS_SHOWN + 1));
        JsonNode agenda = services.get(Service.COACHING, "/api/v1/reps/{repId}/one-on-one", repId);
        String name = rep.get("displayName").asString();
        String language = "fr".equals(locale.getLanguage()) ? "fr" : "en";

        Map<String, String> charted = new LinkedHashMap<>();
        charted.put("calls", labels.word("measure.calls", locale));
        charted.put("connectedCalls", labels.word("measure.connected", locale));
        charted.put("meetingsBooked", labels.word("measure.meetingsBooked", locale));
        List<DealLine> deals = new ArrayList<>();
        for (JsonNode deal : openDeals.get()) {
            if (deals.size() == DEALS_SHOWN) {
                break;
            }
            String amount = deal.hasNonNull("amount")
                    ? Figures.number(deal.get("amount").decimalValue().setScale(0, java.math.RoundingMode.HALF_UP), locale) + " "
                    + deal.get("currency").asString() : "—";
            deals.add(new DealLine(deal.hasNonNull("name") ? deal.get("name").asString() : deal.get("dealId").asString(),
                    labels.word("stage." + deal.get("stage").asString(), locale), amount,
                    deal.hasNonNull("daysInStage") ? deal.get("daysInStage").asString() : "—",
                    deal.hasNonNull("expectedCloseDate") ? deal.get("expectedCloseDate").asString() : "—",
                    deal.get("closeDatePassed").asBoolean()));
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
        model.addAttribute("measures", TeamBoard.measures(week.get(), before.get()));
        model.addAttribute("chartData", DailyChart.ofRep(daily.get(), charted));
        model.addAttribute("deals", deals);
        model.addAttribute("dealsCapped", openDeals.get().size() > DEALS_SHOWN);
        model.addAttribute("objectives", objectives);
        model.addAttribute("toDiscuss", toDiscuss);
        model.addAttribute("recognitions", recognitions);
        return "rep";
    }
}
