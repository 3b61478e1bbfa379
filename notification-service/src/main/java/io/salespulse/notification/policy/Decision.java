package io.salespulse.notification.policy;

import java.time.Instant;

/**
 * What to do with a signal for one manager.
 *
 * @param route  instant, digest, or not at all
 * @param sendAt when an instant notification may go out (the end of quiet hours if it falls within them)
 * @param reason why, for the delivery log
 */
public record Decision(Route route, Instant sendAt, RoutingReason reason) {

    public enum Route {
        INSTANT,
        DIGEST,
        SUPPRESSED
    }
}
