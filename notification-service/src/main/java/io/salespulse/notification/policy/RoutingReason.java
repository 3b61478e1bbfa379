package io.salespulse.notification.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why a signal was routed as it was for one manager. Its text is the delivery's {@code detail} (English, for operators
 * and the API); the delivery log gives the code too ({@code reason}), which the cockpit words in the manager's
 * language.
 */
public enum RoutingReason {
    RESOLVED_BEFORE_SENT("resolved before it was sent"),
    RECOGNITIONS_OFF("recognitions turned off by the manager"),
    RECOGNITIONS_IN_DIGEST("recognitions go in the daily digest"),
    BELOW_MINIMUM_SEVERITY("below the manager's minimum severity"),
    IN_DAILY_DIGEST("goes in the daily digest"),
    PART_OF_A_TEAM_SIGNAL("part of a team's signal: goes in the daily digest"),
    INSTANT_LIMIT_REACHED("more than " + NotificationPolicy.MAX_INSTANT_PER_HOUR + " instant notifications this hour"),
    SENT_AT_ONCE("sent at once"),
    ESCALATED("escalated to CRITICAL: sent at once");

    private static final Map<String, RoutingReason> BY_TEXT =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RoutingReason::text, Function.identity()));

    private final String text;

    RoutingReason(String text) {
        this.text = text;
    }

    /** The reason as a delivery's detail tells it. */
    public String text() {
        return text;
    }

    /** The reason a delivery's detail tells, or null when the detail is an attempt's outcome ("HTTP 200"). */
    public static RoutingReason of(String detail) {
        return detail == null ? null : BY_TEXT.get(detail);
    }
}
