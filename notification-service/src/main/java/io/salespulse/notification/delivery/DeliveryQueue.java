package io.salespulse.notification.delivery;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.salespulse.kit.mongo.Counts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The persistent delivery queue and log: one document per (signal, manager, channel), so a signal reaches each
 * manager on each channel once whatever the redelivery. A sender claims a due delivery for a while; if it crashes,
 * the claim expires and another picks it up. Every attempt is kept in the document.
 */
@Component
public class DeliveryQueue {

    static final String COLLECTION = "deliveries";
    static final Duration CLAIM = Duration.ofSeconds(60);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;

    DeliveryQueue(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        collection().createIndex(new Document("status", 1).append("dueAt", 1));
        collection().createIndex(new Document("managerId", 1).append("createdAt", -1));
        collection().createIndex(new Document("signalId", 1));
    }

    /** Queues (or logs as digest or suppressed) a delivery; false if it existed already. */
    boolean add(Document delivery) {
        try {
            collection().insertOne(delivery.append("createdAt", Date.from(clock.instant())).append("attempts", new ArrayList<>()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Queues a message SalesPulse sends on its own account rather than for a signal (a digest, the weekly review, a
     * test message): severity INFO, due at {@code dueAt}, once per {@code id}. False if it existed already.
     *
     * @param targetAndPayload the channel's target and payload, as {@code ChannelPayloads} gives them
     */
    boolean addOwn(String id, String signalId, String managerId, String channel, String type, String route, String detail,
                   String[] targetAndPayload, Instant dueAt) {
        return add(new Document("_id", id).append("signalId", signalId).append("managerId", managerId).append("channel", channel)
                .append("type", type).append("severity", "INFO").append("status", DeliveryStatus.QUEUED.name()).append("route", route)
                .append("detail", detail).append("target", targetAndPayload[0]).append("payload", targetAndPayload[1])
                .append("dueAt", Date.from(dueAt)));
    }

    /** Whether a delivery of this type was created for this manager since a time. */
    boolean typedSince(String managerId, String type, Instant since) {
        return collection().find(Filters.and(Filters.eq("managerId", managerId), Filters.gte("createdAt", Date.from(since)),
                Filters.eq("type", type))).limit(1).first() != null;
    }

    /** Claims one due delivery (queued and due, or claimed by a sender whose claim has expired). */
    Optional<Document> claimDue() {
        Date now = Date.from(clock.instant());
        Bson due = Filters.or(
                Filters.and(Filters.eq("status", DeliveryStatus.QUEUED.name()), Filters.lte("dueAt", now)),
                Filters.and(Filters.eq("status", DeliveryStatus.SENDING.name()), Filters.lt("claimedUntil", now)));
        return Optional.ofNullable(collection().findOneAndUpdate(due,
                Updates.combine(Updates.set("status", DeliveryStatus.SENDING.name()),
                        Updates.set("claimedUntil", Date.from(clock.instant().plus(CLAIM)))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)));
    }

    /** An attempt is about to leave: written before the call, cleared with its outcome. */
    void markInFlight(String id, int attempt) {
        collection().updateOne(Filters.eq("_id", id), Updates.set("inFlight", new Document("attempt", attempt).append("at", Date.from(clock.instant()))));
    }

    void record(String id, DeliveryStatus status, Instant retryAt, String detail) {
        Instant now = clock.instant();
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", status.name()), Updates.set("detail", detail), Updates.unset("inFlight"),
                Updates.push("attempts", new Document("at", Date.from(now)).append("outcome", status.name()).append("detail", detail))));
        if (retryAt != null) {
            updates.add(Updates.set("dueAt", Date.from(retryAt)));
        }
        if (status == DeliveryStatus.SENT) {
            updates.add(Updates.set("sentAt", Date.from(now)));
        }
        collection().updateOne(Filters.eq("_id", id), Updates.combine(updates));
    }

    /** Puts a claimed delivery back without counting an attempt (e.g. the channel's rate limit). */
    void release(String id, Instant at) {
        collection().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", DeliveryStatus.QUEUED.name()),
                Updates.set("dueAt", Date.from(at))));
    }

    /** Queued deliveries of a signal not yet sent are suppressed: a resolved signal is not sent. */
    long suppressUnsent(String signalId, String reason) {
        return collection().updateMany(Filters.and(Filters.eq("signalId", signalId),
                Filters.in("status", DeliveryStatus.QUEUED.name(), DeliveryStatus.DIGEST.name())),
                Updates.combine(Updates.set("status", DeliveryStatus.SUPPRESSED.name()), Updates.set("detail", reason))).getModifiedCount();
    }

    /** The deliveries of a signal that an escalation to CRITICAL may send at once: kept for the digest, or below a minimum. */
    List<Document> escalatable(String signalId) {
        return collection().find(Filters.and(Filters.eq("signalId", signalId), Filters.or(
                Filters.eq("status", DeliveryStatus.DIGEST.name()),
                Filters.and(Filters.eq("status", DeliveryStatus.SUPPRESSED.name()), Filters.regex("detail", "^below"))))).into(new ArrayList<>());
    }

    /** Turns a kept delivery into an instant one (only if it is still kept: a digest or a resolution may have come first). */
    boolean promote(String id, String payload, String message, Instant dueAt) {
        return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", DeliveryStatus.DIGEST.name(),
                DeliveryStatus.SUPPRESSED.name())), Updates.combine(Updates.set("status", DeliveryStatus.QUEUED.name()),
                Updates.set("route", "INSTANT"), Updates.set("severity", "CRITICAL"), Updates.set("payload", payload),
                Updates.set("message", message), Updates.set("dueAt", Date.from(dueAt)),
                Updates.set("detail", "escalated to CRITICAL: sent at once"))).getModifiedCount() == 1;
    }

    /** Signals routed instantly to a manager since a time (the hourly cap counts signals, not channels). */
    int instantSignalsSince(String managerId, Instant since) {
        return collection().distinct("signalId", Filters.and(Filters.eq("managerId", managerId), Filters.eq("route", "INSTANT"),
                Filters.gte("createdAt", Date.from(since))), String.class).into(new ArrayList<>()).size();
    }

    /** The kept deliveries of these signals went out in a digest. */
    void markDigested(String managerId, List<String> signalIds) {
        collection().updateMany(Filters.and(Filters.eq("managerId", managerId), Filters.in("signalId", signalIds),
                Filters.eq("status", DeliveryStatus.DIGEST.name())),
                Updates.combine(Updates.set("status", DeliveryStatus.DIGESTED.name()), Updates.set("sentAt", Date.from(clock.instant()))));
    }

    /** The deliveries routed to a manager between two times for signals of these types (one per signal). */
    List<Document> routedBetween(String managerId, List<String> types, Instant from, Instant to) {
        List<Document> routed = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Document doc : collection().find(Filters.and(Filters.eq("managerId", managerId), Filters.in("type", types),
                Filters.gte("createdAt", Date.from(from)), Filters.lt("createdAt", Date.from(to)))).sort(Sorts.ascending("createdAt"))) {
            if (doc.getString("message") != null && !seen.contains(doc.getString("signalId"))) {
                seen.add(doc.getString("signalId"));
                routed.add(doc);
            }
        }
        return routed;
    }

    /** Whether a manager has any delivery of this signal (or digest) id. */
    boolean has(String managerId, String signalId) {
        return collection().find(Filters.and(Filters.eq("managerId", managerId), Filters.eq("signalId", signalId))).first() != null;
    }

    /** A page of a manager's deliveries, newest first, as the delivery log answers it. */
    <T> org.springframework.http.ResponseEntity<List<T>> pageOfManager(String managerId, DeliveryStatus status,
                                                                      io.salespulse.kit.web.Paging paging,
                                                                      java.util.function.Function<Document, T> view) {
        Bson filter = status == null ? Filters.eq("managerId", managerId)
                : Filters.and(Filters.eq("managerId", managerId), Filters.eq("status", status.name()));
        return paging.newestFirst(collection(), filter, "createdAt", view);
    }

    List<Document> ofManager(String managerId, DeliveryStatus status) {
        Bson filter = status == null ? Filters.eq("managerId", managerId)
                : Filters.and(Filters.eq("managerId", managerId), Filters.eq("status", status.name()));
        return collection().find(filter).sort(Sorts.descending("createdAt")).limit(500).into(new ArrayList<>());
    }

    /** Deliveries of a channel waiting to be sent (queued or being sent). */
    long depth(String channel) {
        return Counts.count(collection(), waiting(channel));
    }

    Optional<Instant> oldestQueued(String channel) {
        return Optional.ofNullable(collection().find(waiting(channel)).sort(Sorts.ascending("createdAt")).first())
                .map(doc -> doc.getDate("createdAt").toInstant());
    }

    private static Bson waiting(String channel) {
        return Filters.and(Filters.eq("channel", channel), Filters.in("status", DeliveryStatus.QUEUED.name(), DeliveryStatus.SENDING.name()));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
