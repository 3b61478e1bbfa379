package io.salespulse.contracts.signal;

import java.time.Instant;
import java.util.List;

/**
 * A persisting condition's figures or severity changed; the signal stays the same one.
 * Type {@code salespulse.signal.updated.v1}.
 *
 * @param signalId   the signal
 * @param type       what kind
 * @param repId      the rep concerned, if any
 * @param teamId     the team concerned
 * @param severity   how urgent now
 * @param evidence   the figures now
 * @param occurredAt when it changed
 */
public record SignalUpdated(
        String signalId,
        SignalType type,
        String repId,
        String teamId,
        Severity severity,
        List<Evidence> evidence,
        Instant occurredAt)
        implements SignalEvent {}
