package io.salespulse.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * One delivery as the store keeps it: a signal (or a message of SalesPulse's own: a digest, the weekly review, a test)
 * for one manager on one channel; where it goes and what it carries ({@link Envelope}); where it stands with every
 * attempt ({@link Outcome}); and, for a signal that reached no channel, what it waits with ({@link Waiting}). The
 * nested parts are stored flat ({@link Unwrapped}): the documents are those earlier builds wrote.
 *
 * @param id        {@code signal|manager|channel}: a signal reaches each manager on each channel once
 * @param signalId  the signal (or the digest's, review's or test's own id)
 * @param managerId the manager (or {@code team:<id>} for a celebration channel)
 * @param channel   the channel's key ({@code slack}), {@code none} for an unroutable signal
 * @param type      the signal type, or the kind of own message
 * @param severity  the signal's severity when routed
 * @param envelope  where it goes and what it carries
 * @param outcome   where it stands, and every attempt
 * @param createdAt when it was routed
 * @param waiting   on an {@link DeliveryStatus#UNROUTABLE} delivery, its team and the signal to route later
 */
@Document(DeliveryStore.COLLECTION)
public record Delivery(
        @Id String id,
        String signalId,
        String managerId,
        String channel,
        String type,
        String severity,
        @Unwrapped.Empty Envelope envelope,
        @Unwrapped.Empty Outcome outcome,
        Instant createdAt,
        @Unwrapped.Empty Waiting waiting) {

    /**
     * Where a delivery goes and what it carries.
     *
     * @param target  the webhook URL or the email address
     * @param payload what the channel receives
     * @param message the message as stored ({@code Message.stored()}), for digests and escalations; null for own
     *                messages
     */
    public record Envelope(String target, String payload, String message) {}

    /**
     * Where a delivery stands.
     *
     * @param status       QUEUED, SENDING, SENT, FAILED, DIGEST, SUPPRESSED, UNROUTABLE...
     * @param route        INSTANT, DIGEST, SUPPRESSED, or an own message's kind
     * @param detail       the last outcome, or why it is kept or suppressed
     * @param dueAt        when it may be sent (the next try after a failure)
     * @param claimedUntil when a sender's claim on it runs out
     * @param inFlight     the attempt that has left and whose outcome is not logged yet
     * @param attempts     every attempt logged
     * @param sentAt       when it was sent (or went out in a digest)
     */
    public record Outcome(
            DeliveryStatus status,
            String route,
            String detail,
            Instant dueAt,
            Instant claimedUntil,
            InFlight inFlight,
            List<Logged> attempts,
            Instant sentAt) {

        /** The attempts logged so far (none on a delivery stored without the list). */
        public List<Logged> tried() {
            return attempts == null ? List.of() : attempts;
        }
    }

    /**
     * What an unroutable signal waits with, to be routed when a manager or a channel appears.
     *
     * @param teamId the signal's team
     * @param signal the signal as raised (its JSON event)
     */
    public record Waiting(String teamId, String signal) {}

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
            Envelope envelope,
            Instant dueAt) {
        return new Delivery(
                id,
                signalId,
                managerId,
                channel,
                type,
                severity,
                envelope,
                new Outcome(status, route, detail, dueAt, null, null, List.of(), null),
                null,
                new Waiting(null, null));
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
            Waiting waiting,
            Instant at) {
        return new Delivery(
                id,
                signalId,
                managerId,
                "none",
                type,
                severity,
                new Envelope(null, null, null),
                new Outcome(
                        DeliveryStatus.UNROUTABLE,
                        DeliveryStatus.UNROUTABLE.name(),
                        reason,
                        at,
                        null,
                        null,
                        List.of(),
                        null),
                null,
                waiting);
    }

    /** The same delivery, created at a time. */
    Delivery createdAt(Instant at) {
        Outcome o = outcome;
        return new Delivery(
                id,
                signalId,
                managerId,
                channel,
                type,
                severity,
                envelope,
                new Outcome(
                        o.status(),
                        o.route(),
                        o.detail(),
                        o.dueAt(),
                        o.claimedUntil(),
                        o.inFlight(),
                        o.tried(),
                        o.sentAt()),
                at,
                waiting);
    }

    /** The attempts logged so far. */
    List<Logged> tried() {
        return outcome.tried();
    }

    /** An attempt that has left: its number and when. */
    public record InFlight(int attempt, Instant at) {}

    /** An attempt logged: when, its outcome (a status) and its detail. */
    public record Logged(Instant at, String outcome, String detail) {}
}
