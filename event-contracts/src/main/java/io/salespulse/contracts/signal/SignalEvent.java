package io.salespulse.contracts.signal;

import io.salespulse.contracts.SalesPulseEvent;

/**
 * A signal's lifecycle: raised, updated while the condition persists, acknowledged by a manager, resolved when
 * the condition clears. Published by coaching-service to {@link io.salespulse.contracts.Topics#SIGNALS}, keyed by
 * rep id (team id for signals about a team).
 */
public sealed interface SignalEvent extends SalesPulseEvent
        permits SignalRaised, SignalUpdated, SignalAcknowledged, SignalResolved {

    /** The signal. */
    String signalId();

    /** What kind of signal. */
    SignalType type();

    /** The rep concerned, or {@code null} for a team signal. */
    String repId();

    /** The team concerned. */
    String teamId();

    @Override
    default String partitionKey() {
        return repId() != null ? repId() : teamId();
    }
}
