package io.salespulse.contracts.signal;

/** What a signal is about. */
public enum SubjectKind {
    REP,
    DEAL,
    TEAM,
    OBJECTIVE,
    /** A customer account (its CSM's signal; the account's name, ARR and renewal date in the signal's summary). */
    ACCOUNT
}
