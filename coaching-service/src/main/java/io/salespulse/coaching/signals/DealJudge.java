package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.signals.rules.DealRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.signal.SignalType;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The deal rules: stalled (the stage's rotting days for the owner's team, against the team's median), gone quiet,
 * close date slipping, close date passed (in the team's days). Each signal names the deal and links to it in its CRM.
 */
@Component
class DealJudge implements SignalJudge {

    private final CoachingFactsStore facts;
    private final SignalStore book;
    private final SignalContexts contexts;
    private final Clock clock;

    DealJudge(CoachingFactsStore facts, SignalStore book, SignalContexts contexts, Clock clock) {
        this.facts = facts;
        this.book = book;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void judgeDeal(Deal subject) {
        var deal = subject.deal();
        String dealId = deal.dealId();
        SignalStore.Context context = subject.context();
        RuleSettings.Deals settings = subject.settings().deals();
        BigDecimal median = context.teamId() == null || deal.stage() == null
                ? null
                : facts.medianDaysInStage(
                        context.teamId(),
                        deal.stage(),
                        clock.instant().minus(contexts.rules().windows().stageMedian()));
        book.sync(
                SignalType.STALLED_DEAL,
                dealId,
                DealRules.stalled(settings, deal, median, subject.zone(), subject.today()),
                context,
                "deal moved or closed");
        book.sync(
                SignalType.DEAL_GONE_QUIET,
                dealId,
                DealRules.goneQuiet(settings, deal, clock.instant()),
                context,
                "activity on the deal or deal closed");
        book.sync(
                SignalType.CLOSE_DATE_SLIPPING,
                dealId,
                DealRules.closeDateSlipping(settings, deal),
                context,
                "deal closed");
        book.sync(
                SignalType.CLOSE_DATE_PASSED,
                dealId,
                DealRules.closeDatePassed(settings, deal, subject.today()),
                context,
                "close date moved or deal closed");
    }
}
