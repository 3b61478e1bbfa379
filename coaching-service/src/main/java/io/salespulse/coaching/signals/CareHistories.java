package io.salespulse.coaching.signals;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.coaching.signals.rules.CareRules;
import io.salespulse.coaching.signals.rules.RuleSettings;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.WorkingHours;
import io.salespulse.kit.calendar.WorkingCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** A rep's days as the care rules read them, for the rules and for the rep's own care figures alike. */
@Component
public class CareHistories {

    private final CoachingFactsStore facts;
    private final WorkingCalendar calendar;
    private final RuleSettings rules;

    CareHistories(CoachingFactsStore facts, WorkingCalendar calendar, RuleSettings rules) {
        this.facts = facts;
        this.calendar = calendar;
        this.rules = rules;
    }

    /** The care thresholds of the installation. */
    public RuleSettings.Care settings() {
        return rules.care();
    }

    /**
     * The rep's days up to yesterday (in its team's zone), enough for the longest window of the care rules and its
     * baseline.
     *
     * @param team the rep's team (null when the roster does not know it: Monday to Friday, 09:00 to 18:00)
     */
    public CareRules.CareHistory of(RepChanged rep, TeamChanged team, LocalDate today) {
        RuleSettings.Care t = rules.care();
        LocalDate yesterday = today.minusDays(1);
        int weeks = Math.max(
                t.baselineWeeks() + t.overloadWeeks() + 2,
                Math.max(t.noDayOffWeeks(), t.baselineWeeks() + t.afterHoursWindowDays() / 5 + 4));
        return new CareRules.CareHistory(
                rep.repId(),
                rep.role(),
                team == null ? WorkingHours.DEFAULT : team.workingHoursOrDefault(),
                calendar.ofTeam(rep.teamId()),
                calendar.awayDays(rep.repId()),
                yesterday,
                facts.repDayFigures(rep.repId(), yesterday.minusWeeks(weeks), today));
    }
}
