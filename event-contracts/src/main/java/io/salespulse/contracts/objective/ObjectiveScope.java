package io.salespulse.contracts.objective;

/** Whose objective it is. */
public enum ObjectiveScope {
    REP,
    TEAM
}
