package io.salespulse.coaching.signals;

import io.salespulse.coaching.oneonones.OneOnOneRecords;
import io.salespulse.coaching.signals.rules.CareRules;
import io.salespulse.coaching.signals.rules.Detection;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.org.CareRule;
import io.salespulse.contracts.org.TeamCare;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.calendar.WorkingCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The care rules (after hours rising, no rest, sustained overload on the rep's days; energy falling and 1:1 overdue on
 * its 1:1s), each against the rep's own past. A rule its team turned off raises nothing and resolves what it had
 * raised; an inactive rep has none open. Care signals are told to the rep's managers only ({@link CareVisibility}).
 */
@Component
class CareJudge implements SignalJudge {

    /** The energy checks the energy rule reads: the last one and the four before. */
    static final int ENERGY_CHECKS = 5;

    private final CareHistories histories;
    private final OneOnOneRecords oneOnOnes;
    private final SignalStore book;
    private final WorkingCalendar calendar;
    private final SignalContexts contexts;
    private final Clock clock;

    CareJudge(
            CareHistories histories,
            OneOnOneRecords oneOnOnes,
            SignalStore book,
            WorkingCalendar calendar,
            SignalContexts contexts,
            Clock clock) {
        this.histories = histories;
        this.oneOnOnes = oneOnOnes;
        this.book = book;
        this.calendar = calendar;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    public void judgeRep(Rep subject, RepChange change) {
        RuleSettings.Care t = contexts.rules().care();
        TeamCare care = subject.team() == null ? TeamCare.NONE : subject.team().careOrNone();
        String repId = subject.repId();
        if (!subject.rep().active()) {
            for (SignalType type : SignalType.values()) {
                if (type.isCare()) {
                    book.sync(type, repId, Optional.empty(), subject.context(), "rep no longer active");
                }
            }
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(subject.zone()));
        if (change.in(RepChange.ACTIVITY, RepChange.ABSENCE, RepChange.HOURLY, RepChange.TEAM_SETTINGS)) {
            CareRules.CareHistory history = histories.of(subject.rep(), subject.team(), today);
            sync(
                    subject,
                    care,
                    CareRule.AFTER_HOURS_RISING,
                    () -> CareRules.afterHoursRising(history, t),
                    "activity outside working hours back near the rep's usual share");
            sync(subject, care, CareRule.NO_REST, () -> CareRules.noRest(history, t), "a day of rest taken");
            sync(
                    subject,
                    care,
                    CareRule.SUSTAINED_OVERLOAD,
                    () -> CareRules.sustainedOverload(history, t),
                    "load back near the rep's usual week");
        }
        if (change.in(RepChange.ACTION_ITEMS, RepChange.ABSENCE, RepChange.HOURLY, RepChange.TEAM_SETTINGS)) {
            sync(
                    subject,
                    care,
                    CareRule.ENERGY_DROP,
                    () -> CareRules.energyDrop(repId, oneOnOnes.energies(repId, ENERGY_CHECKS), t),
                    "energy back up at the last 1:1");
            boolean away = calendar.absence(repId, today).isPresent();
            sync(
                    subject,
                    care,
                    CareRule.ONE_ON_ONE_OVERDUE,
                    () -> away
                            ? Optional.empty()
                            : CareRules.oneOnOneOverdue(
                                    repId,
                                    oneOnOneSince(subject),
                                    t.oneOnOneDays(
                                            subject.context().stance() == Stance.ONBOARDING,
                                            subject.rep().seniority(),
                                            care),
                                    today),
                    away ? "rep away" : "1:1 held");
        }
    }

    /**
     * What a rep's 1:1 cadence counts from: its last 1:1; none yet, the day its team's first 1:1 was recorded here (or
     * the rep's start, if later); null when the team records no 1:1 in SalesPulse.
     */
    private LocalDate oneOnOneSince(Rep subject) {
        Optional<LocalDate> last = oneOnOnes.last(subject.repId()).map(o -> LocalDate.parse(o.heldOn()));
        if (last.isPresent()) {
            return last.get();
        }
        LocalDate start = subject.rep().startDate();
        return oneOnOnes
                .firstOfTeam(subject.rep().teamId())
                .map(first -> start != null && start.isAfter(first) ? start : first)
                .orElse(null);
    }

    /** Keeps a care rule's signal in step, or resolves it when the team turned the rule off. */
    private void sync(
            Rep subject, TeamCare care, CareRule rule, Supplier<Optional<Detection>> detect, String resolution) {
        SignalType type = SignalType.valueOf(rule.name());
        if (!care.on(rule)) {
            book.sync(type, subject.repId(), Optional.empty(), subject.context(), "rule turned off by the team");
            return;
        }
        book.sync(type, subject.repId(), detect.get(), subject.context(), resolution);
    }
}
