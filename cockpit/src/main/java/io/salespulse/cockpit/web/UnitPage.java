package io.salespulse.cockpit.web;

import io.salespulse.cockpit.security.CurrentUser;
import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import io.salespulse.contracts.signal.SignalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a director reads first (and leadership, at the company unit): the unit's figures in its reporting currency
 * against the period before, the rates that converted them (or the one missing), the units under it, its teams ranked by
 * attainment and coverage, a heatmap of their open weak signals by type (counts only, never a care signal), the signals
 * about a team to acknowledge, and the forecast hierarchy: the unit's call (a form for its directors), the calls of the
 * units, teams and reps under it, and each caller's accuracy.
 */
@Controller
class UnitPage {

    /** An amount as the page writes it: the converted total, or per currency with the missing rates. */
    record Amount(String total, String perCurrency, boolean converted) {}

    /** A team's line, in rank order. */
    record TeamRank(
            int rank,
            String teamId,
            String name,
            String attainment,
            String coverage,
            Amount won,
            Amount open,
            long calls,
            String callsChange,
            long signals,
            long signalsWeekAgo,
            String call) {}

    /** A unit under, with its total. */
    record UnitRow(String unitId, String name, int teams, Amount won, String attainment, String call) {}

    /** A heatmap row: the team, a count per column type, its total and a week ago. */
    record HeatLine(String teamId, String name, List<Long> counts, long total, long weekAgo) {}

    /** A signal about a team, to open (and acknowledge) on its page. */
    record TeamSignal(
            String teamId, String signalId, String team, String title, String severity, boolean acknowledged) {}

    /** A call in force, as the hierarchy lists it. */
    record CallLine(String level, String who, String forWhom, String amount, String week, String note) {}

    /** A caller's accuracy. */
    record AccuracyLine(String level, String who, String forWhom, int calls, String accuracy) {}

    private final ActivityClient activity;
    private final KpiClient kpi;
    private final CoachingClient coaching;
    private final Services services;
    private final CurrentUser user;
    private final Labels labels;

    UnitPage(
            ActivityClient activity,
            KpiClient kpi,
            CoachingClient coaching,
            Services services,
            CurrentUser user,
            Labels labels) {
        this.activity = activity;
        this.kpi = kpi;
        this.coaching = coaching;
        this.services = services;
        this.user = user;
        this.labels = labels;
    }

    @GetMapping("/units/{unitId}")
    String unit(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "week") String period,
            Model model,
            Locale locale) {
        PageAdvice.checkId(unitId);
        String chosen = TeamBoard.PERIODS.contains(period) ? period : "week";
        Pending<ActivityClient.Unit> unit = services.async(() -> activity.unit(unitId));
        Pending<List<ActivityClient.Unit>> readable = services.async(activity::units);
        Pending<KpiClient.Rollup> rollup = services.async(() -> kpi.unitRollup(unitId, chosen));
        Pending<KpiClient.UnitForecast> forecast = services.async(() -> kpi.unitForecast(unitId));
        Pending<CoachingClient.Heatmap> heatmap = services.async(() -> coaching.heatmap(unitId));
        Pending<Map<String, String>> people = services.async(activity::people);
        ActivityClient.Unit shown = unit.get();
        KpiClient.Rollup figures = rollup.get();
        CoachingClient.Heatmap signals = heatmap.get();
        Map<String, String> names = new LinkedHashMap<>(people.get());
        Map<String, ActivityClient.Unit> units = readable.get().stream()
                .collect(Collectors.toMap(ActivityClient.Unit::unitId, u -> u, (a, b) -> a, LinkedHashMap::new));

        model.addAttribute("unit", shown);
        model.addAttribute("unitId", unitId);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", TeamBoard.PERIODS);
        model.addAttribute("from", Figures.day(figures.from(), locale));
        model.addAttribute("to", Figures.day(figures.to(), locale));
        model.addAttribute(
                "comparedWith",
                figures.window() == null
                        ? ""
                        : labels.word(
                                "unit.comparedWith",
                                locale,
                                Figures.day(figures.window().from(), locale),
                                Figures.day(figures.window().to(), locale)));
        // The units above it the user reads, the nearest last: a way back up.
        List<ActivityClient.Unit> above = new ArrayList<>();
        for (String id : shown.path()) {
            if (units.containsKey(id)) {
                above.add(0, units.get(id));
            }
        }
        model.addAttribute("above", above);
        KpiClient.UnitFigures total = figures.total();
        model.addAttribute("calls", total.activity().calls());
        model.addAttribute(
                "callsChange",
                Figures.change(total.activity().calls(), total.activityBefore().calls()));
        model.addAttribute("meetings", total.activity().meetingsHeld());
        model.addAttribute(
                "meetingsChange",
                Figures.change(
                        total.activity().meetingsHeld(), total.activityBefore().meetingsHeld()));
        model.addAttribute("won", amount(total.revenueWon(), locale));
        model.addAttribute("wonBefore", amount(total.revenueWonBefore(), locale));
        model.addAttribute("open", amount(total.open(), locale));
        model.addAttribute("weighted", amount(total.weighted(), locale));
        KpiClient.ForecastFigures quarter = total.forecast();
        model.addAttribute("attainment", Figures.percent(quarter.attainment(), locale));
        model.addAttribute("coverage", Figures.percent(quarter.coverage(), locale));
        model.addAttribute("closed", amount(quarter.closed(), locale));
        model.addAttribute("quota", amount(quarter.quota(), locale));
        model.addAttribute("objectives", total.objectives());
        model.addAttribute("rates", rates(figures, locale));
        model.addAttribute("missing", missing(figures, locale));

        Map<String, CoachingClient.HeatRow> heat =
                signals.teams().stream().collect(Collectors.toMap(CoachingClient.HeatRow::teamId, r -> r, (a, b) -> a));
        KpiClient.UnitForecast hierarchy = forecast.get();
        Map<String, String> managerCalls = new LinkedHashMap<>();
        hierarchy.teams().stream()
                .filter(team -> team.call() != null)
                .forEach(team -> managerCalls.put(
                        team.teamId(),
                        Figures.amount(team.call().amount(), team.call().currency(), locale)));
        List<TeamRank> ranked = new ArrayList<>();
        int rank = 0;
        for (KpiClient.TeamLine team : figures.teams()) {
            KpiClient.UnitFigures f = team.figures();
            CoachingClient.HeatRow row = heat.get(team.teamId());
            ranked.add(new TeamRank(
                    ++rank,
                    team.teamId(),
                    team.name(),
                    Figures.percent(f.forecast().attainment(), locale),
                    Figures.percent(f.forecast().coverage(), locale),
                    amount(f.revenueWon(), locale),
                    amount(f.open(), locale),
                    f.activity().calls(),
                    Figures.change(f.activity().calls(), f.activityBefore().calls()),
                    row == null ? 0 : row.total(),
                    row == null ? 0 : row.weekAgo(),
                    managerCalls.getOrDefault(team.teamId(), "—")));
        }
        model.addAttribute("teams", ranked);
        // The reps who called, by name: the names of the teams where one did.
        List<Pending<Map<String, String>>> repNames = hierarchy.teams().stream()
                .filter(team -> !team.repCalls().isEmpty())
                .map(team -> services.async(() -> activity.namesOf(team.teamId())))
                .toList();
        repNames.forEach(pending -> names.putAll(pending.get()));
        Map<String, KpiClient.Call> unitCalls = new LinkedHashMap<>();
        hierarchy.units().forEach(u -> unitCalls.put(u.unitId(), u.call()));
        List<UnitRow> children = new ArrayList<>();
        for (KpiClient.UnitLine child : figures.units()) {
            KpiClient.Call call = unitCalls.get(child.unitId());
            children.add(new UnitRow(
                    child.unitId(),
                    child.name(),
                    child.teams(),
                    amount(child.figures().revenueWon(), locale),
                    Figures.percent(child.figures().forecast().attainment(), locale),
                    call == null ? "—" : Figures.amount(call.amount(), call.currency(), locale)));
        }
        model.addAttribute("children", children);
        model.addAttribute("readableUnits", units.keySet());

        List<SignalType> types = signals.types();
        model.addAttribute(
                "heatTypes",
                types.stream()
                        .map(t -> labels.word("unit.heat." + t.name(), locale))
                        .toList());
        model.addAttribute(
                "heat",
                signals.teams().stream()
                        .map(r -> new HeatLine(
                                r.teamId(),
                                r.name(),
                                types.stream()
                                        .map(t -> r.open().getOrDefault(t, 0L))
                                        .toList(),
                                r.total(),
                                r.weekAgo()))
                        .toList());
        model.addAttribute(
                "heatTotals",
                types.stream().map(t -> signals.totals().getOrDefault(t, 0L)).toList());
        List<TeamSignal> teamSignals = new ArrayList<>();
        for (CoachingClient.HeatRow row : signals.teams()) {
            for (CoachingClient.Signal signal : row.teamSignals()) {
                teamSignals.add(new TeamSignal(
                        row.teamId(),
                        signal.signalId(),
                        row.name(),
                        labels.signalTitle(signal, row.name(), locale),
                        signal.severity().name(),
                        signal.acknowledgedAt() != null));
            }
        }
        model.addAttribute("teamSignals", teamSignals);

        model.addAttribute("forecastFrom", Figures.day(hierarchy.from(), locale));
        model.addAttribute("forecastTo", Figures.day(hierarchy.to(), locale));
        model.addAttribute("currency", hierarchy.currency());
        List<CallLine> below = new ArrayList<>(calls(hierarchy.calls(), "UNIT", names, shown.name(), locale));
        for (KpiClient.UnitCall child : hierarchy.units()) {
            if (child.call() != null) {
                below.addAll(calls(List.of(child.call()), "UNIT", names, child.name(), locale));
            }
        }
        Map<String, String> teamNames = new LinkedHashMap<>();
        for (KpiClient.TeamCall team : hierarchy.teams()) {
            teamNames.put(team.teamId(), team.name());
            if (team.call() != null) {
                below.addAll(calls(List.of(team.call()), "TEAM", names, team.name(), locale));
            }
        }
        for (KpiClient.TeamCall team : hierarchy.teams()) {
            for (KpiClient.Call call : team.repCalls()) {
                below.addAll(calls(
                        List.of(call), "REP", names, names.getOrDefault(call.subjectId(), call.subjectId()), locale));
            }
        }
        model.addAttribute("callLines", below);
        Map<String, String> subjects = new LinkedHashMap<>(teamNames);
        units.values().forEach(u -> subjects.put(u.unitId(), u.name()));
        model.addAttribute(
                "accuracy",
                hierarchy.accuracy().stream()
                        .map(a -> new AccuracyLine(
                                labels.word("unit.level." + a.level(), locale),
                                names.getOrDefault(a.managerId(), a.managerId()),
                                subjects.getOrDefault(a.subjectId(), names.getOrDefault(a.subjectId(), a.subjectId())),
                                a.calls(),
                                Figures.percent(a.accuracy(), locale)))
                        .toList());
        model.addAttribute(
                "mayCall",
                user.get().isAdmin()
                        || user.get().isDirector() && directs(shown, user.get().units()));
        return "unit";
    }

    /** Whether one of {@code mine} is the unit or a unit above it. */
    static boolean directs(ActivityClient.Unit unit, List<String> mine) {
        return mine.contains(unit.unitId()) || unit.path().stream().anyMatch(mine::contains);
    }

    /** The director's call for the unit's quarter. */
    @PostMapping("/units/{unitId}/forecast/call")
    String call(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes flash) {
        PageAdvice.checkId(unitId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", PipelineReviewPage.typedAmount(amount));
        body.put("currency", currency);
        body.put("period", "quarter");
        body.put("note", note.isBlank() ? null : note);
        try {
            kpi.unitCall(unitId, body);
        } catch (Services.ServiceRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            flash.addFlashAttribute("callErrors", labels.fieldErrors(refusal.fieldErrors()));
            flash.addFlashAttribute("callForm", Map.of("amount", amount, "currency", currency, "note", note));
            return "redirect:/units/" + unitId + "#unit-call";
        }
        flash.addFlashAttribute("called", true);
        return "redirect:/units/" + unitId + "#unit-call";
    }

    private List<CallLine> calls(
            List<KpiClient.Call> calls, String level, Map<String, String> names, String forWhom, Locale locale) {
        return calls.stream()
                .filter(c -> c.replacedAt() == null)
                .map(c -> new CallLine(
                        labels.word("unit.level." + level, locale),
                        names.getOrDefault(c.managerId(), c.managerId()),
                        forWhom,
                        Figures.amount(c.amount(), c.currency(), locale),
                        Figures.day(c.week(), locale),
                        c.note() == null ? "" : c.note()))
                .toList();
    }

    /** The converted total with its currencies beside it, or the currencies alone when a rate is missing. */
    static Amount amount(KpiClient.Conversion conversion, Locale locale) {
        if (conversion == null) {
            return new Amount("—", "", false);
        }
        String perCurrency = Figures.money(conversion.amounts(), locale);
        if (conversion.total() == null) {
            return new Amount(perCurrency, "", false);
        }
        boolean several = conversion.amounts().keySet().stream().anyMatch(c -> !c.equals(conversion.currency()));
        return new Amount(
                Figures.amount(conversion.total(), conversion.currency(), locale), several ? perCurrency : "", several);
    }

    /** The rates that converted the page's amounts, once each ("1 USD = 0,92 EUR, since 1 Oct"). */
    private List<String> rates(KpiClient.Rollup rollup, Locale locale) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (KpiClient.Conversion conversion : conversions(rollup)) {
            for (KpiClient.Rate rate : conversion.rates()) {
                if (seen.add(rate.from() + rate.to() + rate.effectiveFrom())) {
                    lines.add(labels.word(
                            "unit.rate",
                            locale,
                            rate.from(),
                            Figures.decimal(rate.rate(), locale),
                            rate.to(),
                            Figures.day(rate.effectiveFrom(), locale)));
                }
            }
        }
        return lines;
    }

    /** The currencies with no rate into the unit's on the rate day, said once. */
    private String missing(KpiClient.Rollup rollup, Locale locale) {
        Set<String> missing = new java.util.TreeSet<>();
        conversions(rollup).forEach(c -> missing.addAll(c.missing()));
        return missing.isEmpty()
                ? null
                : labels.word(
                        "unit.missingRate",
                        locale,
                        String.join(", ", missing),
                        rollup.currency(),
                        Figures.day(rollup.rateDay(), locale));
    }

    private static List<KpiClient.Conversion> conversions(KpiClient.Rollup rollup) {
        List<KpiClient.Conversion> all = new ArrayList<>();
        List<KpiClient.UnitFigures> figures = new ArrayList<>(List.of(rollup.total()));
        rollup.teams().forEach(t -> figures.add(t.figures()));
        for (KpiClient.UnitFigures f : figures) {
            all.addAll(java.util.Arrays.asList(
                    f.revenueWon(),
                    f.revenueWonBefore(),
                    f.open(),
                    f.weighted(),
                    f.forecast().closed(),
                    f.forecast().quota(),
                    f.forecast().commitTotal()));
        }
        all.removeIf(java.util.Objects::isNull);
        return all;
    }
}
