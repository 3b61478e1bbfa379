package io.salespulse.contracts.activity;

/** How a call ended. Only {@link #CONNECTED} counts as a conversation. */
public enum CallOutcome {
    CONNECTED,
    NO_ANSWER,
    VOICEMAIL,
    BUSY,
    WRONG_NUMBER
}
