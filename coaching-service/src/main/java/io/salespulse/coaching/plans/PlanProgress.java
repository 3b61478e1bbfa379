package io.salespulse.coaching.plans;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.kit.calendar.WorkingCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where an indicator goal stands: the figure over the rep's last working days (absences and holidays skipped). */
@Component
public class PlanProgress {

    /**
     * @param value    the figure now, or null while there is too little to say
     * @param progress value / target, capped at 1 (null with the value)
     * @param reached  whether the target is met now
     */
    public record Measured(BigDecimal value, BigDecimal progress, boolean reached) {}

    private final CoachingFactsStore facts;
    private final WorkingCalendar calendar;
    private final io.salespulse.kit.roster.RosterStore roster;
    private final PlanSettings settings;
    private final Clock clock;

    PlanProgress(
            CoachingFactsStore facts,
            WorkingCalendar calendar,
            io.salespulse.kit.roster.RosterStore roster,
            PlanSettings settings,
            Clock clock) {
        this.facts = facts;
        this.calendar = calendar;
        this.roster = roster;
        this.settings = settings;
        this.clock = clock;
    }

    /** An indicator goal measured over the rep's last completed working days. */
    public Measured measure(String repId, DevelopmentPlans.Goal goal) {
        int wanted = goal.days() == null ? settings.indicatorDays() : goal.days();
        LocalDate yesterday =
                LocalDate.now(clock.withZone(roster.zoneOf(repId))).minusDays(1);
        List<LocalDate> days = new ArrayList<>();
        var working = calendar.ofRep(repId);
        // The last working days, at most a quarter back.
        for (LocalDate day = yesterday;
                days.size() < wanted && !day.isBefore(yesterday.minusDays(92));
                day = day.minusDays(1)) {
            if (working.test(day)) {
                days.add(day);
            }
        }
        Optional<BigDecimal> value = days.isEmpty()
                ? Optional.empty()
                : goal.indicator().measure(days, wanted, facts.repDays(repId, days.get(days.size() - 1), yesterday));
        if (value.isEmpty()) {
            return new Measured(null, null, false);
        }
        BigDecimal progress =
                value.get().divide(goal.target(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        return new Measured(value.get(), progress, value.get().compareTo(goal.target()) >= 0);
    }
}
