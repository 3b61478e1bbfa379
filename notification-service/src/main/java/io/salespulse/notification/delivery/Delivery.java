package io.salespulse.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One delivery as the queue stores it: a signal (or a message of SalesPulse's own: a digest, the weekly review, a
 * test) for one manager on one channel, with its route, where it stands and every attempt.
 *
 * @param id           {@code signal|manager|channel}: a signal reaches each manager on each channel once
 * @param signalId     the signal (or the digest's, review's or test's own id)
 * @param type         the signal type, or the kind of own message
 * @param severity     the signal's severity when routed
 * @param route        INSTANT, DIGEST, SUPPRESSED, or an own message's kind
 * @param detail       the last outcome, or why it is kept or suppressed
 * @param target       where it goes (a webhook URL, an address)
 * @param payload      what the channel receives
 * @param message      the message as stored ({@code Message.stored()}), for digests and escalations; null for own messages
 * @param dueAt        when it may be sent (the next try after a failure)
 * @param createdAt    when it was routed
 * @param claimedUntil when a sender's claim on it runs out
 * @param inFlight     the attempt that has left and whose outcome is not logged yet
 * @param attempts     every attempt logged
 * @param sentAt       when it was sent (or went out in a digest)
 * @param teamId       the signal's team, on an {@link DeliveryStatus#UNROUTABLE} delivery (null otherwise)
 * @param signal       the signal as raised (its JSON event), kept on an {@link DeliveryStatus#UNROUTABLE} delivery to route
 *                     it when a manager or a channel appears (null otherwise)
 */
@Document(DeliveryStore.COLLECTION)
public record Delivery(
        @Id String id,
        String signalId,
        String managerId,
        String channel,
        String type,
        String severity,
        DeliveryStatus status,
        String route,
        String detail,
        String target,
        String payload,
        String message,
        Instant dueAt,
        Instant createdAt,
        Instant claimedUntil,
        InFlight inFlight,
        List<Logged> attempts,
        Instant sentAt,
        String teamId,
        String signal) {

    /** A delivery about to be queued: not created, claimed, tried or sent yet. */
    static Delivery routed(
            String id,
            String signalId,
            String managerId,
            String channel,
            String type,
            String severity,
            DeliveryStatus status,
            String route,
            String detail,
            String target,
            String payload,
            String message,
            Instant dueAt) {
        return new Delivery(
                id, signalId, managerId, channel, type, severity, status, route, detail, target, payload, message,
                dueAt, null, null, null, List.of(), null, null, null);
    }

    /**
     * A signal that reached no channel for one manager (or, {@code managerId} null, for its team, which has none): kept
     * with the signal, to be routed when a manager or a channel appears.
     */
    static Delivery unroutable(
            String id,
            String signalId,
            String managerId,
            String type,
            String severity,
            String reason,
            String teamId,
            String signal,
            Instant at) {
        return new Delivery(
                id,
                signalId,
                managerId,
                "none",
                type,
                severity,
                DeliveryStatus.UNROUTABLE,
                DeliveryStatus.UNROUTABLE.name(),
                reason,
                null,
                null,
                null,
                at,
                null,
                null,
                null,
                List.of(),
                null,
                teamId,
                signal);
    }

    /** The same delivery, created at a time. */
    Delivery createdAt(Instant at) {
        return new Delivery(
                id,
                signalId,
                managerId,
                channel,
                type,
                severity,
                status,
                route,
                detail,
                target,
                payload,
                message,
                dueAt,
                at,
                claimedUntil,
                inFlight,
                attempts == null ? List.of() : attempts,
                sentAt,
                teamId,
                signal);
    }

    /** The attempts logged so far (none on a delivery stored without the list). */
    List<Logged> tried() {
        return attempts == null ? List.of() : attempts;
    }

    /** An attempt that has left: its number and when. */
    record InFlight(int attempt, Instant at) {}

    /** An attempt logged: when, its outcome (a status) and its detail. */
    record Logged(Instant at, String outcome, String detail) {}
}
