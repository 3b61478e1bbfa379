package io.salespulse.kpi.activity;

/** The per rep-day counts kept in {@code rep_days} (under {@code c.}); the names are the field names. */
public enum Counter {
    calls,
    connectedCalls,
    talkTimeSeconds,
    emails,
    meetingsBooked,
    meetingsScheduled,
    meetingsHeld,
    dealsCreated,
    dealsAdvanced,
    dealsWon,
    dealsLost
}
