package io.salespulse.contracts.signal;

/** What a signal is about. */
public enum SubjectKind {
    REP,
    DEAL,
    TEAM,
    OBJECTIVE
}
