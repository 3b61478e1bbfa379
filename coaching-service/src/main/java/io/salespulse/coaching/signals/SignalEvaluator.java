package io.salespulse.coaching.signals;

import io.salespulse.coaching.customers.CustomerAccount;
import io.salespulse.coaching.customers.CustomerBook;
import io.salespulse.coaching.oneonones.ActionItemsChanged;
import io.salespulse.coaching.plans.PlanChanged;
import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.projection.DealView;
import io.salespulse.coaching.signals.SignalJudge.RepChange;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.org.Backfill;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.kit.roster.RosterApplied;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Runs the families of rules ({@link SignalJudge}s, every one found as a bean) when facts change (a rep-day, an
 * absence, a 1:1's action items, a plan, an objective, a deal, a customer account) and on a schedule for the time-based ones (an hour
 * passing makes a silence, a stalled deal, a quiet deal). It knows when to judge and whom, never what: each subject is
 * built once and handed to every family. The scheduled pass runs per team, on the team's working days in its time zone
 * (not on its public holidays), once per team and hour whatever the number of instances (a lease document per team
 * and hour). A team waiting for its backfill is not judged ({@link Backfills}).
 */
@Service
public class SignalEvaluator {

    private static final Logger log = LoggerFactory.getLogger(SignalEvaluator.class);

    private final List<SignalJudge> judges;
    private final CoachingFactsStore facts;
    private final CustomerBook customers;
    private final RosterStore roster;
    private final WorkingCalendar calendar;
    private final SignalContexts contexts;
    private final TickLease lease;
    private final Backfills backfills;
    private final Clock clock;

    SignalEvaluator(
            List<SignalJudge> judges,
            CoachingFactsStore facts,
            CustomerBook customers,
            RosterStore roster,
            WorkingCalendar calendar,
            SignalContexts contexts,
            TickLease lease,
            Backfills backfills,
            Clock clock) {
        this.judges = List.copyOf(judges);
        this.facts = facts;
        this.customers = customers;
        this.roster = roster;
        this.calendar = calendar;
        this.contexts = contexts;
        this.lease = lease;
        this.backfills = backfills;
        this.clock = clock;
    }

    /** A rep's facts changed: every family judges the rep on that change. */
    public void evaluateRep(String repId, RepChange change) {
        roster.rep(repId).filter(rep -> !quiet(rep.teamId())).ifPresent(rep -> judgeRep(rep, change));
    }

    /** Every family judges a rep (whose team is not waiting for its backfill). */
    private void judgeRep(RepChanged rep, RepChange change) {
        SignalJudge.Rep subject = new SignalJudge.Rep(
                rep, roster.team(rep.teamId()).orElse(null), contexts.ofRep(rep.repId()), roster.zoneOf(rep.repId()));
        judges.forEach(judge -> judge.judgeRep(subject, change));
    }

    /** A deal changed (a fact, an activity on it): every family judges it. */
    public void evaluateDeal(String dealId) {
        facts.deal(dealId).ifPresent(deal -> judgeDeal(deal, true));
    }

    /** Every family judges a deal; {@code unlessQuiet}: not while its owner's team waits for its backfill. */
    private void judgeDeal(DealView deal, boolean unlessQuiet) {
        String owner = facts.ownerOf(deal.dealId()).orElse(null);
        // The owner's zone: the deal's days in stage and today, for the summary and the rules alike.
        ZoneId zone = owner == null ? ZoneId.of("UTC") : roster.zoneOf(owner);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SignalStore.Context context = (owner == null ? new SignalStore.Context(null, null, "") : contexts.ofRep(owner))
                .about(contexts.summaryOf(deal, zone, today));
        if (unlessQuiet && quiet(context.teamId())) {
            return;
        }
        SignalJudge.Deal subject = new SignalJudge.Deal(deal, context, zone, today, contexts.rulesOf(context.teamId()));
        judges.forEach(judge -> judge.judgeDeal(subject));
    }

    /**
     * A customer account's facts changed ({@code news}: the contract facts that just arrived, none for a touch or a
     * score): every family judges it, unless its CSM's team waits for its backfill.
     */
    public void evaluateAccount(String accountId, List<CustomerBook.News> news) {
        customers.find(accountId).ifPresent(account -> judgeAccount(account, news, true));
    }

    /** Every family judges an account with a CSM; {@code unlessQuiet}: not while its team waits for its backfill. */
    private void judgeAccount(CustomerAccount account, List<CustomerBook.News> news, boolean unlessQuiet) {
        if (account.csmRepId() == null) {
            return; // nobody to tell
        }
        SignalStore.Context context = contexts.ofRep(account.csmRepId()).about(contexts.summaryOf(account));
        if (unlessQuiet && quiet(context.teamId())) {
            return;
        }
        ZoneId zone = roster.zoneOf(account.csmRepId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        SignalJudge.Account subject =
                new SignalJudge.Account(account, news, context, zone, today, contexts.rulesOf(context.teamId()));
        judges.forEach(judge -> judge.judgeAccount(subject));
    }

    /** An objective's new figures (and its attainment before them): every family judges it. */
    public void onObjective(ObjectiveProgressed progress, BigDecimal attainmentBefore) {
        if (quiet(progress.teamId())) {
            return; // history coming in: the team is judged once its backfill is complete
        }
        judgeObjective(progress, attainmentBefore, true);
    }

    private void judgeObjective(ObjectiveProgressed progress, BigDecimal attainmentBefore, boolean news) {
        SignalStore.Context context = progress.scope() == ObjectiveScope.REP
                ? contexts.ofRep(progress.scopeId())
                : contexts.ofTeam(progress.teamId());
        SignalJudge.Objective subject = new SignalJudge.Objective(
                progress, attainmentBefore, news, context, contexts.rulesOf(progress.teamId()));
        judges.forEach(judge -> judge.judgeObjective(subject));
    }

    /**
     * Wins arrived: each team they were won for is judged (its wins of the week, {@link BigWinJudge}), once per team
     * however many wins the batch carried. An old win arriving (a replay) is not news itself, but it may belong to the
     * sample a recent win is measured against.
     */
    public void onDealsWon(List<DealWon> wins) {
        wins.stream()
                .map(won -> won.ownerRepId() == null
                        ? null
                        : facts.wonTeamOf(won.dealId()).orElse(null))
                .filter(Objects::nonNull)
                .distinct()
                .forEach(this::judgeTeam);
    }

    private void judgeTeam(String teamId) {
        if (!quiet(teamId)) {
            judgeTeamNow(teamId);
        }
    }

    private void judgeTeamNow(String teamId) {
        SignalJudge.Team subject = new SignalJudge.Team(teamId, contexts.rulesOf(teamId));
        judges.forEach(judge -> judge.judgeTeam(subject));
    }

    /**
     * Everything of a team as it now is: every rep, open deal and revenue objective, and the team itself. Whether the
     * team waits for its backfill is asked once, and the reps and deals read once, for the whole pass.
     */
    public void evaluateTeam(TeamChanged team) {
        if (quiet(team.teamId())) {
            return;
        }
        List<RepChanged> reps = roster.repsOf(team.teamId());
        List<String> repIds = reps.stream().map(RepChanged::repId).toList();
        reps.forEach(rep -> judgeRep(rep, RepChange.HOURLY));
        facts.openDealsOf(repIds).forEach(deal -> judgeDeal(deal, false));
        customers.ofCsms(repIds).forEach(account -> judgeAccount(account, List.of(), false));
        judgeTeamNow(team.teamId());
        facts.revenueObjectives(team.teamId(), repIds).forEach(revenue -> judgeObjective(revenue, null, false));
    }

    /** Whether the team's rules wait for a backfill of its history ({@link Backfills}). */
    boolean quiet(String teamId) {
        return backfills.quiet(teamId, clock.instant());
    }

    /**
     * Each backfill completed and settled (or given up): its teams judged once, as they now are, so that only what is
     * still true is raised and told (history raises no storm).
     */
    @Scheduled(fixedDelayString = "${salespulse.signals.backfill-check-ms:15000}", initialDelay = 10_000)
    void judgeBackfills() {
        for (Backfills.Window window : backfills.due(clock.instant())) {
            try {
                for (String teamId : window.teamIds()) {
                    roster.team(teamId).ifPresent(this::evaluateTeam);
                    // Objectives as they now stand (no milestone is news: the attainment before is the one now).
                    facts.objectivesOfTeam(teamId).forEach(progress -> onObjective(progress, progress.attainment()));
                }
                backfills.judged(window.backfillId(), clock.instant());
                log.info("Backfill {} over: teams {} judged as they now are", window.backfillId(), window.teamIds());
            } catch (RuntimeException e) {
                log.warn("Teams of backfill {} not judged yet: {}", window.backfillId(), e.getMessage());
            }
        }
    }

    @EventListener
    void onPlan(PlanChanged changed) {
        evaluateRep(changed.repId(), RepChange.PLAN);
    }

    /** A pulse answer: the team's morale judged again (and everything else of the team's own). */
    @EventListener
    void onPulse(io.salespulse.coaching.pulse.PulseAnswered answered) {
        judgeTeam(answered.teamId());
    }

    @EventListener
    void onActionItems(ActionItemsChanged changed) {
        evaluateRep(changed.repId(), RepChange.ACTION_ITEMS);
    }

    /**
     * A rep's absence recorded, changed or withdrawn: the rep is judged again at once. A rep moved to a team: the wins
     * that now count in its sample, or are its news, are judged. A team changed (its thresholds, working hours, care
     * rules turned on or off): its open deals and its reps' care rules are judged again under the new settings at once
     * (its reps' activity at their next figures, or the hourly pass). A failure here is logged: it must not hold up the
     * roster.
     */
    @EventListener
    void onRosterChange(RosterApplied applied) {
        try {
            if (applied.event() instanceof Backfill backfill) {
                backfills.record(backfill);
            } else if (applied.event() instanceof RepChanged rep) {
                if (facts.attributeToTeam(rep.repId(), rep.teamId()) > 0) {
                    judgeTeam(rep.teamId());
                }
            } else if (applied.event() instanceof RepAbsence absence) {
                evaluateRep(absence.repId(), RepChange.ABSENCE);
            } else if (applied.event() instanceof TeamChanged team) {
                List<RepChanged> reps = roster.repsOf(team.teamId());
                reps.forEach(rep -> evaluateRep(rep.repId(), RepChange.TEAM_SETTINGS));
                facts.openDealsOf(reps.stream().map(RepChanged::repId).toList())
                        .forEach(deal -> evaluateDeal(deal.dealId()));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Signals not judged again after a roster change ({}): {}",
                    applied.event().partitionKey(),
                    e.getMessage());
        }
    }

    @Scheduled(cron = "${salespulse.signals.schedule:0 5 * * * *}")
    void hourly() {
        for (TeamChanged team : roster.teams()) {
            ZonedDateTime local = ZonedDateTime.now(clock.withZone(ZoneId.of(team.timezone())));
            if (!calendar.teamWorks(team, local.toLocalDate()) || quiet(team.teamId()) || !lease.take(team.teamId())) {
                continue;
            }
            try {
                evaluateTeam(team);
            } catch (RuntimeException e) {
                log.warn("Scheduled evaluation of team {} failed: {}", team.teamId(), e.getMessage());
            }
        }
    }
}
