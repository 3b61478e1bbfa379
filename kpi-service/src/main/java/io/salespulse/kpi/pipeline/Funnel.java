package io.salespulse.kpi.pipeline;

import io.salespulse.kit.figures.Figures;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.RepDay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The funnel of a team or rep over a period (docs/kpis-and-signals.md, "Funnel"): calls, connected calls, meetings
 * booked, meetings held, deals created, deals won, each counted in the period; a conversion only where the later step
 * is made of the earlier one, so that it always lies between 0 and 1: connected calls over calls (a connected call is
 * a call), and deals won over deals created as a cohort (of the deals created in the period, the share won since, up
 * to {@code asOf}: a young cohort has had little time, its maturity is said); between steps that count different
 * things in the same period (meetings booked then held, meetings held then deals created) only the counts, no ratio.
 * Also the pipeline sourced by SDRs (deals credited to an SDR in the period, per SDR, with the deals' amounts per
 * currency) and the period's lost deals per reason. Pure.
 *
 * @param steps       each step's count in the period, in funnel order
 * @param conversions the later step over the earlier one where one is made of the other (keyed by the later step;
 *                    null where the steps are unrelated, or the earlier one is zero)
 * @param wonCohort   the deals created in the period and how many of them are won by {@code asOf}
 * @param sdrSourced  per SDR: deals sourced and their amounts per currency
 * @param lostReasons per lost reason ({@code ""}: none given): deals and amounts per currency
 */
public record Funnel(
        LocalDate from,
        LocalDate to,
        Map<String, Long> steps,
        Map<String, BigDecimal> conversions,
        Cohort wonCohort,
        Map<String, Tally> sdrSourced,
        Map<String, Tally> lostReasons) {

    /** The steps, in order. */
    public static final List<Counter> STEPS = List.of(
            Counter.calls,
            Counter.connectedCalls,
            Counter.meetingsBooked,
            Counter.meetingsHeld,
            Counter.dealsCreated,
            Counter.dealsWon);

    /** Deals and their amounts per currency. */
    public record Tally(int deals, Map<String, BigDecimal> amount) {}

    /**
     * A cohort of deals: those created in the period, and how many of them are won by a day.
     *
     * @param created       deals created in the period
     * @param won           of them, won by {@code asOf} (in the period or after it)
     * @param conversion    won / created (null when none was created): between 0 and 1
     * @param asOf          the day the cohort is judged on
     * @param daysSinceEnd  its maturity: days from the period's end to {@code asOf} (0 while the period runs)
     */
    public record Cohort(long created, long won, BigDecimal conversion, LocalDate asOf, long daysSinceEnd) {}

    /**
     * @param moves the deal moves of the period and of the days after it up to {@code asOf} (the cohort's wins); only the
     *              period's own are tallied
     */
    public static Funnel of(
            LocalDate from, LocalDate to, LocalDate asOf, Collection<RepDay> days, List<DealMoves.Move> moves) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (Counter step : STEPS) {
            steps.put(step.name(), days.stream().mapToLong(day -> day.get(step)).sum());
        }
        Map<String, BigDecimal> conversions = new LinkedHashMap<>();
        for (int i = 1; i < STEPS.size(); i++) {
            conversions.put(STEPS.get(i).name(), null);
        }
        long calls = steps.get(Counter.calls.name());
        conversions.put(
                Counter.connectedCalls.name(),
                calls == 0 ? null : Figures.ratio(steps.get(Counter.connectedCalls.name()), calls));
        Cohort cohort = cohort(from, to, asOf, moves);
        conversions.put(Counter.dealsWon.name(), cohort.conversion());
        Map<String, List<DealMoves.Move>> sourced = new TreeMap<>();
        Map<String, List<DealMoves.Move>> lost = new TreeMap<>();
        for (DealMoves.Move move : moves) {
            if (!within(move, from, to)) {
                continue;
            }
            if (move.kind() == DealMoves.Kind.SOURCED && move.sdrRepId() != null) {
                sourced.computeIfAbsent(move.sdrRepId(), k -> new ArrayList<>()).add(move);
            } else if (move.kind() == DealMoves.Kind.LOST) {
                lost.computeIfAbsent(move.reason() == null ? "" : move.reason().strip(), k -> new ArrayList<>())
                        .add(move);
            }
        }
        return new Funnel(from, to, steps, conversions, cohort, tallies(sourced), tallies(lost));
    }

    private static boolean within(DealMoves.Move move, LocalDate from, LocalDate to) {
        return move.day().compareTo(from.toString()) >= 0 && move.day().compareTo(to.toString()) <= 0;
    }

    /** The deals created in from..to, and those of them won by {@code asOf}. */
    static Cohort cohort(LocalDate from, LocalDate to, LocalDate asOf, List<DealMoves.Move> moves) {
        Set<String> created = new HashSet<>();
        for (DealMoves.Move move : moves) {
            if (move.kind() == DealMoves.Kind.CREATED && within(move, from, to)) {
                created.add(move.dealId());
            }
        }
        Set<String> won = new HashSet<>();
        for (DealMoves.Move move : moves) {
            if (move.kind() == DealMoves.Kind.WON && created.contains(move.dealId()) && within(move, from, asOf)) {
                won.add(move.dealId());
            }
        }
        long maturity = asOf.isAfter(to) ? java.time.temporal.ChronoUnit.DAYS.between(to, asOf) : 0;
        return new Cohort(
                created.size(),
                won.size(),
                created.isEmpty() ? null : Figures.ratio(won.size(), created.size()),
                asOf,
                maturity);
    }

    private static Map<String, Tally> tallies(Map<String, List<DealMoves.Move>> grouped) {
        Map<String, Tally> tallies = new TreeMap<>();
        grouped.forEach((key, moves) -> {
            Map<String, BigDecimal> amounts = new TreeMap<>();
            List<String> deals = new ArrayList<>();
            for (DealMoves.Move move : moves) {
                if (deals.contains(move.dealId())) {
                    continue; // a deal counts once (credited twice, or lost, reopened and lost again)
                }
                deals.add(move.dealId());
                if (move.amount() != null && move.currency() != null) {
                    amounts.merge(move.currency(), move.amount(), BigDecimal::add);
                }
            }
            tallies.put(key, new Tally(deals.size(), amounts));
        });
        return tallies;
    }
}
