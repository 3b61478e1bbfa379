package io.salespulse.contracts.org;

/**
 * The care rules a team may turn off (docs/kpis-and-signals.md, "Care signals"): each raises the signal of the same
 * name, told to the rep's managers only.
 */
public enum CareRule {
    /** Activity outside working hours rising against the rep's own share. */
    AFTER_HOURS_RISING,
    /** Activity every day for too long, or no day of rest for weeks. */
    NO_REST,
    /** Weeks in a row well above the rep's usual week, with after-hours activity rising. */
    SUSTAINED_OVERLOAD,
    /** The energy checks of the rep's 1:1s falling. */
    ENERGY_DROP,
    /** No 1:1 recorded for longer than the rep's cadence. */
    ONE_ON_ONE_OVERDUE,
    /** The team pulse's average falling under the team's own baseline. */
    TEAM_MORALE_DROP
}
