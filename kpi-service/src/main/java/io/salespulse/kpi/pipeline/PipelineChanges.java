package io.salespulse.kpi.pipeline;

import io.salespulse.contracts.Money;
import io.salespulse.kpi.deals.DealProjection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What changed in a pipeline over a period (docs/kpis-and-signals.md, "Pipeline changes"), per deal, from the period's
 * moves: created; advanced, or moved back, a stage (not to won or lost); close date pushed out or pulled in (its date
 * at the end of the period against the one it had when the period's first move came; a date set for the first time
 * is neither); amount up or down (the net change over the period, in the deal's currency); won; lost. A deal counts
 * once per change whatever the number of its moves; amounts are per currency, never added across currencies. Pure.
 *
 * @param from    the period's first day
 * @param to      its last day
 * @param changes each change: how many deals, their amounts (the change in amount for AMOUNT_UP and AMOUNT_DOWN), and
 *                the deals behind it, largest first
 */
public record PipelineChanges(LocalDate from, LocalDate to, Map<Change, Figure> changes) {

    /** At most this many deals are listed behind a figure (the figure itself counts them all). */
    public static final int MAX_LISTED = 100;

    /** The changes a review tells. */
    public enum Change {
        CREATED,
        ADVANCED,
        MOVED_BACK,
        PUSHED,
        PULLED_IN,
        AMOUNT_UP,
        AMOUNT_DOWN,
        WON,
        LOST
    }

    /**
     * @param deals  how many deals
     * @param amount their amounts per currency
     * @param listed the deals behind the figure (at most {@link #MAX_LISTED}, largest amount first)
     */
    public record Figure(int deals, Map<String, BigDecimal> amount, List<ChangedDeal> listed) {}

    /**
     * A deal behind a figure.
     *
     * @param before what it was (a stage, a close date, an amount), when the change has a before
     * @param after  what it became
     * @param reason for a lost deal, the CRM's reason
     */
    public record ChangedDeal(
            String dealId,
            String name,
            String ownerRepId,
            BigDecimal amount,
            String currency,
            String before,
            String after,
            String reason) {}

    /** The counts and amounts only (the figures of a period compared with). */
    public record Summary(
            LocalDate from, LocalDate to, Map<Change, Integer> deals, Map<Change, Map<String, BigDecimal>> amount) {}

    public Summary summary() {
        Map<Change, Integer> deals = new EnumMap<>(Change.class);
        Map<Change, Map<String, BigDecimal>> amounts = new EnumMap<>(Change.class);
        changes.forEach((change, figure) -> {
            deals.put(change, figure.deals());
            amounts.put(change, figure.amount());
        });
        return new Summary(from, to, deals, amounts);
    }

    /** The changes told by a period's moves; {@code deals} gives each deal's name (a deal it does not know keeps its id). */
    public static PipelineChanges of(
            LocalDate from, LocalDate to, List<DealMoves.Move> moves, Function<String, DealProjection.Deal> deals) {
        Map<String, List<DealMoves.Move>> byDeal = new LinkedHashMap<>();
        for (DealMoves.Move move : moves.stream()
                .sorted(Comparator.comparing(DealMoves.Move::at).thenComparing(DealMoves.Move::eventId))
                .toList()) {
            byDeal.computeIfAbsent(move.dealId(), id -> new ArrayList<>()).add(move);
        }
        Map<Change, List<ChangedDeal>> lines = new EnumMap<>(Change.class);
        for (Change change : Change.values()) {
            lines.put(change, new ArrayList<>());
        }
        byDeal.forEach((dealId, dealMoves) -> {
            DealProjection.Deal deal = deals.apply(dealId);
            String name = deal == null || deal.name() == null ? dealId : deal.name();
            String owner = last(dealMoves).ownerRepId();
            for (DealMoves.Move m : dealMoves) {
                if (m.kind() == DealMoves.Kind.CREATED) {
                    lines.get(Change.CREATED).add(line(dealId, name, owner, m.money(), null, null, null));
                } else if (m.kind() == DealMoves.Kind.WON) {
                    lines.get(Change.WON).add(line(dealId, name, owner, m.money(), null, null, null));
                } else if (m.kind() == DealMoves.Kind.LOST) {
                    lines.get(Change.LOST).add(line(dealId, name, owner, m.money(), m.fromStage(), null, m.reason()));
                }
            }
            stageChange(dealMoves, DealMoves.Kind.ADVANCED)
                    .ifPresent(l -> lines.get(Change.ADVANCED).add(l.named(dealId, name, owner)));
            stageChange(dealMoves, DealMoves.Kind.MOVED_BACK)
                    .ifPresent(l -> lines.get(Change.MOVED_BACK).add(l.named(dealId, name, owner)));
            closeDate(dealMoves, lines, dealId, name, owner);
            amount(dealMoves, lines, dealId, name, owner);
        });
        Map<Change, Figure> changes = new EnumMap<>(Change.class);
        lines.forEach((change, list) -> {
            Map<String, BigDecimal> amounts = new TreeMap<>();
            for (ChangedDeal line : list) {
                if (line.amount() != null) {
                    amounts.merge(line.currency(), line.amount(), BigDecimal::add);
                }
            }
            List<ChangedDeal> listed = list.stream()
                    .sorted(Comparator.comparing(ChangedDeal::amount, Comparator.nullsLast(Comparator.reverseOrder()))
                            .thenComparing(ChangedDeal::dealId))
                    .limit(MAX_LISTED)
                    .toList();
            changes.put(change, new Figure(list.size(), amounts, listed));
        });
        return new PipelineChanges(from, to, changes);
    }

    /** A stage change of one direction: from the stage before the first such move to the stage after the last. */
    private record Partial(Money amount, String before, String after) {
        ChangedDeal named(String dealId, String name, String owner) {
            return line(dealId, name, owner, amount, before, after, null);
        }
    }

    private static java.util.Optional<Partial> stageChange(List<DealMoves.Move> moves, DealMoves.Kind kind) {
        List<DealMoves.Move> of = moves.stream().filter(m -> m.kind() == kind).toList();
        if (of.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Partial(last(of).money(), of.get(0).fromStage(), last(of).toStage()));
    }

    private static void closeDate(
            List<DealMoves.Move> moves,
            Map<Change, List<ChangedDeal>> lines,
            String dealId,
            String name,
            String owner) {
        List<DealMoves.Move> dates = moves.stream()
                .filter(m -> m.kind() == DealMoves.Kind.CLOSE_DATE)
                .toList();
        if (dates.isEmpty() || dates.get(0).previousDate() == null) {
            return; // a date set for the first time is neither pushed nor pulled
        }
        String before = dates.get(0).previousDate();
        String after = last(dates).currentDate();
        int compared = after.compareTo(before);
        if (compared != 0) {
            lines.get(compared > 0 ? Change.PUSHED : Change.PULLED_IN)
                    .add(line(dealId, name, owner, last(dates).money(), before, after, null));
        }
    }

    private static void amount(
            List<DealMoves.Move> moves,
            Map<Change, List<ChangedDeal>> lines,
            String dealId,
            String name,
            String owner) {
        List<DealMoves.Move> amounts =
                moves.stream().filter(m -> m.kind() == DealMoves.Kind.AMOUNT).toList();
        if (amounts.isEmpty()) {
            return;
        }
        Money before = amounts.get(0).previousMoney();
        Money after = last(amounts).money();
        if (before == null || after == null || !before.currency().equals(after.currency())) {
            return; // a first amount, or a change of currency, is no rise or fall
        }
        BigDecimal delta = after.amount().subtract(before.amount());
        if (delta.signum() != 0) {
            lines.get(delta.signum() > 0 ? Change.AMOUNT_UP : Change.AMOUNT_DOWN)
                    .add(line(
                            dealId,
                            name,
                            owner,
                            new Money(delta.abs(), after.currency()),
                            before.amount().toPlainString(),
                            after.amount().toPlainString(),
                            null));
        }
    }

    private static ChangedDeal line(
            String dealId, String name, String owner, Money amount, String before, String after, String reason) {
        return new ChangedDeal(
                dealId,
                name,
                owner,
                amount == null ? null : amount.amount(),
                amount == null ? null : amount.currency(),
                before,
                after,
                reason);
    }

    private static DealMoves.Move last(List<DealMoves.Move> moves) {
        return moves.get(moves.size() - 1);
    }
}
