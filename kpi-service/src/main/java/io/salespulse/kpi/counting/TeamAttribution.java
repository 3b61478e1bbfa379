package io.salespulse.kpi.counting;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.roster.RosterApplied;
import io.salespulse.kpi.accounts.AccountBook;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.deals.DealProjection;
import io.salespulse.kpi.pipeline.DealMoves;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The org topic and the activity and deal topics are not ordered together: a rep's first events (a backfill started
 * right after the rep was created, say) can be counted before kpi-service knows the rep's team. Once it does, what
 * was recorded without a team (rep-days, closed deals, stage durations, pipeline moves, customer accounts) gets it, so that the team's
 * figures count them. A rep moving team keeps what was already attributed: history stays with the team it happened in.
 */
@Component
class TeamAttribution {

    private static final Logger log = LoggerFactory.getLogger(TeamAttribution.class);

    private final RepDayStore repDays;
    private final DealProjection deals;
    private final DealMoves moves;
    private final AccountBook accounts;

    TeamAttribution(RepDayStore repDays, DealProjection deals, DealMoves moves, AccountBook accounts) {
        this.accounts = accounts;
        this.repDays = repDays;
        this.deals = deals;
        this.moves = moves;
    }

    @EventListener
    void onRoster(RosterApplied applied) {
        if (!(applied.event() instanceof RepChanged rep) || rep.teamId() == null) {
            return;
        }
        try {
            repDays.attributeToTeam(rep.repId(), rep.teamId());
            deals.attributeToTeam(rep.repId(), rep.teamId());
            moves.attributeToTeam(rep.repId(), rep.teamId());
            accounts.attributeToTeam(rep.repId(), rep.teamId());
        } catch (RuntimeException e) {
            // The roster must not be held up; the next change of the rep tries again.
            log.warn("Figures of rep {} not attributed to team {} yet: {}", rep.repId(), rep.teamId(), e.getMessage());
        }
    }
}
