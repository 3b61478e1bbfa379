package io.salespulse.activity.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteError;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.EventType;
import io.salespulse.kit.mongo.Counts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
    private static final String PUBLISHED = "published";
    private static final String PARKED = "parked";

    /**
     * An entry as stored, under its key. {@code published} is {@code false} while it waits and absent once published
     * (so the outbox index holds only what waits); {@code aggregate}, {@code version} and {@code state} are set when
     * it moves an aggregate; {@code parked} and its time and reason when the relay set it aside.
     *
     * @param state the aggregate's state after this entry, as the event JSON mapping writes it (so it reads back
     *              exactly, nanoseconds included: a state read back must equal the one computed)
     */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record StoredEntry(
            @Id String key,
            String source,
            String eventId,
            String channel,
            Instant acceptedAt,
            Long sequence,
            Boolean published,
            List<StoredEvent> events,
            String sequenceKey,
            String aggregate,
            Long version,
            Document state,
            Instant publishedAt,
            Boolean parked,
            Instant parkedAt,
            String parkedReason) {}

    /** A canonical event as the log keeps it: its envelope, and its data as the contract's JSON text. */
    record StoredEvent(String id, String type, String source, String time, String subject, String data) {}

    /** A page of the publication ledger: the keys one instance published in an hour. */
    @org.springframework.data.mongodb.core.mapping.Document(LEDGER)
    record LedgerKeys(@Id String id, String hour, List<String> keys) {}

    /** An aggregate's head: its latest version and state, carried out of entries trimmed past the window. */
    @org.springframework.data.mongodb.core.mapping.Document(HEADS)
    record Head(@Id String aggregate, Long version, Document state) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    // Orders entries accepted by this instance even within one millisecond.
    private final AtomicLong lastSequence = new AtomicLong();
    // The ledger page this instance appends published keys to, and a name for its pages no other instance uses.
    private static final int LEDGER_PAGE = 2000;

    private record LedgerPage(String hour, long number, int size) {}

    private final AtomicReference<LedgerPage> ledgerPage = new AtomicReference<>(new LedgerPage("", 0, 0));
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    public AcceptedEventLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(StoredEntry.class);
        indexes.createIndex(new Index()
                .on(PUBLISHED, Sort.Direction.ASC)
                .on("sequence", Sort.Direction.ASC)
                .named("outbox"));
        indexes.createIndex(new Index()
                .on("sequenceKey", Sort.Direction.ASC)
                .named("sequenceKey")
                .unique());
        indexes.createIndex(new Index()
                .on("aggregate", Sort.Direction.ASC)
                .on("version", Sort.Direction.DESC)
                .named("aggregateVersion"));
        indexes.createIndex(
                new Index().on(PARKED, Sort.Direction.ASC).named(PARKED).sparse());
        mongo.indexOps(LedgerKeys.class).createIndex(new Index().on("hour", Sort.Direction.ASC));
    }

    /**
     * An inbound event to make durable.
     *
     * @param source  who sent it (the CloudEvents source, or the CRM and its account)
     * @param eventId the sender's id for it: the same source and id again is a duplicate
     * @param channel the bounded name of the ingest channel (metrics tag), e.g. {@code hubspot}
     * @param events  the canonical events it produces, in order (possibly none)
     */
    public record Entry(
            String source, String eventId, String channel, List<EventEnvelope> events, Versioned versioned) {

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
    public record Versioned(String aggregate, long version, Document state) {}

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
        return Counts.any(mongo, byKey(keyOf(source, eventId)), COLLECTION);
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

    /** Told after every append that wrote something: the relay looks for work at once (it backs off when idle). */
    void whenAppended(Runnable listener) {
        this.appended = listener;
    }

    private volatile Runnable appended = () -> {};

    public List<String> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        try {
            return insert(entries);
        } finally {
            appended.run();
        }
    }

    private List<String> insert(List<Entry> entries) {
        Instant now = clock.instant();
        List<StoredEntry> stored = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            stored.add(stored(entry, now));
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredEntry.class)
                    .insert(stored)
                    .execute();
            return List.of();
        } catch (BulkOperationException e) {
            List<String> duplicates = new ArrayList<>();
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(stored.get(error.getIndex()).key());
            }
            return duplicates;
        }
    }

    /** Appends one entry that moves an aggregate to a new version. */
    public Outcome appendVersioned(Entry entry) {
        try {
            mongo.insert(stored(entry, clock.instant()));
            appended.run();
            return Outcome.APPENDED;
        } catch (DuplicateKeyException e) {
            return contains(entry.source(), entry.eventId()) ? Outcome.DUPLICATE : Outcome.CONFLICT;
        }
    }

    /**
     * The latest state of an aggregate: that of its entry with the highest version, or, when its entries are older
     * than the retention window and trimmed, the state carried into its head.
     */
    public Optional<Versioned> latest(String aggregate) {
        Query latest = query(where("aggregate").is(aggregate)).with(Sort.by(Sort.Direction.DESC, "version"));
        latest.fields().include("aggregate", "version", "state");
        StoredEntry entry = mongo.findOne(latest, StoredEntry.class);
        if (entry != null) {
            return Optional.of(new Versioned(aggregate, entry.version(), entry.state()));
        }
        return Optional.ofNullable(mongo.findById(aggregate, Head.class))
                .map(head -> new Versioned(aggregate, head.version(), head.state()));
    }

    /**
     * The oldest unpublished entries after a sequence ({@code Long.MIN_VALUE}: from the first; else those following a
     * batch still being marked published), in acceptance order, parked ones left out. An entry whose events cannot be
     * read back comes with the reason instead of its events, for the relay to park.
     */
    public List<PendingEntry> unpublished(long afterSequence, int limit) {
        List<PendingEntry> pending = new ArrayList<>();
        for (StoredEntry entry : mongo.find(
                query(waiting().and("sequence").gt(afterSequence))
                        .with(Sort.by("sequence"))
                        .limit(limit),
                StoredEntry.class)) {
            try {
                pending.add(new PendingEntry(entry.key(), entry.sequence(), readEvents(entry), null));
            } catch (RuntimeException unreadable) {
                pending.add(new PendingEntry(
                        entry.key(), entry.sequence(), List.of(), "cannot be read back: " + unreadable.getMessage()));
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
    public record PendingEntry(String key, long sequence, List<EventEnvelope> events, String unreadable) {}

    /**
     * Marks entries published: their flag removed (the outbox index keeps only what waits), and their keys noted in
     * the publication ledger of the hour, which {@link #trim} reads.
     */
    public void markPublished(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        mongo.updateMulti(
                query(where("_id").in(keys)), new Update().unset(PUBLISHED).set("publishedAt", now), StoredEntry.class);
        String hour = hourOf(now);
        LedgerPage page = ledgerPage.updateAndGet(
                current -> current.hour().equals(hour) && current.size() + keys.size() <= LEDGER_PAGE
                        ? new LedgerPage(hour, current.number(), current.size() + keys.size())
                        : new LedgerPage(hour, current.number() + 1, keys.size()));
        mongo.upsert(
                query(where("_id").is(hour + "#" + instance + "#" + page.number())),
                new Update().setOnInsert("hour", hour).push("keys").each(keys.toArray()),
                LedgerKeys.class);
    }

    /** The hours from {@code lookBack} before a time's hour up to that hour (left out), as the log and the keys name them. */
    static List<String> hoursBefore(Instant before, Duration lookBack) {
        List<String> hours = new ArrayList<>();
        Instant last = before.truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = last.minus(lookBack).truncatedTo(ChronoUnit.HOURS);
                hour.isBefore(last);
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            hours.add(hourOf(hour));
        }
        return hours;
    }

    /** An hour's name: its start, ISO-8601. */
    static String hourOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS).toString();
    }

    /** What one {@link #trim} did. */
    public record Trimmed(long entries, long ledgerPages) {}

    /**
     * Deletes the entries published in the hours before a time (looking back {@code lookBack} before it), one ledger
     * page (at most {@value #LEDGER_PAGE} entries) at a time, so ingest goes on between the small deletes. An
     * aggregate's state is carried into its head before its entries go. Idempotent: a trim stopped half-way is
     * finished by the next.
     */
    public Trimmed trim(Instant publishedBefore, Duration lookBack) {
        List<String> hours = hoursBefore(publishedBefore, lookBack);
        long entries = 0;
        long pages = 0;
        // Pages are listed by id only and then read one by one: a page holds up to LEDGER_PAGE keys, and reading them
        // all in the listing would hold an hour's pages in memory at once.
        Query listing = query(where("hour").in(hours));
        listing.fields().include("_id");
        for (LedgerKeys listed : mongo.find(listing, LedgerKeys.class)) {
            LedgerKeys held = mongo.findById(listed.id(), LedgerKeys.class);
            List<String> keys = held == null || held.keys() == null ? List.of() : held.keys();
            Query versioned = query(where("_id").in(keys).and("aggregate").exists(true));
            versioned.fields().include("aggregate", "version", "state");
            mongo.find(versioned, StoredEntry.class).forEach(this::carryIntoHead);
            entries += mongo.remove(query(where("_id").in(keys).and(PUBLISHED).exists(false)), StoredEntry.class)
                    .getDeletedCount();
            mongo.remove(query(where("_id").is(listed.id())), LedgerKeys.class);
            pages++;
        }
        return new Trimmed(entries, pages);
    }

    /** Moves an aggregate's head to an entry's version and state, unless it is already there or further. */
    private void carryIntoHead(StoredEntry entry) {
        try {
            mongo.upsert(
                    query(where("_id").is(entry.aggregate()).and("version").lt(entry.version())),
                    new Update().set("version", entry.version()).set("state", entry.state()),
                    Head.class);
        } catch (DuplicateKeyException e) {
            // the head is already at this version or further
        }
    }

    /**
     * Sets an entry aside that can never be published (too large for Kafka, cannot be encoded): kept as it is, with
     * the reason, out of the relay's way.
     */
    public void park(String key, String reason) {
        mongo.updateFirst(
                byKey(key),
                new Update().set(PARKED, true).set("parkedAt", clock.instant()).set("parkedReason", reason),
                StoredEntry.class);
    }

    /** An entry set aside by the relay, for an operator to look at. */
    public record ParkedEntry(
            String key,
            String source,
            String eventId,
            String channel,
            Instant acceptedAt,
            Instant parkedAt,
            String reason,
            List<String> eventTypes) {}

    /** The parked entries, oldest first, at most {@code limit}. */
    public List<ParkedEntry> parked(int limit) {
        Query query = query(where(PARKED).is(true)).with(Sort.by("sequence")).limit(limit);
        query.fields().include("source", "eventId", "channel", "acceptedAt", "parkedAt", "parkedReason", "events.type");
        return mongo.find(query, StoredEntry.class).stream()
                .map(entry -> new ParkedEntry(
                        entry.key(),
                        entry.source(),
                        entry.eventId(),
                        entry.channel(),
                        entry.acceptedAt(),
                        entry.parkedAt(),
                        entry.parkedReason(),
                        entry.events() == null
                                ? List.<String>of()
                                : entry.events().stream().map(StoredEvent::type).toList()))
                .toList();
    }

    /** How many entries wait to be published (parked ones left out). */
    public long backlog() {
        return Counts.count(mongo, query(waiting()), COLLECTION);
    }

    /** When the oldest unpublished entry (parked ones left out) was accepted. */
    public Optional<Instant> oldestUnpublished() {
        Query oldest = query(waiting()).with(Sort.by("sequence"));
        oldest.fields().include("acceptedAt");
        return Optional.ofNullable(mongo.findOne(oldest, StoredEntry.class)).map(StoredEntry::acceptedAt);
    }

    /** Entries waiting to be published, parked ones left out. */
    private static Criteria waiting() {
        return where(PUBLISHED).is(false).and(PARKED).ne(true);
    }

    private static Query byKey(String key) {
        return query(where("_id").is(key));
    }

    private StoredEntry stored(Entry entry, Instant now) {
        List<StoredEvent> events = new ArrayList<>();
        for (EventEnvelope event : entry.events()) {
            events.add(new StoredEvent(
                    event.id(),
                    event.type().typeName(),
                    event.source(),
                    event.time().toString(),
                    event.subject(),
                    new String(EventCodec.toJson(event.data()), StandardCharsets.UTF_8)));
        }
        Versioned versioned = entry.versioned();
        return new StoredEntry(
                entry.key(),
                entry.source(),
                entry.eventId(),
                entry.channel(),
                now,
                nextSequence(now.toEpochMilli()),
                false,
                events,
                entry.sequenceKey(),
                versioned == null ? null : versioned.aggregate(),
                versioned == null ? null : versioned.version(),
                versioned == null ? null : versioned.state(),
                null,
                null,
                null,
                null);
    }

    private long nextSequence(long millis) {
        long candidate = millis * 1000;
        return lastSequence.updateAndGet(last -> Math.max(last + 1, candidate));
    }

    private static List<EventEnvelope> readEvents(StoredEntry entry) {
        List<EventEnvelope> events = new ArrayList<>();
        for (StoredEvent event : entry.events()) {
            EventType type = EventType.fromTypeName(event.type())
                    .orElseThrow(() -> new IllegalStateException("Unknown type in the log: " + event.type()));
            events.add(new EventEnvelope(
                    event.id(),
                    type,
                    event.source(),
                    Instant.parse(event.time()),
                    event.subject(),
                    EventCodec.fromJson(type, event.data().getBytes(StandardCharsets.UTF_8))));
        }
        return events;
    }
}
