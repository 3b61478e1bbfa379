package io.salespulse.notification.delivery;

import io.salespulse.contracts.signal.SignalEvent;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.notification.inbox.SignalRouting;
import org.springframework.stereotype.Component;

/**
 * Raised signals are routed to managers; a signal escalated to CRITICAL goes out at once if it was waiting for the
 * digest (or was below a manager's minimum); a resolved signal's unsent deliveries are suppressed.
 */
@Component
class DeliveryRouting implements SignalRouting {

    private final Router router;
    private final DeliveryQueue queue;

    DeliveryRouting(Router router, DeliveryQueue queue) {
        this.router = router;
        this.queue = queue;
    }

    @Override
    public void on(SignalEvent event) {
        if (event instanceof SignalRaised raised) {
            router.route(raised);
        } else if (event instanceof SignalUpdated updated) {
            router.escalate(updated);
        } else if (event instanceof SignalResolved resolved) {
            queue.suppressUnsent(resolved.signalId(), "resolved before it was sent");
        }
    }
}
