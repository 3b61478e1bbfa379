package io.salespulse.coaching.signals;

import io.salespulse.coaching.oneonones.ActionItemsChanged;
import io.salespulse.coaching.oneonones.OneOnOneRecords;
import io.salespulse.coaching.plans.DevelopmentPlans;
import io.salespulse.coaching.plans.PlanChanged;
import io.salespulse.coaching.plans.PlanProgress;
import io.salespulse.coaching.plans.PlanSettings;
import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.projection.DealView;
import io.salespulse.coaching.signals.rules.ActionItemRules;
import io.salespulse.coaching.signals.rules.ActivityRules;
import io.salespulse.coaching.signals.rules.DealRules;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.coaching.signals.rules.ObjectiveRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.org.Backfill;
import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.TeamRules;
import io.salespulse.contracts.signal.DealSummary;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.kit.roster.RosterApplied;
import io.salespulse.kit.roster.RosterStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Runs the rules when facts change (a rep-day, an objective, a deal) and on a schedule for the time-based ones (an
 * hour passing makes a silence, a stalled deal, a quiet deal), and keeps the signals in step through the
 * {@link SignalStore}. The scheduled pass runs per team, on the team's working days in its time zone (not on its
 * public holidays), once per team
 * and hour whatever the number of instances (a lease document per team and hour).
 */
@Service
public class SignalEvaluator {

    private static final Logger log = LoggerFactory.getLogger(SignalEvaluator.class);
    // Enough for the 25 working days of the activity rules and the 12 weeks of a personal best.
    static final int HISTORY_CALENDAR_DAYS = 7 * 13;

    private final CoachingFactsStore facts;
    private final SignalStore book;
    private final RosterStore roster;
    private final WorkingCalendar calendar;
    private final OneOnOneRecords oneOnOnes;
    private final DevelopmentPlans plans;
    private final PlanProgress planProgress;
    private final PlanSettings planSettings;
    private final SignalThresholds thresholds;
    private final TickLease lease;
    private final RuleSettings rules;
    private final DealLinks links;
    private final Backfills backfills;
    private final Clock clock;

    SignalEvaluator(
            CoachingFactsStore facts,
            SignalStore book,
            RosterStore roster,
            WorkingCalendar calendar,
            SignalThresholds thresholds,
            RuleSettings rules,
            TickLease lease,
            Clock clock,
            OneOnOneRecords oneOnOnes,
            DevelopmentPlans plans,
            PlanProgress planProgress,
            PlanSettings planSettings,
            DealLinks links,
            Backfills backfills) {
        this.links = links;
        this.backfills = backfills;
        this.oneOnOnes = oneOnOnes;
        this.plans = plans;
        this.planProgress = planProgress;
        this.planSettings = planSettings;
        this.calendar = calendar;
        this.rules = rules;
        this.facts = facts;
        this.book = book;
        this.roster = roster;
        this.thresholds = thresholds;
        this.lease = lease;
        this.clock = clock;
    }

    private SignalStore.Context context(String repId) {
        Optional<RepChanged> rep = roster.rep(repId);
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        return new SignalStore.Context(
                repId,
                rep.map(RepChanged::teamId).orElse(null),
                rep.map(RepChanged::displayName).orElse(repId),
                Stance.of(rep.orElse(null), today, rules.windows().onboarding()));
    }

    /**
     * The rep-activity rules for one rep, on the completed working days of its team's zone. Public holidays and the
     * rep's absences are not working days; while the rep is away, and for a grace period after its return, no silence
     * or activity drop is raised (and one that is open is resolved: the rep was not silent, it was away).
     */
    public void evaluateRep(String repId) {
        Optional<RepChanged> found = roster.rep(repId);
        if (found.isEmpty()) {
            return;
        }
        RepChanged rep = found.get();
        if (quiet(rep.teamId())) {
            return;
        }
        Optional<TeamChanged> team = roster.team(rep.teamId());
        ZoneId zone = team.map(t -> ZoneId.of(t.timezone())).orElse(ZoneId.of("UTC"));
        LocalDate yesterday = WorkingDays.lastCompletedDay(clock.instant(), zone);
        ActivityRules.RepHistory history = new ActivityRules.RepHistory(
                repId,
                rep.role(),
                rep.startDate(),
                calendar.ofRep(repId),
                yesterday,
                facts.repDays(repId, yesterday.minusDays(HISTORY_CALENDAR_DAYS), yesterday));
        SignalStore.Context context = context(repId);
        if (!rep.active()) {
            book.sync(SignalType.ACTIVITY_DROP, repId, Optional.empty(), context, "rep no longer active");
            book.sync(SignalType.SILENCE, repId, Optional.empty(), context, "rep no longer active");
            book.sync(SignalType.CONNECT_RATE_DROP, repId, Optional.empty(), context, "rep no longer active");
            return;
        }
        if (awayOrJustBack(repId, rep.teamId(), yesterday.plusDays(1))) {
            book.sync(SignalType.ACTIVITY_DROP, repId, Optional.empty(), context, "rep away or just back");
            book.sync(SignalType.SILENCE, repId, Optional.empty(), context, "rep away or just back");
            return;
        }
        TeamRules teamRules = team.map(TeamChanged::rulesOrNone).orElse(TeamRules.NONE);
        var drop = thresholds.activityDrop(rep.role(), rep.seniority(), teamRules);
        Optional<Detection> activityDrop = ActivityRules.activityDrop(history, drop);
        Optional<Detection> silence =
                ActivityRules.silence(history, thresholds.silence(rep.role(), rep.seniority(), teamRules));
        String ratio = ActivityRules.activityRatio(history, drop)
                .map(r -> r.ratio().movePointRight(2).intValue() + "% of baseline")
                .orElse("activity resumed");
        book.sync(SignalType.ACTIVITY_DROP, repId, activityDrop, context, "activity back to " + ratio);
        book.sync(SignalType.SILENCE, repId, silence, context, "activity logged again");
        book.sync(
                SignalType.CONNECT_RATE_DROP,
                repId,
                ActivityRules.connectRateDrop(history, thresholds.connectRate(rep.role(), rep.seniority())),
                context,
                "connect rate back within 10 points of baseline");
        ActivityRules.personalBest(history, yesterday.plusDays(1)).ifPresent(best -> book.recognise(best, context));
        // Back on track: a drop of the last 14 days (told: a signal is announced before it is resolved) has cleared and
        // activity is back to 90% of the baseline that drop was measured on. Recognised once per cleared drop.
        if (activityDrop.isEmpty() && silence.isEmpty()) {
            book.resolvedSince(
                            SignalType.ACTIVITY_DROP,
                            repId,
                            clock.instant().minus(rules.windows().backOnTrack()))
                    .flatMap(cleared -> ActivityRules.backOnTrack(
                            history, drop, evidence(cleared, "baseline"), repId + "@" + cleared.signalId()))
                    .ifPresent(back -> book.recognise(back, context));
        }
    }

    private static BigDecimal evidence(io.salespulse.coaching.signals.Signal signal, String name) {
        return signal.evidence() == null
                ? null
                : signal.evidence().stream()
                        .filter(e -> e.name().equals(name))
                        .map(Evidence::value)
                        .findFirst()
                        .orElse(null);
    }

    /**
     * Whether the rep is away today, or was on one of its team's last working days: today's and the grace period's
     * ({@code returnGraceDays}) before it.
     */
    boolean awayOrJustBack(String repId, String teamId, LocalDate today) {
        if (calendar.absence(repId, today).isPresent()) {
            return true;
        }
        return WorkingDays.ending(today.minusDays(1), rules.windows().returnGraceDays(), calendar.ofTeam(teamId))
                .stream()
                .anyMatch(day -> calendar.absence(repId, day).isPresent());
    }

    /** Overdue action items of the rep's 1:1s: one signal while any is past its date and not done. */
    public void evaluateActionItems(String repId) {
        Optional<RepChanged> rep = roster.rep(repId);
        if (rep.isEmpty() || quiet(rep.get().teamId())) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        List<LocalDate> overdue = rep.get().active()
                ? oneOnOnes.openItems(repId, today).stream()
                        .filter(OneOnOneRecords.OpenItem::overdue)
                        .map(OneOnOneRecords.OpenItem::due)
                        .toList()
                : List.of();
        book.sync(
                SignalType.ACTION_ITEMS_OVERDUE,
                repId,
                ActionItemRules.overdue(repId, overdue, today),
                context(repId),
                "no action item overdue any more");
    }

    /**
     * A rep's development plan: a reminder while it has not been reviewed for {@code reviewEvery}; a recognition when an
     * indicator goal is reached (from the KPIs) or a milestone done, told while it is news (a week).
     */
    public void evaluatePlan(String repId) {
        Optional<RepChanged> rep = roster.rep(repId);
        Optional<DevelopmentPlans.Plan> found = plans.of(repId);
        if (rep.isEmpty() || found.isEmpty() || quiet(rep.get().teamId())) {
            return;
        }
        var plan = found.get();
        SignalStore.Context context = context(repId);
        java.time.Instant now = clock.instant();
        long sinceReview = Duration.between(plan.lastReviewed(), now).toDays();
        boolean reviewDue = rep.get().active()
                && !plan.goals().isEmpty()
                && plan.lastReviewed().plus(planSettings.reviewEvery()).isBefore(now);
        book.sync(
                SignalType.PLAN_NOT_REVIEWED,
                repId,
                reviewDue
                        ? Optional.of(new Detection(
                                SignalType.PLAN_NOT_REVIEWED,
                                SubjectKind.REP,
                                repId,
                                Severity.WARNING,
                                List.of(Evidence.of("daysSinceReview", sinceReview))))
                        : Optional.empty(),
                context,
                "plan reviewed");
        java.time.Instant news = now.minus(rules.windows().bigWinNews());
        for (var goal : plan.goals()) {
            if (goal.kind() == DevelopmentPlans.Kind.INDICATOR
                    && (goal.reachedAt() == null || goal.reachedAt().isAfter(news))) {
                var measured = planProgress.measure(repId, goal);
                if (measured.reached() || goal.reachedAt() != null) {
                    if (goal.reachedAt() == null) {
                        plans.reached(repId, goal.goalId(), now);
                    }
                    List<Evidence> evidence = measured.value() == null
                            ? List.of(Evidence.of("target", goal.target()))
                            : List.of(Evidence.of("value", measured.value()), Evidence.of("target", goal.target()));
                    book.recognise(
                            new Detection(
                                    SignalType.PLAN_GOAL_REACHED,
                                    SubjectKind.REP,
                                    repId + "@" + goal.goalId(),
                                    Severity.INFO,
                                    evidence),
                            context);
                }
            }
            for (var milestone : goal.milestones()) {
                if (milestone.doneAt() != null && milestone.doneAt().isAfter(news)) {
                    book.recognise(
                            new Detection(
                                    SignalType.PLAN_MILESTONE_REACHED,
                                    SubjectKind.REP,
                                    repId + "@" + goal.goalId() + "/" + milestone.milestoneId(),
                                    Severity.INFO,
                                    List.of()),
                            context);
                }
            }
        }
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
        evaluatePlan(changed.repId());
    }

    @EventListener
    void onActionItems(ActionItemsChanged changed) {
        evaluateActionItems(changed.repId());
    }

    /**
     * A rep's absence recorded, changed or withdrawn: its activity rules are judged again at once. A team changed (its
     * own thresholds): its open deals are judged again under the new settings at once (its reps' activity at their next
     * figures, or the hourly pass). A failure here is logged: it must not hold up the roster.
     */
    @EventListener
    void onRosterChange(RosterApplied applied) {
        try {
            if (applied.event() instanceof Backfill backfill) {
                backfills.record(backfill);
            } else if (applied.event() instanceof RepChanged rep) {
                if (facts.attributeToTeam(rep.repId(), rep.teamId()) > 0) {
                    judgeWins(rep.teamId()); // wins that now count in the team's sample, or are the team's news
                }
            } else if (applied.event() instanceof RepAbsence absence) {
                evaluateRep(absence.repId());
            } else if (applied.event() instanceof TeamChanged team) {
                List<String> reps = roster.repsOf(team.teamId()).stream()
                        .map(RepChanged::repId)
                        .toList();
                facts.openDealsOf(reps).forEach(deal -> evaluateDeal(deal.dealId()));
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Signals not judged again after a roster change ({}): {}",
                    applied.event().partitionKey(),
                    e.getMessage());
        }
    }

    /** Objective rules on a new progress: at risk (raised, updated, resolved) and milestones crossed. */
    public void onObjective(ObjectiveProgressed progress, BigDecimal attainmentBefore) {
        if (quiet(progress.teamId())) {
            return; // history coming in: the team is judged once its backfill is complete
        }
        String repId =
                progress.scope() == io.salespulse.contracts.objective.ObjectiveScope.REP ? progress.scopeId() : null;
        SignalStore.Context context = repId != null
                ? context(repId)
                : new SignalStore.Context(
                        null,
                        progress.teamId(),
                        roster.team(progress.teamId()).map(TeamChanged::name).orElse(progress.teamId()));
        RuleSettings rules = rulesOf(progress.teamId());
        book.sync(
                SignalType.OBJECTIVE_AT_RISK,
                progress.objectiveId(),
                ObjectiveRules.atRisk(rules.objectives(), progress),
                context,
                "objective " + progress.status().name().toLowerCase().replace('_', ' '));
        if (progress.status() == io.salespulse.contracts.kpi.ObjectiveStatus.CANCELLED) {
            // Its last figures: nothing more to recognise or to cover.
            book.sync(
                    SignalType.LOW_COVERAGE, progress.objectiveId(), Optional.empty(), context, "objective cancelled");
            return;
        }
        ObjectiveRules.milestone(
                        rules.objectives(),
                        attainmentBefore,
                        book.highestMilestoneTold(
                                        progress.objectiveId(),
                                        rules.objectives().milestones())
                                .orElse(null),
                        progress)
                .ifPresent(milestone -> book.recognise(milestone, context));
        if (progress.metric() == io.salespulse.contracts.objective.ObjectiveMetric.REVENUE_WON) {
            evaluateCoverage(progress, context);
        }
    }

    /** Coverage of a revenue objective: open pipeline of its rep (or team) expected within its period. */
    void evaluateCoverage(ObjectiveProgressed progress, SignalStore.Context context) {
        facts.objectiveSet(progress.objectiveId())
                .filter(set -> set.currency() != null)
                .ifPresent(set -> {
                    List<String> reps = progress.scope() == io.salespulse.contracts.objective.ObjectiveScope.REP
                            ? List.of(progress.scopeId())
                            : roster.repsOf(progress.teamId()).stream()
                                    .map(RepChanged::repId)
                                    .toList();
                    BigDecimal expected = facts.openExpected(reps, set.currency(), set.periodEnd());
                    RuleSettings rules = rulesOf(progress.teamId());
                    book.sync(
                            SignalType.LOW_COVERAGE,
                            progress.objectiveId(),
                            ObjectiveRules.lowCoverage(
                                    rules.objectives(),
                                    progress.objectiveId(),
                                    progress.target(),
                                    progress.actual(),
                                    expected),
                            context,
                            "pipeline covers 3 times what is left, or less than 25% is left");
                });
    }

    /** The installation's rule settings with the team's own thresholds over them. */
    RuleSettings rulesOf(String teamId) {
        return teamId == null
                ? rules
                : rules.forTeam(
                        roster.team(teamId).map(TeamChanged::rulesOrNone).orElse(TeamRules.NONE));
    }

    /**
     * Deal rules for one deal: stalled (the stage's rotting days for the owner's team), gone quiet, close date slipping,
     * close date passed (in the team's days). Each signal names the deal and links to it in its CRM.
     */
    public void evaluateDeal(String dealId) {
        facts.deal(dealId).ifPresent(deal -> {
            String owner = facts.ownerOf(dealId).orElse(null);
            // The owner's zone: the deal's days in stage and today, for the summary and the rules alike.
            ZoneId zone = owner == null ? ZoneId.of("UTC") : roster.zoneOf(owner);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            SignalStore.Context context = (owner == null ? new SignalStore.Context(null, null, "") : context(owner))
                    .about(summaryOf(deal, zone, today));
            if (quiet(context.teamId())) {
                return;
            }
            RuleSettings.Deals settings = rulesOf(context.teamId()).deals();
            BigDecimal median = context.teamId() == null || deal.stage() == null
                    ? null
                    : facts.medianDaysInStage(
                            context.teamId(),
                            deal.stage(),
                            clock.instant().minus(rules.windows().stageMedian()));
            book.sync(
                    SignalType.STALLED_DEAL,
                    dealId,
                    DealRules.stalled(settings, deal, median, zone, today),
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
                    DealRules.closeDatePassed(settings, deal, today),
                    context,
                    "close date moved or deal closed");
        });
    }

    /** The deal as a manager reads it in a signal: name, amount, stage and days in it, close date, CRM link. */
    DealSummary summaryOf(DealView deal, ZoneId zone, LocalDate today) {
        DealStage stage = DealRules.stageOf(deal);
        Long days = deal.stageSince() == null
                ? null
                : io.salespulse.kit.figures.Figures.daysSince(deal.stageSince(), zone, today);
        return new DealSummary(
                deal.name(),
                deal.amount(),
                stage,
                days,
                deal.expectedCloseDate(),
                links.of(deal.dealId()).orElse(null));
    }

    /**
     * Wins arrived: each team they were won for has its wins of the week judged (see {@link #judgeWins}), once per team
     * however many wins the batch carried. An old win arriving (a replay) is not news itself, but it may belong to the
     * sample a recent win is measured against.
     */
    public void onDealsWon(List<DealWon> wins) {
        wins.stream()
                .map(won -> won.ownerRepId() == null
                        ? null
                        : facts.wonTeamOf(won.dealId()).orElse(null))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(this::judgeWins);
    }

    /**
     * The big-win rule on each of the team's wins still news (won within {@code windows.big-win-news}, a week): above the
     * team's usual wins, the 75th percentile of its wins in the same currency over the {@code windows.big-win-sample}
     * (90 days) up to the win, the win itself left out. The verdict depends on the wins won before it, not on the order
     * in which the deals topic's partitions deliver them, so a win judged before part of its sample arrived is judged
     * again when the rest arrives (and at every hourly pass while it is news). A recognition is told once.
     */
    void judgeWins(String teamId) {
        if (quiet(teamId)) {
            return;
        }
        java.time.Instant now = clock.instant();
        RuleSettings.Deals settings = rulesOf(teamId).deals();
        for (CoachingFactsStore.Win win :
                facts.winsSince(teamId, now.minus(rules.windows().bigWinNews()))) {
            if (win.ownerRepId() == null) {
                continue;
            }
            List<BigDecimal> usual = facts.wonAmounts(
                    teamId,
                    win.amount().currency(),
                    win.wonAt().minus(rules.windows().bigWinSample()),
                    win.wonAt(),
                    win.dealId());
            DealRules.bigWin(settings, win.dealId(), win.amount().amount(), usual)
                    .ifPresent(detection -> {
                        ZoneId zone = roster.zoneOf(win.ownerRepId());
                        SignalStore.Context about = context(win.ownerRepId())
                                .about(facts.deal(win.dealId())
                                        .map(deal -> summaryOf(deal, zone, LocalDate.now(clock.withZone(zone))))
                                        .orElse(new DealSummary(
                                                null,
                                                win.amount(),
                                                DealStage.WON,
                                                null,
                                                null,
                                                links.of(win.dealId()).orElse(null))));
                        book.recognise(detection, about);
                    });
        }
    }

    /** Every rep and open deal of a team. */
    public void evaluateTeam(TeamChanged team) {
        List<String> reps =
                roster.repsOf(team.teamId()).stream().map(RepChanged::repId).toList();
        reps.forEach(this::evaluateRep);
        reps.forEach(this::evaluateActionItems);
        reps.forEach(this::evaluatePlan);
        facts.openDealsOf(reps).forEach(deal -> evaluateDeal(deal.dealId()));
        judgeWins(team.teamId());
        for (ObjectiveProgressed revenue : facts.revenueObjectives(team.teamId(), reps)) {
            String repId =
                    revenue.scope() == io.salespulse.contracts.objective.ObjectiveScope.REP ? revenue.scopeId() : null;
            evaluateCoverage(
                    revenue,
                    repId != null ? context(repId) : new SignalStore.Context(null, team.teamId(), team.name()));
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
