package io.salespulse.activity.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.EventType;
import io.salespulse.kit.mongo.Counts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.UUID;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The accepted-event log: one document per inbound event, holding the canonical events it produced and whether
 * they have been published. Writing it is what makes an event durable (single-document atomicity, no transactions);
 * its unique id, derived from the event's source and id, is what makes a second delivery a duplicate; its
 * unpublished entries are the outbox the {@link OutboxRelay} drains.
 * <p>
 * Its size is what is in flight plus the retention window: publishing an entry removes its {@code published} flag (so
 * the outbox index holds only what waits) and notes its key in a ledger of the hour; {@link #trim} deletes the entries
 * of the hours older than the window, after carrying each aggregate's latest state into {@code aggregate_heads}, one
 * small document per aggregate, so a deal idle for longer than the window keeps its state.
 */
@Component
public class AcceptedEventLog {

    static final String COLLECTION = "accepted_events";
    static final String LEDGER = "published_ledger";
    static final String HEADS = "aggregate_heads";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;
    // Orders entries accepted by this instance even within one millisecond.
    private final AtomicLong lastSequence = new AtomicLong();
    // The ledger page this instance appends published keys to, and a name for its pages no other instance uses.
    private static final int LEDGER_PAGE = 2000;
    private record LedgerPage(String hour, long number, int size) {
    }
    private final AtomicReference<LedgerPage> ledgerPage = new AtomicReference<>(new LedgerPage("", 0, 0));
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public AcceptedEventLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        collection().createIndex(Indexes.ascending("published", "sequence"), new IndexOptions().name("outbox"));
        collection().createIndex(Indexes.ascending("sequenceKey"), new IndexOptions().name("sequenceKey").unique(true));
        collection().createIndex(Indexes.compoundIndex(Indexes.ascending("aggregate"), Indexes.descending("version")),
                new IndexOptions().name("aggregateVersion"));
        collection().createIndex(Indexes.ascending("parked"), new IndexOptions().name("parked").sparse(true));
        mongo.getCollection(LEDGER).createIndex(Indexes.ascending("hour"));
    }

    /**
     * An inbound event to make durable.
     *
     * @param source  who sent it (the CloudEvents source, or the CRM and its account)
     * @param eventId the sender's id for it: the same source and id again is a duplicate
     * @param channel the bounded name of the ingest channel (metrics tag), e.g. {@code hubspot}
     * @param events  the canonical events it produces, in order (possibly none)
     */
    public record Entry(String source, String eventId, String channel, List<EventEnvelope> events, Versioned versioned) {

        public Entry(String source, String eventId, String channel, List<EventEnvelope> events) {
            this(source, eventId, channel, events, null);
        }

        public String key() {
            return keyOf(source, eventId);
        }

        /** Unique across the log: an aggregate's version, or the entry's own key when it moves no aggregate. */
        String sequenceKey() {
            return versioned == null ? key() : versioned.aggregate() + "#" + versioned.version();
        }
    }

    /**
     * The state an entry moves an aggregate (e.g. {@code deal:42}) to. The log is the aggregate's store: its state
     * is that of its entry with the highest version, and two writers computing the same next version collide on the
     * unique sequence key, so one recomputes from the other's result. One document, one atomic write.
     *
     * @param aggregate the aggregate, e.g. {@code deal:42}
     * @param version   the version this entry makes (1 for the first)
     * @param state     the aggregate's state after this entry
     */
    public record Versioned(String aggregate, long version, Document state) {
    }

    /** What became of a versioned append. */
    public enum Outcome {
        /** Durable. */
        APPENDED,
        /** The same source and id were already accepted: nothing new. */
        DUPLICATE,
        /** Another entry took this version first: recompute from the latest state and try again. */
        CONFLICT
    }

    /** The stable id of an inbound event, also the id of the first canonical event it produces. */
    public static String keyOf(String source, String eventId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((source + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an inbound event was already accepted. */
    public boolean contains(String source, String eventId) {
        return collection().find(Filters.eq("_id", keyOf(source, eventId))).projection(Projections.include("_id")).first() != null;
    }

    /**
     * Makes entries durable in one round trip. Returns the keys that were already there (duplicates); every other
     * entry is durable when this returns. Throws when the log cannot be written: then nothing is promised.
     */
    /**
     * Appends one event a service writes on its own account (a roster or objective change, not CRM ingest): a fresh
     * id, no source rate, no ingest metrics, out in order with everything else accepted.
     */
    public void appendOwn(String source, String channel, io.salespulse.contracts.SalesPulseEvent event) {
        String id = UUID.randomUUID().toString();
        append(List.of(new Entry(source, id, channel, List.of(EventEnvelope.of(keyOf(source, id), source, event)))));
    }

    public List<String> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        List<Document> docs = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            docs.add(toDocument(entry, now));
        }
        try {
            collection().insertMany(docs, new InsertManyOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<String> duplicates = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(docs.get(error.getIndex()).getString("_id"));
            }
            return duplicates;
        }
    }

    /** Appends one entry that moves an aggregate to a new version. */
    public Outcome appendVersioned(Entry entry) {
        try {
            collection().insertOne(toDocument(entry, Date.from(clock.instant())));
            return Outcome.APPENDED;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            return contains(entry.source(), entry.eventId()) ? Outcome.DUPLICATE : Outcome.CONFLICT;
        }
    }

    /**
     * The latest state of an aggregate: that of its entry with the highest version, or, when its entries are older
     * than the retention window and trimmed, the state carried into its head.
     */
    public Optional<Versioned> latest(String aggregate) {
        Document doc = collection().find(Filters.eq("aggregate", aggregate)).sort(Sorts.descending("version"))
                .projection(Projections.include("aggregate", "version", "state")).first();
        if (doc == null) {
            doc = mongo.getCollection(HEADS).find(Filters.eq("_id", aggregate)).first();
        }
        return Optional.ofNullable(doc).map(d -> new Versioned(aggregate, d.get("version", Number.class).longValue(),
                d.get("state", Document.class)));
    }

    /**
     * The oldest unpublished entries after a sequence ({@code Long.MIN_VALUE}: from the first; else those following a
     * batch still being marked published), in acceptance order, parked ones left out. An entry whose events cannot be
     * read back comes with the reason instead of its events, for the relay to park.
     */
    public List<PendingEntry> unpublished(long afterSequence, int limit) {
        List<PendingEntry> pending = new ArrayList<>();
        for (Document doc : collection().find(Filters.and(Filters.eq("published", false), Filters.gt("sequence", afterSequence),
                        Filters.ne("parked", true))).sort(Sorts.ascending("sequence")).limit(limit)) {
            long sequence = doc.get("sequence", Number.class).longValue();
            try {
                pending.add(new PendingEntry(doc.getString("_id"), sequence, readEvents(doc), null));
            } catch (RuntimeException unreadable) {
                pending.add(new PendingEntry(doc.getString("_id"), sequence, List.of(), "cannot be read back: " + unreadable.getMessage()));
            }
        }
        return pending;
    }

    /**
     * An entry waiting to be published.
     *
     * @param sequence   its place in acceptance order
     * @param unreadable why its events cannot be read back from the log, or {@code null}
     */
    public record PendingEntry(String key, long sequence, List<EventEnvelope> events, String unreadable) {
    }

    /**
     * Marks entries published: their flag removed (the outbox index keeps only what waits), and their keys noted in
     * the publication ledger of the hour, which {@link #trim} reads.
     */
    public void markPublished(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        collection().updateMany(Filters.in("_id", keys), Updates.combine(Updates.unset("published"), Updates.set("publishedAt", Date.from(now))));
        String hour = hourOf(now);
        LedgerPage page = ledgerPage.updateAndGet(current -> current.hour().equals(hour) && current.size() + keys.size() <= LEDGER_PAGE
                ? new LedgerPage(hour, current.number(), current.size() + keys.size())
                : new LedgerPage(hour, current.number() + 1, keys.size()));
        mongo.getCollection(LEDGER).updateOne(Filters.eq("_id", hour + "#" + instance + "#" + page.number()),
                Updates.combine(Updates.setOnInsert("hour", hour), Updates.pushEach("keys", keys)), new UpdateOptions().upsert(true));
    }

    private static String hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** What one {@link #trim} did. */
    public record Trimmed(long entries, long ledgerPages) {
    }

    /**
     * Deletes the entries published in the hours before a time (looking back {@code lookBack} before it), one ledger
     * page (at most {@value #LEDGER_PAGE} entries) at a time, so ingest goes on between the small deletes. An
     * aggregate's state is carried into its head before its entries go. Idempotent: a trim stopped half-way is
     * finished by the next.
     */
    public Trimmed trim(Instant publishedBefore, Duration lookBack) {
        List<String> hours = new ArrayList<>();
        Instant last = publishedBefore.truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = last.minus(lookBack).truncatedTo(ChronoUnit.HOURS); hour.isBefore(last); hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(hourOf(hour));
        }
        long entries = 0;
        long pages = 0;
        MongoCollection<Document> ledger = mongo.getCollection(LEDGER);
        // Pages are listed by id only and then read one by one: a page holds up to LEDGER_PAGE keys, and reading them
        // all in the listing cursor would hold an hour's pages in memory at once.
        for (Document page : ledger.find(Filters.in("hour", hours)).projection(Projections.include("_id"))) {
            Document held = ledger.find(Filters.eq("_id", page.get("_id"))).first();
            List<String> keys = held == null ? List.of() : held.getList("keys", String.class, List.of());
            for (Document versioned : collection().find(Filters.and(Filters.in("_id", keys), Filters.exists("aggregate")))
                    .projection(Projections.include("aggregate", "version", "state"))) {
                carryIntoHead(versioned);
            }
            entries += collection().deleteMany(Filters.and(Filters.in("_id", keys), Filters.exists("published", false))).getDeletedCount();
            ledger.deleteOne(Filters.eq("_id", page.get("_id")));
            pages++;
        }
        return new Trimmed(entries, pages);
    }

    /** Moves an aggregate's head to an entry's version and state, unless it is already there or further. */
    private void carryIntoHead(Document entry) {
        long version = entry.get("version", Number.class).longValue();
        try {
            mongo.getCollection(HEADS).updateOne(
                    Filters.and(Filters.eq("_id", entry.getString("aggregate")), Filters.lt("version", version)),
                    Updates.combine(Updates.set("version", version), Updates.set("state", entry.get("state", Document.class))),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            // the head is already at this version or further
        }
    }

    /**
     * Sets an entry aside that can never be published (too large for Kafka, cannot be encoded): kept as it is, with
     * the reason, out of the relay's way.
     */
    public void park(String key, String reason) {
        collection().updateOne(Filters.eq("_id", key), Updates.combine(Updates.set("parked", true),
                Updates.set("parkedAt", Date.from(clock.instant())), Updates.set("parkedReason", reason)));
    }

    /** An entry set aside by the relay, for an operator to look at. */
    public record ParkedEntry(String key, String source, String eventId, String channel, Instant acceptedAt,
                              Instant parkedAt, String reason, List<String> eventTypes) {
    }

    /** The parked entries, oldest first, at most {@code limit}. */
    public List<ParkedEntry> parked(int limit) {
        List<ParkedEntry> parked = new ArrayList<>();
        for (Document doc : collection().find(Filters.eq("parked", true)).sort(Sorts.ascending("sequence")).limit(limit)
                .projection(Projections.include("source", "eventId", "channel", "acceptedAt", "parkedAt", "parkedReason", "events.type"))) {
            parked.add(new ParkedEntry(doc.getString("_id"), doc.getString("source"), doc.getString("eventId"),
                    doc.getString("channel"), doc.getDate("acceptedAt").toInstant(), doc.getDate("parkedAt").toInstant(),
                    doc.getString("parkedReason"),
                    doc.getList("events", Document.class, List.of()).stream().map(event -> event.getString("type")).toList()));
        }
        return parked;
    }

    /** How many entries wait to be published (parked ones left out). */
    public long backlog() {
        return Counts.count(mongo, org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("published").is(false).and("parked").ne(true)), COLLECTION);
    }

    /** When the oldest unpublished entry (parked ones left out) was accepted. */
    public Optional<Instant> oldestUnpublished() {
        Document oldest = collection().find(Filters.and(Filters.eq("published", false), Filters.ne("parked", true)))
                .sort(Sorts.ascending("sequence")).projection(Projections.include("acceptedAt")).first();
        return Optional.ofNullable(oldest).map(doc -> doc.getDate("acceptedAt").toInstant());
    }

    private Document toDocument(Entry entry, Date now) {
        List<Document> events = new ArrayList<>();
        for (EventEnvelope event : entry.events()) {
            events.add(new Document("id", event.id())
                    .append("type", event.type().typeName())
                    .append("source", event.source())
                    .append("time", event.time().toString())
                    .append("subject", event.subject())
                    .append("data", new String(EventCodec.toJson(event.data()), StandardCharsets.UTF_8)));
        }
        Document doc = new Document("_id", entry.key())
                .append("source", entry.source())
                .append("eventId", entry.eventId())
                .append("channel", entry.channel())
                .append("acceptedAt", now)
                .append("sequence", nextSequence(now.getTime()))
                .append("published", false)
                .append("events", events)
                .append("sequenceKey", entry.sequenceKey());
        if (entry.versioned() != null) {
            doc.append("aggregate", entry.versioned().aggregate())
                    .append("version", entry.versioned().version())
                    .append("state", entry.versioned().state());
        }
        return doc;
    }

    private long nextSequence(long millis) {
        long candidate = millis * 1000;
        return lastSequence.updateAndGet(last -> Math.max(last + 1, candidate));
    }

    private static List<EventEnvelope> readEvents(Document doc) {
        List<EventEnvelope> events = new ArrayList<>();
        for (Document event : doc.getList("events", Document.class)) {
            EventType type = EventType.fromTypeName(event.getString("type"))
                    .orElseThrow(() -> new IllegalStateException("Unknown type in the log: " + event.getString("type")));
            events.add(new EventEnvelope(event.getString("id"), type, event.getString("source"),
                    Instant.parse(event.getString("time")), event.getString("subject"),
                    EventCodec.fromJson(type, event.getString("data").getBytes(StandardCharsets.UTF_8))));
        }
        return events;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
