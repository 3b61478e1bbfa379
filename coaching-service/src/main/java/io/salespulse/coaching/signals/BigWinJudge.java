package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.signals.rules.DealRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The big-win rule on each of the team's wins still news (won within {@code windows.big-win-news}, a week): above the
 * team's usual wins, the 75th percentile of its wins in the same currency over the {@code windows.big-win-sample} (90
 * days) up to the win, the win itself left out. The verdict depends on the wins won before it, not on the order in
 * which the deals topic's partitions deliver them, so a win judged before part of its sample arrived is judged again
 * when the rest arrives (and at every hourly pass while it is news). A recognition is told once.
 */
@Component
class BigWinJudge implements SignalJudge {

    private final CoachingFactsStore facts;
    private final SignalStore book;
    private final SignalContexts contexts;
    private final RosterStore roster;
    private final Clock clock;

    BigWinJudge(CoachingFactsStore facts, SignalStore book, SignalContexts contexts, RosterStore roster, Clock clock) {
        this.facts = facts;
        this.book = book;
        this.contexts = contexts;
        this.roster = roster;
        this.clock = clock;
    }

    @Override
    public void judgeTeam(Team team) {
        Instant now = clock.instant();
        RuleSettings.Windows windows = contexts.rules().windows();
        RuleSettings.Deals settings = team.settings().deals();
        for (CoachingFactsStore.Win win : facts.winsSince(team.teamId(), now.minus(windows.bigWinNews()))) {
            if (win.ownerRepId() == null) {
                continue;
            }
            List<BigDecimal> usual = facts.wonAmounts(
                    team.teamId(),
                    win.amount().currency(),
                    win.wonAt().minus(windows.bigWinSample()),
                    win.wonAt(),
                    win.dealId());
            DealRules.bigWin(settings, win.dealId(), win.amount().amount(), usual)
                    .ifPresent(detection -> {
                        ZoneId zone = roster.zoneOf(win.ownerRepId());
                        SignalStore.Context about = contexts.ofRep(win.ownerRepId())
                                .about(facts.deal(win.dealId())
                                        .map(deal ->
                                                contexts.summaryOf(deal, zone, LocalDate.now(clock.withZone(zone))))
                                        .orElse(new DealSummary(
                                                null,
                                                win.amount(),
                                                DealStage.WON,
                                                null,
                                                null,
                                                contexts.linkOf(win.dealId()))));
                        book.recognise(detection, about);
                    });
        }
    }
}
