package io.salespulse.contracts.org;

/** Juniors get more frame and feedback (tighter thresholds) than seniors. */
public enum Seniority {
    JUNIOR,
    SENIOR
}
