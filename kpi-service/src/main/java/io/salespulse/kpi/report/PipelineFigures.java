package io.salespulse.kpi.report;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.Measures;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.deals.DealProjection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pipeline KPIs over a period (kpis-and-signals.md). Amounts are per currency, never added across currencies.
 *
 * @param dealsCreated       deals created in the period
 * @param pipelineCreated    their amounts, per currency
 * @param dealsAdvanced      deals moved forward a stage (not to won or lost)
 * @param dealsWon           deals won in the period
 * @param revenueWon         their amounts, per currency
 * @param dealsLost          deals lost in the period
 * @param amountLost         their amounts, per currency
 * @param winRate            won / (won + lost) over deals closed in the period; null with none closed
 * @param averageWonDealSize revenue won / deals won, per currency
 * @param salesCycleDays     median days from created to won, over deals won in the period
 * @param stageConversion    per stage: of deals that left it in the period, the share that moved forward
 */
public record PipelineFigures(
        long dealsCreated,
        Map<String, BigDecimal> pipelineCreated,
        long dealsAdvanced,
        long dealsWon,
        Map<String, BigDecimal> revenueWon,
        long dealsLost,
        Map<String, BigDecimal> amountLost,
        BigDecimal winRate,
        Map<String, BigDecimal> averageWonDealSize,
        BigDecimal salesCycleDays,
        Map<DealStage, BigDecimal> stageConversion) {

    public static PipelineFigures of(Collection<RepDay> days, List<DealProjection.Deal> wonInPeriod) {
        long created = sum(days, Counter.dealsCreated.name());
        long advanced = sum(days, Counter.dealsAdvanced.name());
        long won = sum(days, Counter.dealsWon.name());
        long lost = sum(days, Counter.dealsLost.name());
        Map<String, BigDecimal> revenue = money(days, Measures.REVENUE_WON);
        Map<String, BigDecimal> average = new TreeMap<>();
        if (won > 0) {
            revenue.forEach((currency, amount) ->
                    average.put(currency, amount.divide(BigDecimal.valueOf(won), 2, RoundingMode.HALF_UP)));
        }
        Map<DealStage, BigDecimal> conversion = new TreeMap<>();
        for (DealStage stage : DealStage.values()) {
            long exits = sum(days, Measures.stage(Measures.STAGE_EXITS, stage));
            if (exits > 0) {
                conversion.put(
                        stage, ActivityFigures.ratio(sum(days, Measures.stage(Measures.STAGE_FORWARD, stage)), exits));
            }
        }
        List<Long> cycles = wonInPeriod.stream()
                .filter(d -> d.createdAt() != null && d.closedAt() != null)
                .map(d -> Duration.between(d.createdAt(), d.closedAt()).toDays())
                .sorted()
                .toList();
        return new PipelineFigures(
                created,
                money(days, Measures.PIPELINE_CREATED),
                advanced,
                won,
                revenue,
                lost,
                money(days, Measures.AMOUNT_LOST),
                io.salespulse.kit.figures.Figures.winRate(won, lost),
                average,
                median(cycles),
                conversion);
    }

    static BigDecimal median(List<Long> values) {
        return io.salespulse.kit.figures.Figures.median(values);
    }

    private static long sum(Collection<RepDay> days, String key) {
        return days.stream().mapToLong(day -> day.get(key)).sum();
    }

    /** Amounts of a money measure per currency, from keys {@code money.<measure>.<currency>}. */
    static Map<String, BigDecimal> money(Collection<RepDay> days, String measure) {
        String prefix = "money." + measure + ".";
        Map<String, Long> cents = new TreeMap<>();
        for (RepDay day : days) {
            day.counters().forEach((key, value) -> {
                if (key.startsWith(prefix)) {
                    cents.merge(key.substring(prefix.length()), value, Long::sum);
                }
            });
        }
        Map<String, BigDecimal> amounts = new TreeMap<>();
        cents.forEach((currency, value) -> amounts.put(currency, Measures.amount(value)));
        return amounts;
    }
}
