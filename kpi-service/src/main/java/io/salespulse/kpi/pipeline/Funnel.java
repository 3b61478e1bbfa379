package io.salespulse.kpi.pipeline;

import io.salespulse.kit.figures.Figures;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.RepDay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel of a team or rep over a period (docs/kpis-and-signals.md, "Funnel"): calls, connected calls, meetings
 * booked, meetings held, deals created, deals won, and the conversion from each step to the next (null when the step
 * before is zero); the pipeline sourced by SDRs (deals credited to an SDR in the period, per SDR, with the deals'
 * amounts per currency); and the period's lost deals per reason. Pure.
 *
 * @param steps       each step's count, in funnel order
 * @param conversions each step's count over the step before it (keyed by the later step)
 * @param sdrSourced  per SDR: deals sourced and their amounts per currency
 * @param lostReasons per lost reason ({@code ""}: none given): deals and amounts per currency
 */
public record Funnel(LocalDate from, LocalDate to, Map<String, Long> steps, Map<String, BigDecimal> conversions,
                     Map<String, Tally> sdrSourced, Map<String, Tally> lostReasons) {

    /** The steps, in order. */
    public static final List<Counter> STEPS = List.of(Counter.calls, Counter.connectedCalls, Counter.meetingsBooked, Counter.meetingsHeld,
            Counter.dealsCreated, Counter.dealsWon);

    /** Deals and their amounts per currency. */
    public record Tally(int deals, Map<String, BigDecimal> amount) {
    }

    public static Funnel of(LocalDate from, LocalDate to, Collection<RepDay> days, List<DealMoves.Move> moves) {
        Map<String, Long> steps = new LinkedHashMap<>();
        for (Counter step : STEPS) {
            steps.put(step.name(), days.stream().mapToLong(day -> day.get(step)).sum());
        }
        Map<String, BigDecimal> conversions = new LinkedHashMap<>();
        for (int i = 1; i < STEPS.size(); i++) {
            long before = steps.get(STEPS.get(i - 1).name());
            conversions.put(STEPS.get(i).name(), before == 0 ? null : Figures.ratio(steps.get(STEPS.get(i).name()), before));
        }
        Map<String, List<DealMoves.Move>> sourced = new TreeMap<>();
        Map<String, List<DealMoves.Move>> lost = new TreeMap<>();
        for (DealMoves.Move move : moves) {
            if (move.kind() == DealMoves.Kind.SOURCED && move.sdrRepId() != null) {
                sourced.computeIfAbsent(move.sdrRepId(), k -> new ArrayList<>()).add(move);
            } else if (move.kind() == DealMoves.Kind.LOST) {
                lost.computeIfAbsent(move.reason() == null ? "" : move.reason().strip(), k -> new ArrayList<>()).add(move);
            }
        }
        return new Funnel(from, to, steps, conversions, tallies(sourced), tallies(lost));
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
