package io.salespulse.notification.delivery;

import io.salespulse.contracts.signal.SignalEvent;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.notification.inbox.SignalRouting;
import io.salespulse.notification.policy.RoutingReason;
import org.springframework.stereotype.Component;

/**
 * Raised signals are routed to managers (once their team is known: {@link AwaitingRoster}; where no manager or channel is
 * there yet, once one appears: {@link Rerouting}); a signal escalated to CRITICAL goes out at once if it was waiting for
 * the digest (or was below a manager's minimum); a resolved signal's unsent deliveries are suppressed.
 */
@Component
class DeliveryRouting implements SignalRouting {

    private final Router router;
    private final AwaitingRoster awaiting;
    private final Rerouting rerouting;
    private final DeliveryStore queue;

    DeliveryRouting(Router router, AwaitingRoster awaiting, Rerouting rerouting, DeliveryStore queue) {
        this.router = router;
        this.awaiting = awaiting;
        this.rerouting = rerouting;
        this.queue = queue;
    }

    @Override
    public void on(SignalEvent event) {
        if (event instanceof SignalRaised raised) {
            awaiting.route(raised);
        } else if (event instanceof SignalUpdated updated) {
            awaiting.update(updated);
            rerouting.update(updated);
            router.escalate(updated);
        } else if (event instanceof SignalResolved resolved) {
            awaiting.forget(resolved.signalId());
            queue.suppressUnsent(resolved.signalId(), RoutingReason.RESOLVED_BEFORE_SENT.text());
        }
    }
}
