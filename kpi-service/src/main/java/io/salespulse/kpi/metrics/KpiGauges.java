package io.salespulse.kpi.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.figures.Figures;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.accounts.AccountBook;
import io.salespulse.kpi.accounts.Owner;
import io.salespulse.kpi.accounts.RetentionMath;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.changes.FigureChanges;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import io.salespulse.kpi.pipeline.Forecast;
import io.salespulse.kpi.pipeline.PipelineChanges;
import io.salespulse.kpi.pipeline.PipelineReview;
import io.salespulse.kpi.report.TeamPipeline;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Team KPIs as Prometheus gauges for Grafana, refreshed every 30 s for the teams whose figures changed: today's activity per team and metric, open and
 * weighted pipeline per stage and currency, month-to-date win rate, objective attainment and pace, this quarter's
 * forecast against quota, this week's pipeline changes and this quarter's revenue retention (NRR, GRR per currency). Labels are bounded: team, metric, stage, currency, scope,
 * category, change; a rep label only when {@code salespulse.kpi.metrics.rep-labels} is
 * on. Never names or emails.
 */
@Component
class KpiGauges {

    private static final Logger log = LoggerFactory.getLogger(KpiGauges.class);
    private static final List<Counter> ACTIVITY = List.of(
            Counter.calls,
            Counter.connectedCalls,
            Counter.emails,
            Counter.meetingsBooked,
            Counter.meetingsHeld,
            Counter.dealsCreated,
            Counter.dealsAdvanced,
            Counter.dealsWon,
            Counter.dealsLost);

    private final RosterStore roster;
    private final RepDayStore repDays;
    private final TeamPipeline pipelines;
    private final ObjectiveTracker objectives;
    private final Clock clock;
    private final boolean repLabels;
    private final MultiGauge activity;
    private final MultiGauge pipelineOpen;
    private final MultiGauge pipelineDeals;
    private final MultiGauge pipelineWeighted;
    private final MultiGauge winRate;
    private final MultiGauge attainment;
    private final MultiGauge pace;
    private final MultiGauge forecast;
    private final MultiGauge changesAmount;
    private final MultiGauge changesDeals;
    private final PipelineReview reviews;
    private final AccountBook accounts;
    private final MultiGauge retention;
    private final FigureChanges changes;
    private final long maxAgeNanos;
    private final List<MultiGauge> gauges;
    private Map<String, TeamRows> byTeam = new LinkedHashMap<>();

    KpiGauges(
            RosterStore roster,
            RepDayStore repDays,
            TeamPipeline pipelines,
            ObjectiveTracker objectives,
            PipelineReview reviews,
            AccountBook accounts,
            Clock clock,
            MeterRegistry meters,
            FigureChanges changes,
            @Value("${salespulse.kpi.metrics.rep-labels:false}") boolean repLabels,
            @Value("${salespulse.kpi.metrics.max-age-ms:600000}") long maxAgeMillis) {
        this.changes = changes;
        this.maxAgeNanos = TimeUnit.MILLISECONDS.toNanos(maxAgeMillis);
        this.reviews = reviews;
        this.accounts = accounts;
        this.retention = MultiGauge.builder("salespulse.team.retention")
                .description(
                        "This quarter's revenue retention of a team's customers, net (nrr) and gross (grr), per currency")
                .register(meters);
        this.roster = roster;
        this.repDays = repDays;
        this.pipelines = pipelines;
        this.objectives = objectives;
        this.clock = clock;
        this.repLabels = repLabels;
        this.activity = MultiGauge.builder("salespulse.team.activity.today")
                .description("Today's activity of a team, by metric")
                .register(meters);
        this.pipelineOpen = MultiGauge.builder("salespulse.pipeline.open.amount")
                .description("Open pipeline by stage and currency")
                .register(meters);
        this.pipelineDeals = MultiGauge.builder("salespulse.pipeline.open.deals")
                .description("Open deals by stage")
                .register(meters);
        this.pipelineWeighted = MultiGauge.builder("salespulse.pipeline.weighted.amount")
                .description("Weighted open pipeline by stage and currency")
                .register(meters);
        this.winRate = MultiGauge.builder("salespulse.team.win.rate")
                .description("Won / (won + lost), month to date")
                .register(meters);
        this.attainment = MultiGauge.builder("salespulse.objective.attainment")
                .description("Objective actual / target")
                .register(meters);
        this.pace = MultiGauge.builder("salespulse.objective.pace")
                .description("Objective attainment / elapsed share")
                .register(meters);
        this.forecast = MultiGauge.builder("salespulse.forecast.amount")
                .description(
                        "This quarter's forecast by category (closed, commit, best_case, pipeline) and its quota, per currency")
                .register(meters);
        this.changesAmount = MultiGauge.builder("salespulse.pipeline.changes.amount")
                .description("This week's pipeline changes by kind and currency (amount changes: the change itself)")
                .register(meters);
        this.changesDeals = MultiGauge.builder("salespulse.pipeline.changes.deals")
                .description("Deals behind this week's pipeline changes, by kind")
                .register(meters);
        this.gauges = List.of(
                activity,
                pipelineOpen,
                pipelineDeals,
                pipelineWeighted,
                winRate,
                attainment,
                pace,
                forecast,
                changesAmount,
                changesDeals,
                retention);
    }

    /** This quarter's forecast and this week's pipeline changes of a team. */
    private void ritual(TeamChanged team, Map<MultiGauge, List<MultiGauge.Row<?>>> rows) {
        String teamId = team.teamId();
        Forecast quarter =
                reviews.forecast(team, PeriodKind.QUARTER, reviews.today(team)).forecast();
        quarter.currencies().forEach((currency, amounts) -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            values.put("closed", amounts.closed());
            values.put("commit", amounts.commit());
            values.put("best_case", amounts.bestCase());
            values.put("pipeline", amounts.pipeline());
            values.put("quota", amounts.quota());
            values.forEach((category, value) -> {
                if (value != null) {
                    add(
                            rows,
                            forecast,
                            MultiGauge.Row.of(
                                    Tags.of("team", teamId, "currency", currency, "category", category),
                                    value.doubleValue()));
                }
            });
        });
        PipelineChanges week =
                reviews.teamChanges(teamId, reviews.thisWeek(team)).changes();
        week.changes().forEach((change, figure) -> {
            String kind = change.name().toLowerCase(Locale.ROOT);
            add(rows, changesDeals, MultiGauge.Row.of(Tags.of("team", teamId, "change", kind), figure.deals()));
            figure.amount()
                    .forEach((currency, amount) -> add(
                            rows,
                            changesAmount,
                            MultiGauge.Row.of(
                                    Tags.of("team", teamId, "change", kind, "currency", currency),
                                    amount.doubleValue())));
        });
    }

    /** This quarter's NRR and GRR of a team's customers, per currency (none for a team without customers at its start). */
    private void retention(TeamChanged team, LocalDate today, Map<MultiGauge, List<MultiGauge.Row<?>>> rows) {
        String teamId = team.teamId();
        Period quarter = Period.containing(PeriodKind.QUARTER, today);
        Owner owner = Owner.team(teamId);
        RetentionMath.Retention figures =
                RetentionMath.of(accounts.facts(owner), quarter.from(), quarter.to(), owner::owns, today);
        for (RetentionMath.Revenue revenue : figures.revenue()) {
            retentionRow(rows, teamId, revenue.currency(), "nrr", revenue.nrr());
            retentionRow(rows, teamId, revenue.currency(), "grr", revenue.grr());
        }
    }

    /** One retention ratio's row, none when the ratio is undefined. */
    private void retentionRow(
            Map<MultiGauge, List<MultiGauge.Row<?>>> rows,
            String teamId,
            String currency,
            String kind,
            BigDecimal ratio) {
        if (ratio != null) {
            add(
                    rows,
                    retention,
                    MultiGauge.Row.of(
                            Tags.of("team", teamId, "currency", currency, "kind", kind), ratio.doubleValue()));
        }
    }

    /** One team's rows of every gauge, as last computed. */
    private record TeamRows(
            LocalDate day, long generation, long computedAt, Map<MultiGauge, List<MultiGauge.Row<?>>> rows) {}

    private static void add(Map<MultiGauge, List<MultiGauge.Row<?>>> rows, MultiGauge gauge, MultiGauge.Row<?> row) {
        rows.computeIfAbsent(gauge, g -> new ArrayList<>()).add(row);
    }

    private TeamRows rowsOf(TeamChanged team, LocalDate today, long generation) {
        Map<MultiGauge, List<MultiGauge.Row<?>>> rows = new HashMap<>();
        String teamId = team.teamId();
        retention(team, today, rows);
        ritual(team, rows);
        List<RepDay> todays = repDays.teamDays(teamId, today, today);
        for (Counter counter : ACTIVITY) {
            add(
                    rows,
                    activity,
                    MultiGauge.Row.of(
                            Tags.of("team", teamId, "metric", counter.name()),
                            todays.stream().mapToLong(day -> day.get(counter)).sum()));
        }
        Period month = Period.containing(PeriodKind.MONTH, today);
        List<RepDay> monthDays = repDays.teamDays(teamId, month.from(), today);
        long won =
                monthDays.stream().mapToLong(day -> day.get(Counter.dealsWon)).sum();
        long lost =
                monthDays.stream().mapToLong(day -> day.get(Counter.dealsLost)).sum();
        BigDecimal rate = Figures.winRate(won, lost);
        if (rate != null) {
            add(rows, winRate, MultiGauge.Row.of(Tags.of("team", teamId), rate.doubleValue()));
        }
        TeamPipeline.Pipeline pipeline = pipelines.of(team);
        for (TeamPipeline.StageRow stage : pipeline.stages()) {
            add(
                    rows,
                    pipelineDeals,
                    MultiGauge.Row.of(
                            Tags.of("team", teamId, "stage", stage.stage().name()), stage.deals()));
            for (Map.Entry<String, BigDecimal> amount : stage.amount().entrySet()) {
                add(
                        rows,
                        pipelineOpen,
                        MultiGauge.Row.of(
                                Tags.of("team", teamId, "stage", stage.stage().name(), "currency", amount.getKey()),
                                amount.getValue().doubleValue()));
                add(
                        rows,
                        pipelineWeighted,
                        MultiGauge.Row.of(
                                Tags.of("team", teamId, "stage", stage.stage().name(), "currency", amount.getKey()),
                                stage.weighted().get(amount.getKey()).doubleValue()));
            }
        }
        for (ObjectiveTracker.Tracked tracked : objectives.ofTeam(teamId, today)) {
            boolean rep = tracked.objective().scope() == ObjectiveScope.REP;
            if (rep && !repLabels) {
                continue;
            }
            Tags tags = Tags.of(
                    "team",
                    teamId,
                    "metric",
                    tracked.objective().metric().name(),
                    "scope",
                    tracked.objective().scope().name());
            if (rep) {
                tags = tags.and("rep", tracked.objective().scopeId());
            }
            add(
                    rows,
                    attainment,
                    MultiGauge.Row.of(tags, tracked.figures().attainment().doubleValue()));
            if (tracked.figures().pace() != null) {
                add(rows, pace, MultiGauge.Row.of(tags, tracked.figures().pace().doubleValue()));
            }
        }
        return new TeamRows(today, generation, System.nanoTime(), rows);
    }

    /**
     * Every 30 s, the teams whose figures changed since (counting named them, or anything else moved the changes'
     * generation), whose day turned, or whose rows are older than {@code salespulse.kpi.metrics.max-age-ms} (10 min:
     * what no writer tells, such as a roster change) are computed again; the others keep their rows. Idle, a refresh
     * reads nothing.
     */
    @Scheduled(fixedDelayString = "${salespulse.kpi.metrics.refresh-ms:30000}", initialDelay = 5_000)
    void refresh() {
        Set<String> changed = changes.takeTeams();
        long generation = changes.generation();
        Map<String, TeamRows> next = new LinkedHashMap<>();
        boolean recomputed = false;
        for (TeamChanged team : roster.teams()) {
            String teamId = team.teamId();
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
            TeamRows kept = byTeam.get(teamId);
            if (kept == null
                    || changed.contains(teamId)
                    || kept.generation() != generation
                    || !kept.day().equals(today)
                    || System.nanoTime() - kept.computedAt() > maxAgeNanos) {
                try {
                    kept = rowsOf(team, today, generation);
                    recomputed = true;
                } catch (RuntimeException e) {
                    changes.team(teamId); // tried again at the next refresh
                    log.warn("KPI gauges of team {} not refreshed: {}", teamId, e.getMessage());
                    if (kept == null) {
                        continue;
                    }
                }
            }
            next.put(teamId, kept);
        }
        if (!recomputed && next.keySet().equals(byTeam.keySet())) {
            return;
        }
        byTeam = next;
        for (MultiGauge gauge : gauges) {
            gauge.register(all(gauge), true);
        }
    }

    /** Every team's rows of a gauge (none: the gauge is emptied of rows it had). */
    private List<MultiGauge.Row<?>> all(MultiGauge gauge) {
        List<MultiGauge.Row<?>> all = new ArrayList<>();
        byTeam.values().forEach(team -> all.addAll(team.rows().getOrDefault(gauge, List.of())));
        return all;
    }
}
