package io.salespulse.contracts.org;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a team looks after its people, set through the roster API: the care rules it turned off and how often each rep
 * should have a 1:1 (null: the installation's cadence; docs/kpis-and-signals.md).
 *
 * @param off                 the care rules turned off for this team (their signals are neither raised nor kept open)
 * @param oneOnOneDaysOnboarding the longest gap between two 1:1s of a rep in onboarding, in days (7)
 * @param oneOnOneDaysJunior     ...of a junior (14)
 * @param oneOnOneDaysSenior     ...of a senior (28)
 * @param pulse                  whether the team runs the weekly pulse (each rep asked "How was your week?", answers
 *                               anonymous to the manager); {@code null}: not
 */
public record TeamCare(
        Set<CareRule> off,
        Integer oneOnOneDaysOnboarding,
        Integer oneOnOneDaysJunior,
        Integer oneOnOneDaysSenior,
        Boolean pulse) {

    /** Every care rule on, the installation's cadences, no pulse. */
    public static final TeamCare NONE = new TeamCare(Set.of(), null, null, null, null);

    /** Care settings without the pulse. */
    public TeamCare(
            Set<CareRule> off, Integer oneOnOneDaysOnboarding, Integer oneOnOneDaysJunior, Integer oneOnOneDaysSenior) {
        this(off, oneOnOneDaysOnboarding, oneOnOneDaysJunior, oneOnOneDaysSenior, null);
    }

    /** Whether the team runs the weekly pulse. */
    public boolean runsPulse() {
        return Boolean.TRUE.equals(pulse);
    }

    public TeamCare {
        off = off == null || off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
    }

    /** Whether the team keeps this care rule on. */
    public boolean on(CareRule rule) {
        return !off.contains(rule);
    }
}
