package io.salespulse.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.kit.mongo.Counts;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.policy.RoutingReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The persistent delivery queue and log: one document per (signal, manager, channel), so a signal reaches each
 * manager on each channel once whatever the redelivery. A sender claims a due delivery for a while; if it crashes,
 * the claim expires and another picks it up. Every attempt is kept in the document.
 */
@Component
public class DeliveryStore {

    static final String COLLECTION = "deliveries";
    static final Duration CLAIM = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final Clock clock;

    DeliveryStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(Delivery.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("managerId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("signalId", Sort.Direction.ASC));
    }

    private volatile Runnable added = () -> {};

    /** Told after each delivery queued: the dispatcher looks for work at once (it backs off when idle). */
    void whenAdded(Runnable listener) {
        this.added = listener;
    }

    /** Queues (or logs as digest or suppressed) a delivery; false if it existed already. */
    boolean add(Delivery delivery) {
        try {
            mongo.insert(delivery.createdAt(clock.instant()));
            added.run();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Queues a message SalesPulse sends on its own account rather than for a signal (a digest, the weekly review, a
     * test message): severity INFO, due at {@code dueAt}, once per {@code id}. False if it existed already.
     *
     * @param addressed the channel's target and payload, as {@code ChannelPayloads} gives them
     */
    public boolean addOwn(
            String id,
            String signalId,
            String managerId,
            Channel channel,
            String type,
            String route,
            String detail,
            ChannelPayloads.Addressed addressed,
            Instant dueAt) {
        return add(Delivery.routed(
                id,
                signalId,
                managerId,
                channel.key(),
                type,
                "INFO",
                DeliveryStatus.QUEUED,
                route,
                detail,
                new Delivery.Envelope(addressed.target(), addressed.payload(), null),
                dueAt));
    }

    /** Whether a delivery of this type was created for this manager since a time. */
    public boolean typedSince(String managerId, String type, Instant since) {
        return Counts.any(
                mongo,
                query(where("managerId")
                        .is(managerId)
                        .and("createdAt")
                        .gte(since)
                        .and("type")
                        .is(type)),
                COLLECTION);
    }

    /** Claims one due delivery (queued and due, or claimed by a sender whose claim has expired). */
    Optional<Delivery> claimDue() {
        Instant now = clock.instant();
        Query due = query(new Criteria()
                        .orOperator(
                                where("status")
                                        .is(DeliveryStatus.QUEUED)
                                        .and("dueAt")
                                        .lte(now),
                                where("status")
                                        .is(DeliveryStatus.SENDING)
                                        .and("claimedUntil")
                                        .lt(now)))
                .with(Sort.by(Sort.Direction.ASC, "dueAt"));
        return Optional.ofNullable(mongo.findAndModify(
                due,
                new Update().set("status", DeliveryStatus.SENDING).set("claimedUntil", now.plus(CLAIM)),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class));
    }

    /** An attempt is about to leave: written before the call, cleared with its outcome. */
    void markInFlight(String id, int attempt) {
        mongo.updateFirst(
                byId(id),
                new Update().set("inFlight", new Delivery.InFlight(attempt, clock.instant())),
                Delivery.class);
    }

    void record(String id, DeliveryStatus status, Instant retryAt, String detail) {
        Instant now = clock.instant();
        Update update = new Update()
                .set("status", status)
                .set("detail", detail)
                .unset("inFlight")
                .push("attempts", new Delivery.Logged(now, status.name(), detail));
        if (retryAt != null) {
            update.set("dueAt", retryAt);
        }
        if (status == DeliveryStatus.SENT) {
            update.set("sentAt", now);
        }
        mongo.updateFirst(byId(id), update, Delivery.class);
    }

    /** Puts a claimed delivery back without counting an attempt (e.g. the channel's rate limit). */
    void release(String id, Instant at) {
        mongo.updateFirst(
                byId(id), new Update().set("status", DeliveryStatus.QUEUED).set("dueAt", at), Delivery.class);
    }

    /** Queued deliveries of a signal not yet sent (or waiting for a route) are suppressed: a resolved signal is not sent. */
    long suppressUnsent(String signalId, String reason) {
        return mongo.updateMulti(
                        query(where("signalId")
                                .is(signalId)
                                .and("status")
                                .in(DeliveryStatus.QUEUED, DeliveryStatus.DIGEST, DeliveryStatus.UNROUTABLE)),
                        new Update().set("status", DeliveryStatus.SUPPRESSED).set("detail", reason),
                        Delivery.class)
                .getModifiedCount();
    }

    /** The signal's unroutable deliveries other than these (their gap closed: a manager or a channel appeared) are removed. */
    void closeUnroutable(String signalId, java.util.Collection<String> stillUnroutable) {
        mongo.remove(
                query(where("signalId")
                        .is(signalId)
                        .and("status")
                        .is(DeliveryStatus.UNROUTABLE)
                        .and("_id")
                        .nin(stillUnroutable)),
                Delivery.class);
    }

    /** Unroutable deliveries (of a team, a manager, or every one when both are null), oldest first, at most {@code limit}. */
    List<Delivery> unroutable(String teamId, String managerId, int limit) {
        Criteria criteria = where("status").is(DeliveryStatus.UNROUTABLE);
        if (teamId != null) {
            criteria = criteria.and("teamId").is(teamId);
        }
        if (managerId != null) {
            criteria = criteria.and("managerId").is(managerId);
        }
        return mongo.find(
                query(criteria).with(Sort.by(Sort.Direction.ASC, "createdAt")).limit(limit), Delivery.class);
    }

    /** A signal's unroutable deliveries. */
    List<Delivery> unroutableOf(String signalId) {
        return mongo.find(
                query(where("signalId").is(signalId).and("status").is(DeliveryStatus.UNROUTABLE)), Delivery.class);
    }

    /** The signal kept on a signal's unroutable deliveries, as it now is. */
    void refreshUnroutable(String signalId, String signal, String severity) {
        mongo.updateMulti(
                query(where("signalId").is(signalId).and("status").is(DeliveryStatus.UNROUTABLE)),
                new Update().set("signal", signal).set("severity", severity),
                Delivery.class);
    }

    /** How many deliveries wait for a route. */
    long unroutableCount() {
        return Counts.count(mongo, query(where("status").is(DeliveryStatus.UNROUTABLE)), COLLECTION);
    }

    /** The deliveries of a signal that an escalation to CRITICAL may send at once: kept for the digest, or below a minimum. */
    List<Delivery> escalatable(String signalId) {
        return mongo.find(
                query(where("signalId")
                        .is(signalId)
                        .orOperator(
                                where("status").is(DeliveryStatus.DIGEST),
                                where("status")
                                        .is(DeliveryStatus.SUPPRESSED)
                                        .and("detail")
                                        .regex("^below"))),
                Delivery.class);
    }

    /** Turns a kept delivery into an instant one (only if it is still kept: a digest or a resolution may have come first). */
    boolean promote(String id, String payload, String message, Instant dueAt) {
        return mongo.updateFirst(
                                query(where("_id")
                                        .is(id)
                                        .and("status")
                                        .in(DeliveryStatus.DIGEST, DeliveryStatus.SUPPRESSED)),
                                new Update()
                                        .set("status", DeliveryStatus.QUEUED)
                                        .set("route", "INSTANT")
                                        .set("severity", "CRITICAL")
                                        .set("payload", payload)
                                        .set("message", message)
                                        .set("dueAt", dueAt)
                                        .set("detail", RoutingReason.ESCALATED.text()),
                                Delivery.class)
                        .getModifiedCount()
                == 1;
    }

    /** Signals routed instantly to a manager since a time (the hourly cap counts signals, not channels). */
    int instantSignalsSince(String managerId, Instant since) {
        return mongo.findDistinct(
                        query(where("managerId")
                                .is(managerId)
                                .and("route")
                                .is("INSTANT")
                                .and("createdAt")
                                .gte(since)),
                        "signalId",
                        Delivery.class,
                        String.class)
                .size();
    }

    /** The kept deliveries of these signals went out in a digest. */
    public void markDigested(String managerId, List<String> signalIds) {
        mongo.updateMulti(
                query(where("managerId")
                        .is(managerId)
                        .and("signalId")
                        .in(signalIds)
                        .and("status")
                        .is(DeliveryStatus.DIGEST)),
                new Update().set("status", DeliveryStatus.DIGESTED).set("sentAt", clock.instant()),
                Delivery.class);
    }

    /** The deliveries routed to a manager between two times for signals of these types (one per signal). */
    public List<Delivery> routedBetween(String managerId, List<String> types, Instant from, Instant to) {
        List<Delivery> routed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Delivery delivery : mongo.find(
                query(where("managerId")
                                .is(managerId)
                                .and("type")
                                .in(types)
                                .and("createdAt")
                                .gte(from)
                                .lt(to))
                        .with(Sort.by(Sort.Direction.ASC, "createdAt")),
                Delivery.class)) {
            if (delivery.envelope().message() != null && seen.add(delivery.signalId())) {
                routed.add(delivery);
            }
        }
        return routed;
    }

    /** Whether a manager has any delivery of this signal (or digest) id. */
    public boolean has(String managerId, String signalId) {
        return Counts.any(
                mongo, query(where("managerId").is(managerId).and("signalId").is(signalId)), COLLECTION);
    }

    /** A page of a manager's deliveries, newest first, as the delivery log answers it. */
    /** {@code withCare}: the deliveries of care signals too (the manager's own log only). */
    <T> org.springframework.http.ResponseEntity<List<T>> pageOfManager(
            String managerId,
            DeliveryStatus status,
            boolean withCare,
            io.salespulse.kit.web.Paging paging,
            java.util.function.Function<Delivery, T> view) {
        Criteria criteria = ofManagerCriteria(managerId, status);
        if (!withCare) {
            criteria.and("type")
                    .nin(java.util.Arrays.stream(io.salespulse.contracts.signal.SignalType.values())
                            .filter(io.salespulse.contracts.signal.SignalType::isCare)
                            .map(Enum::name)
                            .toList());
        }
        return paging.newestFirst(
                mongo, COLLECTION, criteria, Delivery.class, "createdAt", Delivery::createdAt, Delivery::id, view);
    }

    public List<Delivery> ofManager(String managerId, DeliveryStatus status) {
        return mongo.find(
                query(ofManagerCriteria(managerId, status))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                        .limit(500),
                Delivery.class);
    }

    private static Criteria ofManagerCriteria(String managerId, DeliveryStatus status) {
        Criteria criteria = where("managerId").is(managerId);
        return status == null ? criteria : criteria.and("status").is(status);
    }

    /** Deliveries of a channel waiting to be sent (queued or being sent). */
    long depth(String channel) {
        return Counts.count(mongo, query(waiting(channel)), COLLECTION);
    }

    Optional<Instant> oldestQueued(String channel) {
        return Optional.ofNullable(mongo.findOne(
                        query(waiting(channel)).with(Sort.by(Sort.Direction.ASC, "createdAt")), Delivery.class))
                .map(Delivery::createdAt);
    }

    private static Criteria waiting(String channel) {
        return where("channel").is(channel).and("status").in(DeliveryStatus.QUEUED, DeliveryStatus.SENDING);
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
    }
}
