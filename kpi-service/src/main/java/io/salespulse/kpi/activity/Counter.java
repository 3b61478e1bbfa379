package io.salespulse.kpi.activity;

/** The per rep-day counters kept in {@code rep_days}; field names are the Mongo field names. */
enum Counter {
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
