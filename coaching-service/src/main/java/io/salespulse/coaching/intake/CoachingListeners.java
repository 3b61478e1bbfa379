package io.salespulse.coaching.intake;

import io.salespulse.coaching.customers.CustomerBook;
import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.signals.SignalEvaluator;
import io.salespulse.coaching.signals.SignalJudge;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.account.AccountEvent;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.kafka.EventBatches;
import io.salespulse.kit.roster.RosterStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes KPI updates, deal facts, activities and customer accounts into {@link CoachingFactsStore}, and runs the rules they concern. */
@Component
class CoachingListeners {

    private final CoachingFactsStore facts;
    private final CustomerBook customers;
    private final SignalEvaluator signals;
    private final RosterStore roster;
    private final EventBatches batches;

    private final java.time.Clock clock;

    CoachingListeners(
            CoachingFactsStore facts,
            CustomerBook customers,
            SignalEvaluator signals,
            RosterStore roster,
            EventBatches batches,
            java.time.Clock clock) {
        this.clock = clock;
        this.facts = facts;
        this.customers = customers;
        this.signals = signals;
        this.roster = roster;
        this.batches = batches;
    }

    /**
     * A batch's rep-days are all recorded before the reps they concern are judged, once each: kpi-service publishes a
     * batch's changed days together, and judging a rep between two of them (a day in, the next not yet) would see a
     * gap that is not there. Objectives are taken in order (their milestones depend on the previous figures).
     */
    @KafkaListener(id = "coaching-kpis", idIsGroup = false, topics = Topics.KPIS)
    void onKpis(List<ConsumerRecord<String, byte[]>> records) {
        batches.forBatch(records, events -> {
            Set<String> reps = new LinkedHashSet<>();
            // The reps with a completed day among their changes (a late event, history coming in): the rules on
            // completed days have news for them; the others had only today's figures change.
            Set<String> pastDays = new java.util.HashSet<>();
            for (EventEnvelope envelope : events) {
                if (envelope.data() instanceof RepDayKpisUpdated day) {
                    facts.recordRepDay(day);
                    reps.add(day.repId());
                    if (day.day().isBefore(java.time.LocalDate.now(clock.withZone(roster.zoneOf(day.repId()))))) {
                        pastDays.add(day.repId());
                    }
                } else if (envelope.data() instanceof ObjectiveProgressed progress) {
                    // Only news is judged: not a progress arriving late, nor one after the objective's cancellation.
                    facts.recordObjective(progress)
                            .ifPresent(recorded -> signals.onObjective(progress, recorded.attainmentBefore()));
                }
            }
            // The rep's activity rules, and an indicator goal of its development plan, which moves with the same days.
            reps.forEach(rep -> signals.evaluateRep(
                    rep,
                    pastDays.contains(rep) ? SignalJudge.RepChange.ACTIVITY : SignalJudge.RepChange.TODAYS_ACTIVITY));
        });
    }

    /** Likewise, a batch's deal facts are all recorded before each deal it touched is judged, once. */
    @KafkaListener(id = "coaching-deals", idIsGroup = false, topics = Topics.DEALS)
    void onDeals(List<ConsumerRecord<String, byte[]>> records) {
        batches.forBatch(records, events -> {
            Set<String> deals = new LinkedHashSet<>();
            List<DealWon> wins = new ArrayList<>();
            for (EventEnvelope envelope : events) {
                DealEvent fact = envelope.dataAs(DealEvent.class);
                facts.recordDeal(
                        envelope,
                        roster.teamOf(fact.ownerRepId())
                                .map(TeamChanged::teamId)
                                .orElse(null));
                deals.add(fact.dealId());
                if (fact instanceof DealWon won) {
                    wins.add(won);
                }
            }
            deals.forEach(signals::evaluateDeal);
            signals.onDealsWon(wins);
        });
    }

    @KafkaListener(id = "coaching-objectives", idIsGroup = false, topics = Topics.OBJECTIVES)
    void onObjectives(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(
                records,
                envelope ->
                        facts.recordObjective(envelope.dataAs(io.salespulse.contracts.objective.ObjectiveEvent.class)));
    }

    @KafkaListener(id = "coaching-activities", idIsGroup = false, topics = Topics.ACTIVITIES)
    void onActivities(List<ConsumerRecord<String, byte[]>> records) {
        batches.forBatch(records, events -> {
            Set<String> deals = new LinkedHashSet<>();
            Set<String> accounts = new LinkedHashSet<>();
            for (EventEnvelope envelope : events) {
                ActivityEvent activity = envelope.dataAs(ActivityEvent.class);
                facts.recordActivity(activity);
                if (activity.dealId() != null) {
                    deals.add(activity.dealId());
                }
                if (activity.accountId() != null) {
                    customers.touched(activity);
                    accounts.add(activity.accountId());
                }
            }
            deals.forEach(signals::evaluateDeal);
            accounts.forEach(account -> signals.evaluateAccount(account, List.of()));
        });
    }

    /**
     * A batch's account facts are all recorded before each account it touched is judged, once, with the contract facts
     * that were news for it.
     */
    @KafkaListener(id = "coaching-accounts", idIsGroup = false, topics = Topics.ACCOUNTS)
    void onAccounts(List<ConsumerRecord<String, byte[]>> records) {
        batches.forBatch(records, events -> {
            java.util.Map<String, List<CustomerBook.News>> news = new java.util.LinkedHashMap<>();
            for (EventEnvelope envelope : events) {
                AccountEvent fact = envelope.dataAs(AccountEvent.class);
                List<CustomerBook.News> ofAccount = news.computeIfAbsent(fact.accountId(), id -> new ArrayList<>());
                customers.apply(fact).ifPresent(ofAccount::add);
            }
            news.forEach(signals::evaluateAccount);
        });
    }
}
