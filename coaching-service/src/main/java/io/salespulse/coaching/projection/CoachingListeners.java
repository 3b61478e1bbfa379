package io.salespulse.coaching.projection;

import io.salespulse.coaching.signals.SignalEvaluator;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.kafka.EventBatches;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes KPI updates, deal facts and activities into {@link CoachingFacts}, and runs the rules they concern. */
@Component
class CoachingListeners {

    private final CoachingFacts facts;
    private final SignalEvaluator signals;
    private final RosterStore roster;
    private final EventBatches batches;

    CoachingListeners(CoachingFacts facts, SignalEvaluator signals, RosterStore roster, EventBatches batches) {
        this.facts = facts;
        this.signals = signals;
        this.roster = roster;
        this.batches = batches;
    }

    @KafkaListener(id = "coaching-kpis", idIsGroup = false, topics = Topics.KPIS)
    void onKpis(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, this::onKpi);
    }

    private void onKpi(EventEnvelope envelope) {
        if (envelope.data() instanceof RepDayKpisUpdated day) {
            facts.recordRepDay(day);
            signals.evaluateRep(day.repId());
        } else if (envelope.data() instanceof ObjectiveProgressed progress) {
            BigDecimal before = facts.recordObjective(progress);
            signals.onObjective(progress, before);
        }
    }

    @KafkaListener(id = "coaching-deals", idIsGroup = false, topics = Topics.DEALS)
    void onDeals(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> {
            DealEvent fact = envelope.dataAs(DealEvent.class);
            facts.recordDeal(envelope, roster.teamOf(fact.ownerRepId()).map(TeamChanged::teamId).orElse(null));
            signals.evaluateDeal(fact.dealId());
            if (fact instanceof DealWon won) {
                signals.onDealWon(won);
            }
        });
    }

    @KafkaListener(id = "coaching-objectives", idIsGroup = false, topics = Topics.OBJECTIVES)
    void onObjectives(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> facts.recordObjectiveSet(envelope.dataAs(io.salespulse.contracts.objective.ObjectiveSet.class)));
    }

    @KafkaListener(id = "coaching-activities", idIsGroup = false, topics = Topics.ACTIVITIES)
    void onActivities(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> {
            ActivityEvent activity = envelope.dataAs(ActivityEvent.class);
            facts.recordActivity(activity);
            if (activity.dealId() != null) {
                signals.evaluateDeal(activity.dealId());
            }
        });
    }
}
