package io.salespulse.notification.inbox;

import io.salespulse.contracts.signal.SignalEvent;

/** What happens to a signal's lifecycle events beyond the inbox: routing raised ones, cancelling resolved ones. */
public interface SignalRouting {

    void on(SignalEvent event);
}
