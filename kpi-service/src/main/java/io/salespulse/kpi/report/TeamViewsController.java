package io.salespulse.kpi.report;

import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.Measures;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import io.salespulse.kpi.periods.Period;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A team's objectives, leaderboard and pipeline. */
@RestController
class TeamViewsController {

    private final RosterStore roster;
    private final ObjectiveTracker objectives;
    private final RepDayStore repDays;
    private final TeamPipeline pipelines;
    private final KpiController kpis;

    TeamViewsController(
            RosterStore roster,
            ObjectiveTracker objectives,
            RepDayStore repDays,
            TeamPipeline pipelines,
            KpiController kpis) {
        this.roster = roster;
        this.objectives = objectives;
        this.repDays = repDays;
        this.pipelines = pipelines;
        this.kpis = kpis;
    }

    /** One objective with its figures. */
    record ObjectiveView(
            String objectiveId,
            ObjectiveScope scope,
            String scopeId,
            ObjectiveMetric metric,
            BigDecimal target,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal actual,
            BigDecimal attainment,
            BigDecimal elapsed,
            BigDecimal projection,
            BigDecimal pace,
            ObjectiveStatus status) {}

    /**
     * A team's objectives running on the day (today by default), with their figures; with {@code upcoming=true}, those
     * set to start after it instead (soonest first).
     */
    @Operation(summary = "A team's running objectives with attainment, pace and status")
    @GetMapping("/api/v1/teams/{teamId}/objectives")
    List<ObjectiveView> objectives(
            @PathVariable String teamId,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean upcoming) {
        TeamChanged team = team(teamId);
        LocalDate day = kpis.date(date, ZoneId.of(team.timezone()));
        return upcoming ? upcomingViews(objectives.upcomingOfTeam(teamId, day)) : views(objectives.ofTeam(teamId, day));
    }

    /**
     * A rep's own objectives running on the day (today by default), with their figures: what the rep reads of them;
     * with {@code upcoming=true}, those set to start after it.
     */
    @Operation(summary = "A rep's running objectives with attainment, pace and status")
    @GetMapping("/api/v1/reps/{repId}/objectives")
    List<ObjectiveView> repObjectives(
            @PathVariable String repId,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean upcoming) {
        String teamId = roster.rep(repId)
                .map(io.salespulse.contracts.org.RepChanged::teamId)
                .orElseThrow(() -> new io.salespulse.kit.web.NotFoundException("No rep " + repId));
        LocalDate day = kpis.date(date, roster.zoneOf(repId));
        List<ObjectiveTracker.Tracked> tracked = (upcoming
                        ? objectives.upcomingOfTeam(teamId, day)
                        : objectives.ofTeam(teamId, day))
                .stream()
                        .filter(t -> t.objective().scope() == io.salespulse.contracts.objective.ObjectiveScope.REP
                                && t.objective().scopeId().equals(repId))
                        .toList();
        return upcoming ? upcomingViews(tracked) : views(tracked);
    }

    /** Upcoming objectives in the order they start. */
    private static List<ObjectiveView> upcomingViews(List<ObjectiveTracker.Tracked> tracked) {
        return tracked.stream().map(TeamViewsController::view).toList();
    }

    private static List<ObjectiveView> views(List<ObjectiveTracker.Tracked> tracked) {
        return tracked.stream()
                .sorted(Comparator.comparing(
                                (ObjectiveTracker.Tracked t) -> t.objective().scope())
                        .thenComparing(t -> t.objective().scopeId())
                        .thenComparing(t -> t.objective().objectiveId()))
                .map(TeamViewsController::view)
                .toList();
    }

    private static ObjectiveView view(ObjectiveTracker.Tracked t) {
        return new ObjectiveView(
                t.objective().objectiveId(),
                t.objective().scope(),
                t.objective().scopeId(),
                t.objective().metric(),
                t.objective().target(),
                t.objective().currency(),
                t.objective().periodStart(),
                t.objective().periodEnd(),
                t.figures().actual(),
                t.figures().attainment(),
                t.figures().elapsed(),
                t.figures().projection(),
                t.figures().pace(),
                t.figures().status());
    }

    /** A rep's place on a leaderboard. */
    record Ranked(int rank, String repId, BigDecimal value) {}

    /** A leaderboard. */
    record Leaderboard(String teamId, String metric, String currency, Period period, List<Ranked> ranking) {}

    @Operation(summary = "A team's reps ranked by a metric")
    @GetMapping("/api/v1/teams/{teamId}/leaderboard")
    Leaderboard leaderboard(
            @PathVariable String teamId,
            @RequestParam String metric,
            @RequestParam(defaultValue = "week") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "EUR") String currency) {
        TeamChanged team = team(teamId);
        Period range = Period.containing(KpiController.kind(period), kpis.date(date, ZoneId.of(team.timezone())));
        boolean money = Measures.PIPELINE_CREATED.equals(metric) || Measures.REVENUE_WON.equals(metric);
        boolean count = Arrays.stream(Counter.values()).anyMatch(c -> c.name().equals(metric));
        if (!money && !count) {
            throw new InvalidRequestException(
                    "metric",
                    "must be one of " + Arrays.toString(Counter.values()) + ", pipelineCreated or revenueWon");
        }
        String key = money ? Measures.money(metric, currency) : metric;
        Map<String, Long> byRep = repDays.teamDays(teamId, range.from(), range.to()).stream()
                .collect(Collectors.groupingBy(RepDay::repId, Collectors.summingLong(day -> day.get(key))));
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        List<Map.Entry<String, Long>> sorted = reps.stream()
                .map(rep -> Map.entry(rep, byRep.getOrDefault(rep, 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        List<Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long value = sorted.get(i).getValue();
            // Equal values share a rank (1, 2, 2, 4).
            int rank = i > 0 && sorted.get(i - 1).getValue() == value
                    ? ranking.get(i - 1).rank()
                    : i + 1;
            ranking.add(new Ranked(
                    rank, sorted.get(i).getKey(), money ? Measures.amount(value) : BigDecimal.valueOf(value)));
        }
        return new Leaderboard(teamId, metric, money ? currency : null, range, ranking);
    }

    @Operation(summary = "A team's open pipeline by stage, weighted, with its coverage")
    @GetMapping("/api/v1/teams/{teamId}/pipeline")
    TeamPipeline.Pipeline pipeline(@PathVariable String teamId) {
        return pipelines.of(team(teamId));
    }

    private TeamChanged team(String teamId) {
        return roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
    }
}
