package io.salespulse.notification.policy;

import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.notification.preferences.Preferences;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The notification policy of kpis-and-signals.md, pure. Recognitions are a class of their own: at once by default,
 * in the digest or not at all as the manager chose, whatever the minimum severity. Weak signals: below the manager's
 * minimum severity, nothing; CRITICAL ones at once; the others in the daily digest. "At once" is at the end of quiet
 * hours when they are on, and at most 10 instant notifications per manager per hour (the rest wait for the digest);
 * a resolved signal is not sent.
 */
public final class NotificationPolicy {

    public static final int MAX_INSTANT_PER_HOUR = 10;

    private NotificationPolicy() {}

    /**
     * @param type            the signal's type
     * @param severity        its severity
     * @param resolved        whether it is already resolved
     * @param preferences     the manager's preferences
     * @param now             now
     * @param instantLastHour instant notifications already sent or queued to this manager in the last hour
     */
    public static Decision decide(
            SignalType type,
            Severity severity,
            boolean resolved,
            Preferences preferences,
            Instant now,
            int instantLastHour) {
        return decide(type, severity, resolved, false, preferences, now, instantLastHour);
    }

    /**
     * As above; {@code linked}: the signal is part of another one the manager is told of (a rep's activity drop within
     * its team's): it goes in the daily digest, never at once, so the manager hears once of the whole.
     */
    public static Decision decide(
            SignalType type,
            Severity severity,
            boolean resolved,
            boolean linked,
            Preferences preferences,
            Instant now,
            int instantLastHour) {
        if (resolved) {
            return new Decision(Decision.Route.SUPPRESSED, null, RoutingReason.RESOLVED_BEFORE_SENT);
        }
        if (type.isPositive()) {
            switch (preferences.recognitionsOrDefault()) {
                case OFF -> {
                    return new Decision(Decision.Route.SUPPRESSED, null, RoutingReason.RECOGNITIONS_OFF);
                }
                case DIGEST -> {
                    return new Decision(Decision.Route.DIGEST, null, RoutingReason.RECOGNITIONS_IN_DIGEST);
                }
                default -> {
                    return instant(preferences, now, instantLastHour);
                }
            }
        }
        Severity floor = preferences.minSeverity() == null ? Severity.INFO : preferences.minSeverity();
        if (severity.compareTo(floor) < 0) {
            return new Decision(Decision.Route.SUPPRESSED, null, RoutingReason.BELOW_MINIMUM_SEVERITY);
        }
        if (linked) {
            return new Decision(Decision.Route.DIGEST, null, RoutingReason.PART_OF_A_TEAM_SIGNAL);
        }
        if (severity != Severity.CRITICAL) {
            return new Decision(Decision.Route.DIGEST, null, RoutingReason.IN_DAILY_DIGEST);
        }
        return instant(preferences, now, instantLastHour);
    }

    private static Decision instant(Preferences preferences, Instant now, int instantLastHour) {
        if (instantLastHour >= MAX_INSTANT_PER_HOUR) {
            return new Decision(Decision.Route.DIGEST, null, RoutingReason.INSTANT_LIMIT_REACHED);
        }
        return new Decision(Decision.Route.INSTANT, sendAt(preferences, now), RoutingReason.SENT_AT_ONCE);
    }

    /** Now, or the end of the quiet hours in the manager's zone if now falls within them. */
    static Instant sendAt(Preferences preferences, Instant now) {
        ZoneId zone = ZoneId.of(preferences.timezone() == null ? "UTC" : preferences.timezone());
        ZonedDateTime local = now.atZone(zone);
        if (!preferences.isQuiet(local.toLocalTime())) {
            return now;
        }
        LocalTime end = preferences.quietTo();
        ZonedDateTime endToday = local.with(end);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
