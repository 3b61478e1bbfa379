package io.salespulse.kpi.deals;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.Increment;
import io.salespulse.kpi.activity.Measures;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pipeline KPI formulas at their source: what each deal fact adds to its owner's day. Deals created and the
 * pipeline they bring, deals advanced, won (and revenue) and lost, and for stage conversion each deal leaving a
 * stage and whether it moved forward. Amounts count per currency. Pure.
 */
public final class DealCounting {

    private DealCounting() {}

    public static List<Increment> increments(
            EventEnvelope envelope, Function<String, ZoneId> zoneOf, Function<String, String> teamOf) {
        DealEvent fact = envelope.dataAs(DealEvent.class);
        String rep = fact.ownerRepId() != null ? fact.ownerRepId() : ActivityEvent.UNATTRIBUTED;
        Map<String, Long> counters = new HashMap<>();
        if (fact instanceof DealCreated created) {
            counters.put(Counter.dealsCreated.name(), 1L);
            addMoney(counters, Measures.PIPELINE_CREATED, created.amount());
        } else if (fact instanceof DealStageChanged moved) {
            counters.put(Measures.stage(Measures.STAGE_EXITS, moved.from()), 1L);
            if (moved.movesForward()) {
                counters.put(Measures.stage(Measures.STAGE_FORWARD, moved.from()), 1L);
                if (moved.to() != DealStage.WON) {
                    counters.put(Counter.dealsAdvanced.name(), 1L);
                }
            }
        } else if (fact instanceof DealWon won) {
            counters.put(Counter.dealsWon.name(), 1L);
            addMoney(counters, Measures.REVENUE_WON, won.amount());
        } else if (fact instanceof DealLost lost) {
            counters.put(Counter.dealsLost.name(), 1L);
            addMoney(counters, Measures.AMOUNT_LOST, lost.amount());
        }
        if (counters.isEmpty()) {
            return List.of();
        }
        return List.of(new Increment(
                rep,
                teamOf.apply(rep),
                fact.occurredAt().atZone(zoneOf.apply(rep)).toLocalDate(),
                counters));
    }

    private static void addMoney(Map<String, Long> counters, String measure, Money money) {
        if (money != null) {
            counters.put(Measures.money(measure, money.currency()), Measures.cents(money));
        }
    }
}
