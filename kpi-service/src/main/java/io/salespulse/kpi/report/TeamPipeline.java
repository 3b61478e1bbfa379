package io.salespulse.kpi.report;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.deals.DealProjection;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A team's open pipeline: deals and amounts per stage and currency, weighted by each stage's win probability, and
 * the coverage of each running revenue objective (open pipeline expected to close by the period's end, over what is
 * left to win).
 */
@Component
public class TeamPipeline {

    private final RosterStore roster;
    private final ObjectiveTracker objectives;
    private final DealProjection deals;
    private final StageProbabilities probabilities;
    private final Clock clock;

    TeamPipeline(
            RosterStore roster,
            ObjectiveTracker objectives,
            DealProjection deals,
            StageProbabilities probabilities,
            Clock clock) {
        this.roster = roster;
        this.objectives = objectives;
        this.deals = deals;
        this.probabilities = probabilities;
        this.clock = clock;
    }

    /**
     * Open deals in one stage, with how long they have been in it: the median of their current days in the stage and
     * the oldest of them, named (days counted as the stalled-deal rule counts them: {@code Figures.daysSince}).
     */
    public record StageRow(
            DealStage stage,
            int deals,
            BigDecimal probability,
            Map<String, BigDecimal> amount,
            Map<String, BigDecimal> weighted,
            BigDecimal medianDaysOpen,
            OldestDeal oldest) {}

    /** The open deal longest in its stage. */
    public record OldestDeal(String dealId, String name, String ownerRepId, long days) {}

    /** Coverage of one revenue objective. */
    public record Coverage(
            String objectiveId,
            ObjectiveScope scope,
            String scopeId,
            String currency,
            LocalDate periodEnd,
            BigDecimal openExpectedInPeriod,
            BigDecimal remaining,
            BigDecimal coverage) {}

    /** A team's open pipeline. */
    public record Pipeline(
            String teamId,
            List<StageRow> stages,
            Map<String, BigDecimal> open,
            Map<String, BigDecimal> weighted,
            List<Coverage> coverage,
            Map<DealStage, BigDecimal> medianDaysInStage) {}

    /** The team's open pipeline now. */
    public Pipeline of(TeamChanged team) {
        String teamId = team.teamId();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        List<DealProjection.Deal> open = deals.openDealsOf(reps);
        List<StageRow> stages = new ArrayList<>();
        Map<String, BigDecimal> openTotal = new TreeMap<>();
        Map<String, BigDecimal> weightedTotal = new TreeMap<>();
        for (DealStage stage : DealStage.values()) {
            if (stage.isClosed()) {
                continue;
            }
            List<DealProjection.Deal> inStage =
                    open.stream().filter(deal -> deal.stage() == stage).toList();
            BigDecimal probability = probabilities.of(stage);
            Map<String, BigDecimal> amount = new TreeMap<>();
            Map<String, BigDecimal> weighted = new TreeMap<>();
            for (DealProjection.Deal deal : inStage) {
                if (deal.amount() != null) {
                    amount.merge(deal.amount().currency(), deal.amount().amount(), BigDecimal::add);
                    weighted.merge(
                            deal.amount().currency(), deal.amount().amount().multiply(probability), BigDecimal::add);
                }
            }
            weighted.replaceAll((currency, value) -> value.setScale(2, RoundingMode.HALF_UP));
            ZoneId zone = ZoneId.of(team.timezone());
            List<DealProjection.Deal> dated =
                    inStage.stream().filter(deal -> deal.stageSince() != null).toList();
            BigDecimal medianOpen = PipelineFigures.median(dated.stream()
                    .map(deal -> io.salespulse.kit.figures.Figures.daysSince(deal.stageSince(), zone, today))
                    .sorted()
                    .toList());
            OldestDeal oldest = dated.stream()
                    .min(java.util.Comparator.comparing(DealProjection.Deal::stageSince)
                            .thenComparing(DealProjection.Deal::dealId))
                    .map(deal -> new OldestDeal(
                            deal.dealId(),
                            deal.name(),
                            deal.ownerRepId(),
                            io.salespulse.kit.figures.Figures.daysSince(deal.stageSince(), zone, today)))
                    .orElse(null);
            amount.forEach((currency, value) -> openTotal.merge(currency, value, BigDecimal::add));
            weighted.forEach((currency, value) -> weightedTotal.merge(currency, value, BigDecimal::add));
            stages.add(new StageRow(stage, inStage.size(), probability, amount, weighted, medianOpen, oldest));
        }
        List<Coverage> coverage = new ArrayList<>();
        for (ObjectiveTracker.Tracked tracked : objectives.ofTeam(teamId, today)) {
            if (tracked.objective().metric() != ObjectiveMetric.REVENUE_WON) {
                continue;
            }
            String currency = tracked.objective().currency();
            LocalDate end = tracked.objective().periodEnd();
            BigDecimal expected = open.stream()
                    .filter(deal -> tracked.objective().scope() == ObjectiveScope.TEAM
                            || tracked.objective().scopeId().equals(deal.ownerRepId()))
                    .filter(deal ->
                            deal.amount() != null && deal.amount().currency().equals(currency))
                    .filter(deal -> deal.expectedCloseDate() != null
                            && !deal.expectedCloseDate().isAfter(end))
                    .map(deal -> deal.amount().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal remaining =
                    tracked.objective().target().subtract(tracked.figures().actual());
            coverage.add(new Coverage(
                    tracked.objective().objectiveId(),
                    tracked.objective().scope(),
                    tracked.objective().scopeId(),
                    currency,
                    end,
                    expected,
                    remaining,
                    remaining.signum() <= 0 ? null : expected.divide(remaining, 2, RoundingMode.HALF_UP)));
        }
        // The reference for stalled deals: median days a deal of this team spent in each stage, trailing 90 days.
        Map<DealStage, BigDecimal> medianDays = new TreeMap<>();
        deals.stageDurations(teamId, today.minusDays(90), today).stream()
                .collect(Collectors.groupingBy(
                        DealProjection.StageDuration::stage,
                        Collectors.mapping(DealProjection.StageDuration::days, Collectors.toList())))
                .forEach((stage, days) -> medianDays.put(
                        stage, PipelineFigures.median(days.stream().sorted().toList())));
        return new Pipeline(teamId, stages, openTotal, weightedTotal, coverage, medianDays);
    }
}
