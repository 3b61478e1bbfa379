package io.salespulse.contracts.signal;

/** The kinds of signal: weak signals to act on early, and positive ones worth recognising. */
public enum SignalType {
    ACTIVITY_DROP(false),
    SILENCE(false),
    CONNECT_RATE_DROP(false),
    STALLED_DEAL(false),
    DEAL_GONE_QUIET(false),
    CLOSE_DATE_SLIPPING(false),
    /** An open deal's expected close date has gone by. */
    CLOSE_DATE_PASSED(false),
    OBJECTIVE_AT_RISK(false),
    LOW_COVERAGE(false),
    /** Action items agreed in a rep's 1:1s are past their due date and not done (told in the daily digest). */
    ACTION_ITEMS_OVERDUE(false),
    /** A rep's development plan has not been reviewed with the rep for a month. */
    PLAN_NOT_REVIEWED(false),
    OBJECTIVE_ACHIEVED(true),
    BIG_WIN(true),
    PERSONAL_BEST(true),
    BACK_ON_TRACK(true),
    /** An indicator goal of a rep's development plan is reached. */
    PLAN_GOAL_REACHED(true),
    /** A milestone of a rep's development plan is done. */
    PLAN_MILESTONE_REACHED(true);

    private final boolean positive;

    SignalType(boolean positive) {
        this.positive = positive;
    }

    /** Whether this is a recognition rather than a warning. */
    public boolean isPositive() {
        return positive;
    }
}
