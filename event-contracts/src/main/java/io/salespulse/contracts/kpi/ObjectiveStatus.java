package io.salespulse.contracts.kpi;

/** Where an objective stands, from attainment and projection. */
public enum ObjectiveStatus {
    /** Attainment is 100% or more. */
    ACHIEVED,
    /** Projected to reach 100% at the current pace. */
    ON_TRACK,
    /** Projected between 80% and 100%. */
    AT_RISK,
    /** Projected below 80%. */
    OFF_TRACK,
    /** A manager cancelled it: its last figures, published once; it is no longer counted or judged. */
    CANCELLED
}
