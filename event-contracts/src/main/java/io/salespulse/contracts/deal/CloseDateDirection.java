package io.salespulse.contracts.deal;

/** Which way an expected close date moved. */
public enum CloseDateDirection {
    /** Later than before: the deal slips. */
    PUSHED,
    /** Earlier than before. */
    PULLED,
    /** The deal had no expected close date before: now it has one. */
    SET
}
