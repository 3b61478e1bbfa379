package io.salespulse.kpi.report;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import io.salespulse.kpi.pipeline.Forecast;
import io.salespulse.kpi.pipeline.PipelineReview;
import io.salespulse.kpi.rates.Conversion;
import io.salespulse.kpi.rates.ExchangeRates;
import io.salespulse.kpi.rates.RateTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * A unit's roll-up (docs/kpis-and-signals.md, "Units"): every team under it side by side, each unit directly under it,
 * and its total, for a day, week, month or quarter against the same span of the period before; amounts per currency
 * and in the unit's reporting currency at the rates of the period's last day (today while it runs), the rates shown,
 * a missing one named rather than guessed.
 */
@Component
public class UnitRollups {

    /**
     * A unit's figures over a period.
     *
     * @param rateDay the day whose exchange rates convert its amounts
     * @param window  the span of the period before it is compared with (like for like)
     * @param total   the unit's figures: its teams' added
     * @param units   the units directly under it, each with its figures
     * @param teams   every team under it (at any depth), ranked by attainment, then coverage
     */
    public record Rollup(
            String unitId,
            String name,
            String currency,
            PeriodKind period,
            LocalDate from,
            LocalDate to,
            LocalDate rateDay,
            Window window,
            Figures total,
            List<UnitLine> units,
            List<TeamLine> teams) {}

    /** The span of the period before compared with: as many days as the period has had so far (like for like). */
    public record Window(LocalDate from, LocalDate to) {}

    /**
     * Figures of a team or of several together.
     *
     * @param activity       activity over the period
     * @param activityBefore over the window before
     * @param revenueWon     won in the period, per currency and converted
     * @param revenueWonBefore won in the window before
     * @param open           the open pipeline now
     * @param weighted       the open pipeline weighted by each stage's probability
     * @param openByStage    the open pipeline per stage
     * @param objectives     running objectives by status
     * @param forecast       the forecast of the quarter (the month for a month's roll-up) against quota
     */
    public record Figures(
            ActivityFigures activity,
            ActivityFigures activityBefore,
            Conversion revenueWon,
            Conversion revenueWonBefore,
            Conversion open,
            Conversion weighted,
            Map<DealStage, Conversion> openByStage,
            Map<ObjectiveStatus, Long> objectives,
            ForecastFigures forecast) {}

    /**
     * The forecast by category against quota, converted.
     *
     * @param attainment closed over quota (in the reporting currency; {@code null} without a quota or a rate)
     * @param coverage   commit total (closed and commit) over quota
     */
    public record ForecastFigures(
            LocalDate from,
            LocalDate to,
            Conversion closed,
            Conversion commit,
            Conversion bestCase,
            Conversion pipeline,
            Conversion commitTotal,
            Conversion quota,
            BigDecimal attainment,
            BigDecimal coverage) {}

    /** A team's column. */
    public record TeamLine(String teamId, String name, String unitId, String timezone, Figures figures) {}

    /** A unit directly under the one rolled up, with its teams' figures added. */
    public record UnitLine(String unitId, String name, int teams, Figures figures) {}

    private final RosterStore roster;
    private final KpiController kpis;
    private final TeamPipeline pipelines;
    private final ObjectiveTracker objectives;
    private final PipelineReview review;
    private final ExchangeRates rates;
    private final Clock clock;

    UnitRollups(
            RosterStore roster,
            KpiController kpis,
            TeamPipeline pipelines,
            ObjectiveTracker objectives,
            PipelineReview review,
            ExchangeRates rates,
            Clock clock) {
        this.roster = roster;
        this.kpis = kpis;
        this.pipelines = pipelines;
        this.objectives = objectives;
        this.review = review;
        this.rates = rates;
        this.clock = clock;
    }

    /** The unit's today, in its zone. */
    public LocalDate today(UnitChanged unit) {
        return LocalDate.now(clock.withZone(ZoneId.of(unit.timezone())));
    }

    /** The unit's roll-up for the period of this kind containing {@code date}. */
    public Rollup of(UnitChanged unit, PeriodKind kind, LocalDate date) {
        OrgTree tree = roster.tree();
        Period period = Period.containing(kind, date);
        Period window = period.likeForLike(today(unit));
        LocalDate rateDay = period.to().isAfter(today(unit)) ? today(unit) : period.to();
        RateTable table = rates.table();
        String currency = unit.reportingCurrency();
        PeriodKind forecastKind = kind == PeriodKind.MONTH ? PeriodKind.MONTH : PeriodKind.QUARTER;
        Period forecastPeriod = Period.containing(forecastKind, date);
        List<TeamFacts> facts = new ArrayList<>();
        for (String teamId : tree.teamsUnder(unit.unitId())) {
            roster.team(teamId).ifPresent(team -> facts.add(facts(team, kind, date, forecastKind)));
        }
        Function<List<TeamFacts>, Figures> figures = part -> figures(part, currency, rateDay, table, forecastPeriod);
        List<TeamLine> teams = new ArrayList<>();
        for (TeamFacts team : facts) {
            teams.add(new TeamLine(
                    team.team().teamId(),
                    team.team().name(),
                    tree.unitOfTeam(team.team().teamId()).orElse(null),
                    team.team().timezone(),
                    figures.apply(List.of(team))));
        }
        teams.sort(Comparator.comparing(
                        (TeamLine t) -> t.figures().forecast().attainment(),
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(t -> t.figures().forecast().coverage(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(TeamLine::name));
        List<UnitLine> children = new ArrayList<>();
        for (String childId : tree.children(unit.unitId())) {
            Set<String> under = tree.teamsUnder(childId);
            List<TeamFacts> part = facts.stream()
                    .filter(f -> under.contains(f.team().teamId()))
                    .toList();
            children.add(new UnitLine(
                    childId,
                    tree.unit(childId).map(UnitChanged::name).orElse(childId),
                    part.size(),
                    figures.apply(part)));
        }
        return new Rollup(
                unit.unitId(),
                unit.name(),
                currency,
                kind,
                period.from(),
                period.to(),
                rateDay,
                new Window(window.from(), window.to()),
                figures.apply(facts),
                children,
                teams);
    }

    /** What one team brings to a roll-up, per currency. */
    private record TeamFacts(
            TeamChanged team,
            ActivityFigures activity,
            ActivityFigures activityBefore,
            Map<String, BigDecimal> revenueWon,
            Map<String, BigDecimal> revenueWonBefore,
            Map<String, BigDecimal> open,
            Map<String, BigDecimal> weighted,
            Map<DealStage, Map<String, BigDecimal>> openByStage,
            Map<ObjectiveStatus, Long> objectives,
            Forecast forecast) {}

    private TeamFacts facts(TeamChanged team, PeriodKind kind, LocalDate date, PeriodKind forecastKind) {
        KpiController.TeamKpis now = kpis.teamKpis(team.teamId(), kind.name(), date.toString(), true);
        TeamPipeline.Pipeline pipeline = pipelines.of(team);
        Map<DealStage, Map<String, BigDecimal>> byStage = new EnumMap<>(DealStage.class);
        pipeline.stages().forEach(row -> byStage.put(row.stage(), row.amount()));
        Map<ObjectiveStatus, Long> statuses = new EnumMap<>(ObjectiveStatus.class);
        for (ObjectiveTracker.Tracked tracked : objectives.ofTeam(team.teamId(), date)) {
            statuses.merge(tracked.figures().status(), 1L, Long::sum);
        }
        return new TeamFacts(
                team,
                now.totals().activity(),
                now.comparison().activity(),
                now.totals().pipeline().revenueWon(),
                now.comparison().pipeline().revenueWon(),
                pipeline.open(),
                pipeline.weighted(),
                byStage,
                statuses,
                review.forecast(team, forecastKind, date).forecast());
    }

    private static Figures figures(
            List<TeamFacts> teams, String currency, LocalDate day, RateTable table, Period forecastPeriod) {
        Function<Function<TeamFacts, Map<String, BigDecimal>>, Conversion> convert =
                amounts -> Conversion.of(add(teams.stream().map(amounts).toList()), currency, day, table);
        Map<DealStage, Conversion> byStage = new EnumMap<>(DealStage.class);
        for (DealStage stage : DealStage.values()) {
            if (!stage.isClosed()) {
                byStage.put(stage, convert.apply(t -> t.openByStage().getOrDefault(stage, Map.of())));
            }
        }
        Map<ObjectiveStatus, Long> statuses = new EnumMap<>(ObjectiveStatus.class);
        teams.forEach(t -> t.objectives().forEach((status, n) -> statuses.merge(status, n, Long::sum)));
        Function<Function<Forecast.Amounts, BigDecimal>, Conversion> category = amount -> convert.apply(t -> {
            Map<String, BigDecimal> per = new TreeMap<>();
            t.forecast().currencies().forEach((c, a) -> {
                if (amount.apply(a) != null) {
                    per.put(c, amount.apply(a));
                }
            });
            return per;
        });
        Conversion closed = category.apply(Forecast.Amounts::closed);
        Conversion commitTotal = category.apply(Forecast.Amounts::commitTotal);
        Conversion quota = category.apply(Forecast.Amounts::quota);
        return new Figures(
                ActivityFigures.sum(teams.stream().map(TeamFacts::activity).toList()),
                ActivityFigures.sum(
                        teams.stream().map(TeamFacts::activityBefore).toList()),
                convert.apply(TeamFacts::revenueWon),
                convert.apply(TeamFacts::revenueWonBefore),
                convert.apply(TeamFacts::open),
                convert.apply(TeamFacts::weighted),
                byStage,
                statuses,
                new ForecastFigures(
                        forecastPeriod.from(),
                        forecastPeriod.to(),
                        closed,
                        category.apply(Forecast.Amounts::commit),
                        category.apply(Forecast.Amounts::bestCase),
                        category.apply(Forecast.Amounts::pipeline),
                        commitTotal,
                        quota,
                        share(closed, quota),
                        share(commitTotal, quota)));
    }

    private static Map<String, BigDecimal> add(List<Map<String, BigDecimal>> parts) {
        Map<String, BigDecimal> sum = new TreeMap<>();
        parts.forEach(part -> part.forEach((c, a) -> {
            if (a != null) {
                sum.merge(c, a, BigDecimal::add);
            }
        }));
        return sum;
    }

    /** {@code part / whole} in the reporting currency; without a quota (or a rate), none. */
    static BigDecimal share(Conversion part, Conversion whole) {
        if (part.total() == null || whole.total() == null || whole.total().signum() <= 0) {
            return null;
        }
        return part.total().divide(whole.total(), 4, RoundingMode.HALF_UP);
    }
}
