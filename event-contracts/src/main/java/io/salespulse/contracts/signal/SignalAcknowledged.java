package io.salespulse.contracts.signal;

import java.time.Instant;

/**
 * A manager acknowledged a signal. Type {@code salespulse.signal.acknowledged.v1}.
 *
 * @param signalId   the signal
 * @param type       what kind
 * @param repId      the rep concerned, if any
 * @param teamId     the team concerned
 * @param managerId  who acknowledged it
 * @param occurredAt when
 */
public record SignalAcknowledged(
        String signalId, SignalType type, String repId, String teamId, String managerId, Instant occurredAt)
        implements SignalEvent {}
