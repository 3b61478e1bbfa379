package io.salespulse.contracts.signal;

/** How urgent a signal is, lowest first. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
