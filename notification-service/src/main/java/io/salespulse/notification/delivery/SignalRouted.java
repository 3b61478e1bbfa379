package io.salespulse.notification.delivery;

import io.salespulse.contracts.signal.SignalRaised;

/**
 * A raised signal routed to its team's managers (published in the routing's thread, once its team is known): what a
 * team's celebration channel posts from.
 *
 * @param signal the signal as raised
 */
public record SignalRouted(SignalRaised signal) {}
