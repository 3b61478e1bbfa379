package io.salespulse.coaching.signals;

/** A signal's lifecycle. */
public enum SignalStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
