package io.salespulse.cockpit.web;

import io.salespulse.cockpit.services.ActivityClient;
import io.salespulse.cockpit.services.CoachingClient;
import io.salespulse.cockpit.services.CoachingClient.Signal;
import io.salespulse.cockpit.services.KpiClient;
import io.salespulse.cockpit.services.Services;
import io.salespulse.cockpit.services.Services.Pending;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

    /** An open signal as the board lists it; {@code linked}: part of another (a rep's drop within its team's). */
    record SignalLine(
            String signalId,
            String severity,
            String title,
            List<Map.Entry<String, String>> evidence,
            boolean acknowledged,
            String raised,
            boolean linked) {}

    /**
     * The open signals of one severity: the first three shown, the rest one click away.
     *
     * @param severity CRITICAL, WARNING or INFO
     * @param shown    the first {@value #SHOWN_PER_SEVERITY}
     * @param more     the others
     */
    record SignalGroup(String severity, List<SignalLine> shown, List<SignalLine> more) {

        public int count() {
            return shown.size() + more.size();
        }
    }

    /** The weeks of the team pulse the board shows. */
    static final int PULSE_WEEKS = 6;

    /** A week of the team pulse as the board says it, and its comments (from three). */
    record PulseLine(String text, List<String> comments) {}

    /** The team pulse's weeks, worded: the average only from three answers, never who answered what. */
    static List<PulseLine> pulseLines(List<CoachingClient.PulseWeek> weeks, Labels labels, Locale locale) {
        List<PulseLine> lines = new ArrayList<>();
        for (CoachingClient.PulseWeek week : weeks) {
            String day = Figures.day(week.week(), locale);
            String text = week.average() == null
                    ? labels.word("team.pulse.few", locale, day, week.answers(), week.invited())
                    : labels.word(
                            "team.pulse.week",
                            locale,
                            day,
                            Figures.decimal(week.average(), locale),
                            week.answers(),
                            week.invited());
            lines.add(new PulseLine(text, week.comments()));
        }
        return lines;
    }

    /** How many signals of each severity the board shows before "more". */
    static final int SHOWN_PER_SEVERITY = 3;

    /** The team's open signals by severity, the most severe first, each group in the order given. */
    static List<SignalGroup> groups(List<SignalLine> signals) {
        List<SignalGroup> groups = new ArrayList<>();
        for (String severity : SEVERITIES) {
            List<SignalLine> of =
                    signals.stream().filter(s -> s.severity().equals(severity)).toList();
            if (!of.isEmpty()) {
                int shown = Math.min(SHOWN_PER_SEVERITY, of.size());
                groups.add(new SignalGroup(severity, of.subList(0, shown), of.subList(shown, of.size())));
            }
        }
        return groups;
    }

    static final List<String> PERIODS = List.of("week", "month", "quarter");
    /** What the board's chart can show, as the KPI API names it. */
    static final List<String> CHART_MEASURES = List.of("calls", "connectedCalls", "meetingsBooked", "meetingsHeld");

    /** The measures of a rep's line (and a team's), by their key in the bundles. */
    private static final Map<String, ToLongFunction<KpiClient.PeriodFigures>> MEASURES = measureTable();

    private static Map<String, ToLongFunction<KpiClient.PeriodFigures>> measureTable() {
        Map<String, ToLongFunction<KpiClient.PeriodFigures>> measures = new LinkedHashMap<>();
        measures.put("calls", figures -> figures.activity().calls());
        measures.put("connected", figures -> figures.activity().connectedCalls());
        measures.put("meetingsBooked", figures -> figures.activity().meetingsBooked());
        measures.put("meetingsHeld", figures -> figures.activity().meetingsHeld());
        measures.put("dealsCreated", figures -> figures.pipeline().dealsCreated());
        measures.put("dealsWon", figures -> figures.pipeline().dealsWon());
        return Collections.unmodifiableMap(measures);
    }

    private static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final Services services;
    private final KpiClient kpi;
    private final ActivityClient activity;
    private final CoachingClient coaching;
    private final Labels labels;
    private final TeamObjectives objectives;
    private final Clock clock;

    private final io.salespulse.cockpit.security.CurrentUser user;

    TeamBoard(
            Services services,
            KpiClient kpi,
            ActivityClient activity,
            CoachingClient coaching,
            Labels labels,
            TeamObjectives objectives,
            io.salespulse.cockpit.security.CurrentUser user,
            Clock clock) {
        this.user = user;
        this.services = services;
        this.kpi = kpi;
        this.activity = activity;
        this.coaching = coaching;
        this.labels = labels;
        this.objectives = objectives;
        this.clock = clock;
    }

    /** Each measure of a period, and its change from the period before ({@code before} null: nothing then). */
    static List<Measure> measures(KpiClient.PeriodFigures now, KpiClient.PeriodFigures before) {
        List<Measure> measures = new ArrayList<>();
        MEASURES.forEach((key, measure) -> {
            long value = count(now, measure);
            long was = count(before, measure);
            measures.add(new Measure(key, value, Figures.change(value, was)));
        });
        return measures;
    }

    /** A measure of a period's figures (none, or a part missing: 0). */
    private static long count(KpiClient.PeriodFigures figures, ToLongFunction<KpiClient.PeriodFigures> measure) {
        return figures == null || figures.activity() == null || figures.pipeline() == null
                ? 0
                : measure.applyAsLong(figures);
    }

    /**
     * What a period's figures are compared with, in words: the same days of the period before while it runs ("against
     * 1-6 Nov", as kpi-service's {@code comparison} window says), else the whole period before.
     */
    static String comparedWith(KpiClient.Compared comparison, Labels labels, Locale locale) {
        return labels.word(
                comparison.likeForLike() ? "compare.sameDays" : "compare.whole",
                locale,
                Figures.day(comparison.from(), locale),
                Figures.day(comparison.to(), locale));
    }

    /** The team's manager asks this week's pulse question now (to the reps not asked yet). */
    @org.springframework.web.bind.annotation.PostMapping("/teams/{teamId}/pulse/ask")
    String askPulse(@PathVariable String teamId, org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        PageAdvice.checkId(teamId);
        flash.addFlashAttribute("pulseAsked", coaching.askPulse(teamId));
        return "redirect:/teams/" + teamId + "#team-care";
    }

    /** The team's reps by id: their names as the roster gives them. */
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
        Pending<KpiClient.TeamKpis> now = services.async(() -> kpi.teamKpis(teamId, chosen, today));
        Pending<List<ActivityClient.Rep>> roster = services.async(() -> activity.repsOf(teamId));
        List<Pending<List<Signal>>> open = List.of("OPEN", "ACKNOWLEDGED").stream()
                .map(status -> services.async(() -> coaching.signalsOfTeam(teamId, status, 200)))
                .toList();
        Pending<KpiClient.Pipeline> pipeline = services.async(() -> kpi.pipeline(teamId));
        Map<String, String> names = new java.util.HashMap<>();
        roster.get().forEach(rep -> names.put(rep.repId(), rep.displayName()));
        boolean hasCsm =
                roster.get().stream().anyMatch(rep -> "CSM".equals(rep.role()) && !Boolean.FALSE.equals(rep.active()));
        names.put(teamId, team.name());
        Pending<List<TeamObjectives.Line>> running =
                services.async(() -> objectives.lines(teamId, today, names, locale));
        KpiClient.TeamKpis period0 = now.get();
        LocalDate from = period0.from();
        Pending<KpiClient.TeamDaily> daily =
                services.async(() -> kpi.teamDaily(teamId, from, today.isBefore(from) ? from : today));

        List<RepLine> reps = new ArrayList<>();
        for (KpiClient.RepKpis rep : period0.reps()) {
            reps.add(new RepLine(
                    rep.repId(),
                    names.getOrDefault(rep.repId(), rep.repId()),
                    measures(rep, rep.comparison()),
                    Figures.money(rep.pipeline() == null ? null : rep.pipeline().revenueWon(), locale)));
        }
        reps.sort(Comparator.comparing(RepLine::name));
        List<SignalLine> signals = new ArrayList<>();
        List<SignalLine> care = new ArrayList<>();
        for (Pending<List<Signal>> list : open) {
            for (Signal signal : list.get()) {
                String repId = signal.repId();
                String who = repId != null ? names.getOrDefault(repId, repId) : team.name();
                // Care signals (only the team's managers get them) apart: never in the severity groups.
                (signal.type() != null && signal.type().isCare() ? care : signals)
                        .add(new SignalLine(
                                signal.signalId(),
                                signal.severity().name(),
                                labels.signalTitle(signal, who, locale),
                                SignalPage.evidence(signal, labels, locale),
                                signal.isAcknowledged(),
                                Figures.ago(
                                        signal.raisedAt(), clock.instant(), ZoneId.of(team.timezone()), labels, locale),
                                signal.linkedTo() != null));
            }
        }
        signals.sort(Comparator.comparing((SignalLine s) -> SEVERITIES.indexOf(s.severity()))
                .thenComparing(SignalLine::title));
        model.addAttribute("team", team);
        model.addAttribute("teamId", teamId);
        model.addAttribute("hasCsm", hasCsm);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("from", Figures.day(period0.from(), locale));
        model.addAttribute("periodFrom", period0.from());
        model.addAttribute("periodTo", period0.to());
        model.addAttribute("to", Figures.day(period0.to(), locale));
        model.addAttribute("comparedWith", comparedWith(period0.comparison(), labels, locale));
        model.addAttribute("reps", reps);
        model.addAttribute("signals", signals);
        model.addAttribute("signalGroups", groups(signals));
        care.sort(Comparator.comparing(SignalLine::title));
        model.addAttribute("care", care);
        // The section is the team's managers' own: leadership and admins get no care signal, and see no section.
        boolean seesCare = user.get().isManager() && user.get().teams().contains(teamId);
        model.addAttribute("seesCare", seesCare);
        model.addAttribute("runsPulse", team.care().runsPulse());
        model.addAttribute(
                "pulse",
                seesCare && team.care().runsPulse()
                        ? pulseLines(coaching.teamPulse(teamId, PULSE_WEEKS), labels, locale)
                        : List.of());
        model.addAttribute(
                "careOff",
                team.care().off().stream()
                        .map(rule -> labels.word("care.rule." + rule, locale))
                        .collect(java.util.stream.Collectors.joining(", ")));
        // The team's key figures against the comparable span before, above everything else.
        model.addAttribute("summary", measures(period0.totals(), period0.comparison()));
        model.addAttribute(
                "revenueNow",
                Figures.money(
                        period0.totals() == null || period0.totals().pipeline() == null
                                ? null
                                : period0.totals().pipeline().revenueWon(),
                        locale));
        model.addAttribute(
                "revenueBefore",
                Figures.money(
                        period0.comparison() == null || period0.comparison().pipeline() == null
                                ? null
                                : period0.comparison().pipeline().revenueWon(),
                        locale));
        model.addAttribute("objectives", running.get());
        model.addAttribute("pipeline", PipelineView.of(pipeline.get(), names, labels, locale));
        model.addAttribute("chart", charted);
        model.addAttribute("chartMeasures", CHART_MEASURES);
        model.addAttribute("chartData", DailyChart.ofTeam(daily.get(), names, charted));
        return "team";
    }
}
