package io.salespulse.kpi.pipeline;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kpi.deals.DealProjection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A team's forecast for a period (docs/kpis-and-signals.md, "Forecast"): each deal in its category (the CRM's own, else
 * its stage's: NEW and QUALIFIED Pipeline, DISCOVERY and PROPOSAL Best case, NEGOTIATION Commit; won is Closed, lost
 * and OMITTED left out). Closed is what was won in the period; the open categories hold the open deals expected to
 * close in it (an open deal without a close date is counted apart, as {@code undated}). Per currency, against the
 * quota (the revenue-won objectives of the period): closed, commit, best case and pipeline, and the usual roll-ups
 * (commit total = closed + commit, best-case total = commit total + best case). Pure.
 *
 * @param from       the period's first day
 * @param to         its last day
 * @param currencies the figures per currency
 * @param deals      the deals of each category, largest first (at most {@value #MAX_LISTED} each)
 * @param undated    open deals with no expected close date (in no category)
 */
public record Forecast(
        LocalDate from,
        LocalDate to,
        Map<String, Amounts> currencies,
        Map<ForecastCategory, List<ForecastDeal>> deals,
        int undated) {

    public static final int MAX_LISTED = 100;

    /**
     * @param quota          the period's revenue objectives in this currency ({@code null}: none set)
     * @param attainment     closed / quota
     * @param commitCoverage commit total / quota
     */
    public record Amounts(
            BigDecimal closed,
            BigDecimal commit,
            BigDecimal bestCase,
            BigDecimal pipeline,
            BigDecimal commitTotal,
            BigDecimal bestCaseTotal,
            BigDecimal quota,
            BigDecimal attainment,
            BigDecimal commitCoverage) {}

    /** A deal in the forecast. */
    public record ForecastDeal(
            String dealId,
            String name,
            String ownerRepId,
            DealStage stage,
            BigDecimal amount,
            String currency,
            LocalDate expectedCloseDate,
            boolean overdue) {}

    /**
     * @param open  the team's open deals
     * @param won   the team's deals won in the period
     * @param quota the period's revenue objectives per currency
     * @param today the team's today (an open deal expected before it is overdue)
     */
    public static Forecast of(
            LocalDate from,
            LocalDate to,
            List<DealProjection.Deal> open,
            List<DealProjection.Deal> won,
            Map<String, BigDecimal> quota,
            LocalDate today) {
        Map<ForecastCategory, Map<String, BigDecimal>> sums = new EnumMap<>(ForecastCategory.class);
        Map<ForecastCategory, List<ForecastDeal>> lines = new EnumMap<>(ForecastCategory.class);
        for (ForecastCategory category : ForecastCategory.values()) {
            if (category != ForecastCategory.OMITTED) {
                sums.put(category, new TreeMap<>());
                lines.put(category, new ArrayList<>());
            }
        }
        int undated = 0;
        for (DealProjection.Deal deal : won) {
            add(sums, lines, ForecastCategory.CLOSED, deal, today);
        }
        for (DealProjection.Deal deal : open) {
            if (deal.expectedCloseDate() == null) {
                undated++;
                continue;
            }
            ForecastCategory category = deal.forecastCategory();
            if (category == ForecastCategory.OMITTED
                    || category == ForecastCategory.CLOSED
                    || deal.expectedCloseDate().isBefore(from)
                    || deal.expectedCloseDate().isAfter(to)) {
                continue; // left out by the CRM, or expected in another period
            }
            add(sums, lines, category, deal, today);
        }
        TreeSet<String> currencies = new TreeSet<>(quota.keySet());
        sums.values().forEach(m -> currencies.addAll(m.keySet()));
        Map<String, Amounts> amounts = new TreeMap<>();
        for (String currency : currencies) {
            BigDecimal closed = sums.get(ForecastCategory.CLOSED).getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal commit = sums.get(ForecastCategory.COMMIT).getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal bestCase = sums.get(ForecastCategory.BEST_CASE).getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal pipeline = sums.get(ForecastCategory.PIPELINE).getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal commitTotal = closed.add(commit);
            BigDecimal target = quota.get(currency);
            amounts.put(
                    currency,
                    new Amounts(
                            closed,
                            commit,
                            bestCase,
                            pipeline,
                            commitTotal,
                            commitTotal.add(bestCase),
                            target,
                            share(closed, target),
                            share(commitTotal, target)));
        }
        Map<ForecastCategory, List<ForecastDeal>> listed = new EnumMap<>(ForecastCategory.class);
        lines.forEach((category, list) -> listed.put(
                category,
                list.stream()
                        .sorted(Comparator.comparing(
                                        ForecastDeal::amount, Comparator.nullsLast(Comparator.reverseOrder()))
                                .thenComparing(ForecastDeal::dealId))
                        .limit(MAX_LISTED)
                        .toList()));
        return new Forecast(from, to, amounts, listed, undated);
    }

    private static void add(
            Map<ForecastCategory, Map<String, BigDecimal>> sums,
            Map<ForecastCategory, List<ForecastDeal>> lines,
            ForecastCategory category,
            DealProjection.Deal deal,
            LocalDate today) {
        if (deal.amount() != null) {
            sums.get(category).merge(deal.amount().currency(), deal.amount().amount(), BigDecimal::add);
        }
        lines.get(category)
                .add(new ForecastDeal(
                        deal.dealId(),
                        deal.name() == null ? deal.dealId() : deal.name(),
                        deal.ownerRepId(),
                        deal.stage(),
                        deal.amount() == null ? null : deal.amount().amount(),
                        deal.amount() == null ? null : deal.amount().currency(),
                        deal.expectedCloseDate(),
                        category != ForecastCategory.CLOSED
                                && deal.expectedCloseDate() != null
                                && deal.expectedCloseDate().isBefore(today)));
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() <= 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
