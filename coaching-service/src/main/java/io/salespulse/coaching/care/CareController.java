package io.salespulse.coaching.care;

import io.salespulse.coaching.oneonones.OneOnOneRecords;
import io.salespulse.coaching.signals.CareHistories;
import io.salespulse.coaching.signals.Signal;
import io.salespulse.coaching.signals.SignalStatus;
import io.salespulse.coaching.signals.SignalStore;
import io.salespulse.coaching.signals.Stance;
import io.salespulse.coaching.signals.rules.CareRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.org.CareRule;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamCare;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.WorkingHours;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.ForbiddenException;
import io.salespulse.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A rep's care figures: what the care rules read about the rep, shown to the rep itself (My week) and to its managers,
 * so that nothing is measured behind its back. Nobody else reads them: leadership and admins get {@code 403}.
 */
@RestController
class CareController {

    /** A week's care figures, Monday to the week's last day (today for this week). */
    record CareWeek(
            LocalDate from,
            LocalDate to,
            int daysWithActivity,
            int evenings,
            int daysOffWorked,
            BigDecimal afterHoursShare) {}

    /** An energy check of a 1:1 (1-5). */
    record EnergyCheck(String heldOn, int energy) {}

    /** A care signal as the rep reads it about itself: what was seen, with its figures (no manager's suggestion). */
    record CareSignal(
            String signalId, SignalType type, SignalStatus status, List<Evidence> evidence, Instant raisedAt) {}

    /**
     * @param workdayStart            the team's working day starts (its zone)
     * @param workdayEnd              ...and ends
     * @param thisWeek                this week so far
     * @param lastWeek                last week
     * @param afterHoursShare         the share of activity outside working hours over the last 10 working days
     * @param baselineAfterHoursShare the same share over the 8 weeks before (the rep's own usual)
     * @param daysInARow              days in a row with activity, up to yesterday
     * @param lastDayOff              the last day away, or day off without activity (null: none within a year)
     * @param energy                  the energy checks of the last 1:1s, the latest first (at most five)
     * @param lastOneOnOne            the day of the last 1:1 (null: none)
     * @param oneOnOneCadenceDays     the longest gap between two 1:1s for this rep
     * @param rulesOff                the care rules the rep's team turned off
     * @param signals                 the care signals open about the rep
     */
    record CareFigures(
            String repId,
            String workdayStart,
            String workdayEnd,
            CareWeek thisWeek,
            CareWeek lastWeek,
            BigDecimal afterHoursShare,
            BigDecimal baselineAfterHoursShare,
            int daysInARow,
            LocalDate lastDayOff,
            List<EnergyCheck> energy,
            String lastOneOnOne,
            int oneOnOneCadenceDays,
            List<CareRule> rulesOff,
            List<CareSignal> signals) {}

    private final RosterStore roster;
    private final CareHistories histories;
    private final OneOnOneRecords oneOnOnes;
    private final SignalStore book;
    private final RuleSettings rules;
    private final Clock clock;

    CareController(
            RosterStore roster,
            CareHistories histories,
            OneOnOneRecords oneOnOnes,
            SignalStore book,
            RuleSettings rules,
            Clock clock) {
        this.roster = roster;
        this.histories = histories;
        this.oneOnOnes = oneOnOnes;
        this.book = book;
        this.rules = rules;
        this.clock = clock;
    }

    @Operation(summary = "A rep's care figures (the rep itself and its managers only)")
    @GetMapping("/api/v1/reps/{repId}/care")
    CareFigures care(@PathVariable @Bounded String repId) {
        RepChanged rep = roster.rep(repId).orElseThrow(() -> new NotFoundException("No rep " + repId));
        if (!Caller.current()
                .map(caller -> caller.seesCareOf(rep.teamId(), repId))
                .orElse(false)) {
            throw new ForbiddenException("A rep's care figures are for the rep and its managers only.");
        }
        TeamChanged team = roster.team(rep.teamId()).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        CareRules.CareHistory history = histories.of(rep, team, today);
        RuleSettings.Care t = histories.settings();
        List<LocalDate> window = io.salespulse.coaching.signals.rules.WorkingDays.ending(
                history.yesterday(),
                t.afterHoursWindowDays(),
                day -> history.teamWorks().test(day) && !history.away().test(day));
        LocalDate from = window.isEmpty() ? history.yesterday() : window.get(0);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        TeamCare care = team == null ? TeamCare.NONE : team.careOrNone();
        WorkingHours hours = history.hours();
        var last = oneOnOnes.last(repId);
        return new CareFigures(
                repId,
                hours.start().toString(),
                hours.end().toString(),
                week(history, monday, today),
                week(history, monday.minusWeeks(1), monday.minusDays(1)),
                CareRules.share(history, from, history.yesterday()).share(),
                CareRules.share(history, from.minusWeeks(t.baselineWeeks()), from.minusDays(1))
                        .share(),
                CareRules.daysInARow(history),
                CareRules.lastDayOff(history).orElse(null),
                oneOnOnes.energyChecks(repId, 5).stream()
                        .map(check -> new EnergyCheck(check.heldOn(), check.energy()))
                        .toList(),
                last.map(OneOnOneRecords.OneOnOne::heldOn).orElse(null),
                t.oneOnOneDays(
                        Stance.of(rep, today, rules.windows().onboarding()) == Stance.ONBOARDING,
                        rep.seniority(),
                        care),
                Arrays.stream(CareRule.values()).filter(rule -> !care.on(rule)).toList(),
                book.ofRep(repId).stream()
                        .filter(s -> s.type().isCare() && s.status() != SignalStatus.RESOLVED)
                        .map(CareController::asRead)
                        .toList());
    }

    private static CareSignal asRead(Signal s) {
        return new CareSignal(s.signalId(), s.type(), s.status(), s.evidence(), s.raisedAt());
    }

    private static CareWeek week(CareRules.CareHistory history, LocalDate from, LocalDate to) {
        CareRules.Share share = CareRules.share(history, from, to);
        int active = (int) from.datesUntil(to.plusDays(1))
                .filter(day -> CareRules.actionsOn(history, day) > 0)
                .count();
        return new CareWeek(from, to, active, share.eveningsWorked(), share.daysOffWorked(), share.share());
    }
}
