package io.salespulse.contracts.signal;

import java.time.Instant;

/**
 * The condition cleared. Type {@code salespulse.signal.resolved.v1}.
 *
 * @param signalId   the signal
 * @param type       what kind
 * @param repId      the rep concerned, if any
 * @param teamId     the team concerned
 * @param resolution why it is resolved, e.g. {@code activity back to 95% of baseline}
 * @param occurredAt when it cleared
 */
public record SignalResolved(
        String signalId, SignalType type, String repId, String teamId, String resolution, Instant occurredAt)
        implements SignalEvent {}
