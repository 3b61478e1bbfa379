package io.salespulse.contracts.kpi;

import io.salespulse.contracts.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A team's week in its pipeline, for the Monday review: published by kpi-service once the week is over (in the team's
 * zone). Type {@code salespulse.kpi.pipeline-reviewed.v1}, key the team id.
 *
 * @param teamId            the team
 * @param weekStart         the Monday of the week reviewed
 * @param weekEnd           its Sunday
 * @param changes           the week's pipeline changes, by kind ({@code CREATED}, {@code ADVANCED}, {@code MOVED_BACK},
 *                          {@code PUSHED}, {@code PULLED_IN}, {@code AMOUNT_UP}, {@code AMOUNT_DOWN}, {@code WON},
 *                          {@code LOST})
 * @param forecast          the forecast of the quarter under way, per currency
 * @param funnel            the week's funnel: each step's count, and its conversion where the step is made of the
 *                          one before (connected calls) or is the week's cohort (deals won of those created)
 * @param funnelWeekBefore  the week before's
 * @param closingThisWeek   open deals expected to close in the week that begins
 * @param overdue           open deals whose expected close date has gone by
 * @param occurredAt        when it was computed
 */
public record PipelineReviewed(
        String teamId,
        LocalDate weekStart,
        LocalDate weekEnd,
        Map<String, Change> changes,
        List<Forecast> forecast,
        Funnel funnel,
        Funnel funnelWeekBefore,
        List<DealDue> closingThisWeek,
        List<DealDue> overdue,
        Instant occurredAt)
        implements KpiEvent {

    /**
     * @param deals  how many deals
     * @param amount their amounts per currency (for amount changes, the change)
     */
    public record Change(int deals, Map<String, BigDecimal> amount) {}

    /**
     * @param quota the quarter's revenue objectives ({@code null}: none in this currency)
     */
    public record Forecast(
            String currency,
            LocalDate periodFrom,
            LocalDate periodTo,
            BigDecimal closed,
            BigDecimal commitTotal,
            BigDecimal bestCaseTotal,
            BigDecimal quota) {}

    /**
     * @param steps       calls, connectedCalls, meetingsBooked, meetingsHeld, dealsCreated, dealsWon
     * @param conversions each step over the one before (null when that one is zero)
     */
    public record Funnel(Map<String, Long> steps, Map<String, BigDecimal> conversions) {}

    /** An open deal with its expected close date. */
    public record DealDue(String dealId, String name, String ownerRepId, Money amount, LocalDate expectedCloseDate) {}

    @Override
    public String partitionKey() {
        return teamId;
    }
}
