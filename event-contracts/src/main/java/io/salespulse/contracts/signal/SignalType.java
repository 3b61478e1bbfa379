package io.salespulse.contracts.signal;

import io.salespulse.contracts.org.CareRule;

/** The kinds of signal: weak signals to act on early, and positive ones worth recognising. */
public enum SignalType {
    ACTIVITY_DROP(false),
    /**
     * Most of a team's active reps drop in the same window (a tool outage, a morale issue, a market change): one signal
     * for the team, its reps' own drops linked to it.
     */
    TEAM_ACTIVITY_DROP(false),
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
    /** Care: a growing share of the rep's activity happens in the evening, at night or on days off. */
    AFTER_HOURS_RISING(CareRule.AFTER_HOURS_RISING),
    /** Care: the rep has worked every day for too long, or taken no day off for weeks. */
    NO_REST(CareRule.NO_REST),
    /** Care: weeks in a row well above the rep's usual week, with after-hours activity rising. */
    SUSTAINED_OVERLOAD(CareRule.SUSTAINED_OVERLOAD),
    /** Care: the energy the rep reports in its 1:1s is falling. */
    ENERGY_DROP(CareRule.ENERGY_DROP),
    /** Care: no 1:1 with the rep for longer than its cadence. */
    ONE_ON_ONE_OVERDUE(CareRule.ONE_ON_ONE_OVERDUE),
    /** Care: the team pulse's average fell under the team's own baseline (anonymous: about the team, never a rep). */
    TEAM_MORALE_DROP(CareRule.TEAM_MORALE_DROP),
    /** Customer success: a renewal due soon with no recent customer meeting, a low health score or a detractor. */
    RENEWAL_AT_RISK(false),
    /** Customer success: an account worth keeping has had no call, email or meeting for weeks. */
    CUSTOMER_GONE_QUIET(false),
    /** Customer success: an account's health score fell sharply within a month. */
    HEALTH_DROP(false),
    /** Customer success: a customer left (its last running contract churned), told with the account's history. */
    CHURNED(false),
    OBJECTIVE_ACHIEVED(true),
    BIG_WIN(true),
    PERSONAL_BEST(true),
    BACK_ON_TRACK(true),
    /** An indicator goal of a rep's development plan is reached. */
    PLAN_GOAL_REACHED(true),
    /** A milestone of a rep's development plan is done. */
    PLAN_MILESTONE_REACHED(true),
    /** Customer success: an account grew (an upsell, a renewal at a higher ARR, a new contract). */
    EXPANSION_WON(true),
    /** Customer success: a contract renewed well before its term ended. */
    RENEWAL_SECURED_EARLY(true);

    private final boolean positive;
    private final CareRule careRule;

    SignalType(boolean positive) {
        this.positive = positive;
        this.careRule = null;
    }

    SignalType(CareRule careRule) {
        this.positive = false;
        this.careRule = careRule;
    }

    /**
     * Whether this is a care signal (about a person's well-being, not its results): told to the rep's managers only,
     * and shown to the rep itself; never to leadership, on a shared screen, in an export or on a channel.
     */
    public boolean isCare() {
        return careRule != null;
    }

    /** The care rule that raises it, which a team may turn off (empty: not a care signal). */
    public java.util.Optional<CareRule> careRule() {
        return java.util.Optional.ofNullable(careRule);
    }

    /** Whether this is a recognition rather than a warning. */
    public boolean isPositive() {
        return positive;
    }
}
