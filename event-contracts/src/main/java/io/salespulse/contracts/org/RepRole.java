package io.salespulse.contracts.org;

/** A rep's role: it decides the rep's key activity metric and which thresholds apply. */
public enum RepRole {
    /** Sales development rep: prospecting (calls, emails, meetings booked). */
    SDR,
    /** Account executive: meetings held and deals moved. */
    AE,
    /** Customer success manager: meetings held. */
    CSM
}
