package io.salespulse.notification.preferences;

/**
 * How a manager wants recognitions (objective reached, big win, personal best, back on track): a class of their own,
 * not held back by the minimum severity of weak signals.
 */
public enum Recognitions {
    /** Sent at once (outside quiet hours), the default: a win is worth saying while it is fresh. */
    INSTANT,
    /** Gathered in the daily digest. */
    DIGEST,
    /** Not sent (still in the cockpit and the 1:1 agenda). */
    OFF
}
