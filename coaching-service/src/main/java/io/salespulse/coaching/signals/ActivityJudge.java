package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.signals.rules.ActivityRules;
import io.salespulse.coaching.signals.rules.ActivityThresholds;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.coaching.signals.rules.WorkingDays;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.TeamRules;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.calendar.WorkingCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The rep-activity rules (activity drop, silence, connect-rate drop; personal best and back on track), and the team's
 * activity drop (most of its reps dropping at once: one signal, the reps' drops linked to it), on the completed working
 * days of the team's zone. Public holidays and the rep's absences are not working days; while the rep is away,
 * and for a grace period after its return, no silence or activity drop is raised (and one that is open is resolved:
 * the rep was not silent, it was away).
 */
@Component
class ActivityJudge implements SignalJudge {

    // Enough for the 25 working days of the activity rules and the 12 weeks of a personal best.
    static final int HISTORY_CALENDAR_DAYS = 7 * 13;

    private final CoachingFactsStore facts;
    private final SignalStore book;
    private final WorkingCalendar calendar;
    private final ActivityThresholds thresholds;
    private final SignalContexts contexts;
    private final io.salespulse.kit.roster.RosterStore roster;
    private final Clock clock;

    ActivityJudge(
            CoachingFactsStore facts,
            SignalStore book,
            WorkingCalendar calendar,
            ActivityThresholds thresholds,
            SignalContexts contexts,
            io.salespulse.kit.roster.RosterStore roster,
            Clock clock) {
        this.roster = roster;
        this.facts = facts;
        this.book = book;
        this.calendar = calendar;
        this.thresholds = thresholds;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void judgeRep(Rep subject, RepChange change) {
        if (!change.in(RepChange.ACTIVITY, RepChange.TODAYS_ACTIVITY, RepChange.ABSENCE, RepChange.HOURLY)) {
            return;
        }
        var rep = subject.rep();
        String repId = rep.repId();
        SignalStore.Context context = subject.context();
        if (!rep.active()) {
            book.sync(SignalType.ACTIVITY_DROP, repId, Optional.empty(), context, "rep no longer active");
            book.sync(SignalType.SILENCE, repId, Optional.empty(), context, "rep no longer active");
            book.sync(SignalType.CONNECT_RATE_DROP, repId, Optional.empty(), context, "rep no longer active");
            return;
        }
        LocalDate yesterday = WorkingDays.lastCompletedDay(clock.instant(), subject.zone());
        if (awayOrJustBack(repId, rep.teamId(), yesterday.plusDays(1))) {
            book.sync(SignalType.ACTIVITY_DROP, repId, Optional.empty(), context, "rep away or just back");
            book.sync(SignalType.SILENCE, repId, Optional.empty(), context, "rep away or just back");
            return;
        }
        ActivityRules.RepHistory history = history(rep, yesterday);
        TeamRules teamRules =
                subject.team() == null ? TeamRules.NONE : subject.team().rulesOrNone();
        var drop = thresholds.activityDrop(rep.role(), rep.seniority(), teamRules);
        Optional<Detection> activityDrop = ActivityRules.activityDrop(history, drop);
        // A drop about to be raised: the team is judged first. If most of it drops too, the rep's drop is part of the
        // team's signal, told with it rather than on its own.
        String linkedTo = null;
        if (activityDrop.isPresent() && !book.isOpen(SignalType.ACTIVITY_DROP, repId) && rep.teamId() != null) {
            linkedTo = teamDrop(rep.teamId()).orElse(null);
        }
        Optional<Detection> silence =
                ActivityRules.silence(history, thresholds.silence(rep.role(), rep.seniority(), teamRules));
        String ratio = ActivityRules.activityRatio(history, drop)
                .map(r -> r.ratio().movePointRight(2).intValue() + "% of baseline")
                .orElse("activity resumed");
        book.sync(SignalType.ACTIVITY_DROP, repId, activityDrop, context, "activity back to " + ratio, linkedTo);
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
                            clock.instant().minus(contexts.rules().windows().backOnTrack()))
                    .flatMap(cleared -> ActivityRules.backOnTrack(
                            history, drop, evidence(cleared, "baseline"), repId + "@" + cleared.signalId()))
                    .ifPresent(back -> book.recognise(back, context));
        }
    }

    /** The team's activity drop, at each pass over the team (hourly, after a backfill). */
    @Override
    public void judgeTeam(Team team) {
        teamDrop(team.teamId());
    }

    /**
     * Keeps the team's activity drop in step (most of its active reps measured dropping in the same window) and links
     * its dropping reps' open drops to it (or, once it is resolved, to nothing); the id of the team's open signal, if
     * it is open.
     */
    private Optional<String> teamDrop(String teamId) {
        TeamChanged team = roster.team(teamId).orElse(null);
        if (team == null) {
            return Optional.empty();
        }
        LocalDate yesterday = WorkingDays.lastCompletedDay(clock.instant(), java.time.ZoneId.of(team.timezone()));
        List<ActivityRules.MemberRatio> members = new ArrayList<>();
        for (RepChanged rep : roster.repsOf(teamId)) {
            if (!rep.active() || awayOrJustBack(rep.repId(), teamId, yesterday.plusDays(1))) {
                continue;
            }
            var drop = thresholds.activityDrop(rep.role(), rep.seniority(), team.rulesOrNone());
            ActivityRules.activityRatio(history(rep, yesterday), drop)
                    .ifPresent(r -> members.add(new ActivityRules.MemberRatio(
                            rep.repId(), r.ratio(), r.ratio().compareTo(drop.warningBelow()) < 0)));
        }
        Optional<Detection> detection = ActivityRules.teamActivityDrop(teamId, members);
        book.sync(
                SignalType.TEAM_ACTIVITY_DROP,
                teamId,
                detection,
                contexts.ofTeam(teamId),
                "most of the team's activity back above its drop threshold");
        Optional<String> open = detection.flatMap(d -> book.openId(SignalType.TEAM_ACTIVITY_DROP, teamId));
        if (open.isPresent()) {
            members.stream()
                    .filter(ActivityRules.MemberRatio::dropping)
                    .forEach(member -> book.link(SignalType.ACTIVITY_DROP, member.repId(), open.get()));
        } else {
            book.unlinkTeam(SignalType.ACTIVITY_DROP, teamId);
        }
        return open;
    }

    private ActivityRules.RepHistory history(RepChanged rep, LocalDate yesterday) {
        return new ActivityRules.RepHistory(
                rep.repId(),
                rep.role(),
                rep.startDate(),
                calendar.ofRep(rep.repId()),
                yesterday,
                facts.repDays(rep.repId(), yesterday.minusDays(HISTORY_CALENDAR_DAYS), yesterday));
    }

    private static BigDecimal evidence(Signal signal, String name) {
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
    private boolean awayOrJustBack(String repId, String teamId, LocalDate today) {
        if (calendar.absence(repId, today).isPresent()) {
            return true;
        }
        return WorkingDays.ending(
                        today.minusDays(1), contexts.rules().windows().returnGraceDays(), calendar.ofTeam(teamId))
                .stream()
                .anyMatch(day -> calendar.absence(repId, day).isPresent());
    }
}
