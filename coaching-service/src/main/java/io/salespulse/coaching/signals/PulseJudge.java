package io.salespulse.coaching.signals;

import io.salespulse.coaching.pulse.PulseStore;
import io.salespulse.coaching.signals.rules.CareRules;
import io.salespulse.contracts.org.CareRule;
import io.salespulse.contracts.org.TeamCare;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The team pulse's morale: TEAM_MORALE_DROP when the team's latest week falls under its own usual (a care signal, for
 * the team's managers only), judged with each answer and at each pass over the team; resolved when the team no longer
 * runs the pulse or turned the rule off.
 */
@Component
class PulseJudge implements SignalJudge {

    private final PulseStore pulse;
    private final SignalStore book;
    private final RosterStore roster;
    private final SignalContexts contexts;
    private final Clock clock;

    PulseJudge(PulseStore pulse, SignalStore book, RosterStore roster, SignalContexts contexts, Clock clock) {
        this.pulse = pulse;
        this.book = book;
        this.roster = roster;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void judgeTeam(Team subject) {
        TeamChanged team = roster.team(subject.teamId()).orElse(null);
        if (team == null) {
            return;
        }
        TeamCare care = team.careOrNone();
        SignalStore.Context context = contexts.ofTeam(team.teamId());
        if (!care.runsPulse() || !care.on(CareRule.TEAM_MORALE_DROP)) {
            book.sync(
                    SignalType.TEAM_MORALE_DROP,
                    team.teamId(),
                    Optional.empty(),
                    context,
                    care.runsPulse() ? "rule turned off by the team" : "the team no longer runs the pulse");
            return;
        }
        var t = contexts.rules().care();
        LocalDate monday = LocalDate.now(clock.withZone(ZoneId.of(team.timezone())))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var weeks = pulse.weeksOf(team.teamId(), monday, t.moraleBaselineWeeks() + 2).stream()
                .map(w -> new CareRules.PulseWeek(w.week(), w.average(), w.answers()))
                .toList();
        book.sync(
                SignalType.TEAM_MORALE_DROP,
                team.teamId(),
                CareRules.teamMoraleDrop(team.teamId(), weeks, monday, t),
                context,
                "the team's pulse back near its usual");
    }
}
