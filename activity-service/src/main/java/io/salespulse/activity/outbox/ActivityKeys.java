package io.salespulse.activity.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteError;
import io.salespulse.kit.mongo.Retention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The keys of the activity events that took the short path ({@link DirectActivities}): one small document per
 * (source, id), so a CRM sending an activity again is told it is a duplicate without the event being stored. A key is
 * reserved {@code pending} before its event is published and marked published once the broker has it; a key still
 * pending (the broker refused, or the service died between the two) is a retry's to publish again. Kept as long as the
 * accepted-event log keeps its entries ({@code salespulse.retention.accepted-events}), by the same hourly trim.
 */
@Component
public class ActivityKeys {

    static final String COLLECTION = "activity_keys";
    private static final int DUPLICATE_KEY = 11000;
    private static final String PENDING = "pending";

    /**
     * A reserved key: the hour it was reserved in (what the trim looks it up by: an equality, which every store
     * indexes), and while its event waits for the broker, since when ({@code pending}, absent once published).
     */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record StoredKey(@Id String key, String hour, Instant pending) {}

    /**
     * What a reservation found.
     *
     * @param ours       the keys this request now holds: their events are its to publish
     * @param duplicates the keys whose events were published before
     * @param inFlight   the keys another request holds, reserved less than the hold ago: their events are being
     *                   published by it, or were not and will be released or taken over once it gave up
     * @param since      when this request reserved its keys (what {@link #release} matches)
     */
    record Reservation(List<String> ours, Set<String> duplicates, Set<String> inFlight, Instant since) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    public ActivityKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(StoredKey.class)
                .createIndex(new Index().on("hour", Sort.Direction.ASC).named("hour"));
    }

    /**
     * Reserves keys (distinct) in one round trip. A key already published is a duplicate; a key another request
     * reserved less than {@code hold} ago is in flight; a key reserved longer ago and still pending (its request died,
     * or the broker refused and it could not be released) is taken over, atomically, so one request alone holds it.
     */
    Reservation reserve(List<String> keys, Duration hold) {
        if (keys.isEmpty()) {
            return new Reservation(List.of(), Set.of(), Set.of(), null);
        }
        // As the store keeps it (milliseconds), so a release or a take-over matches it exactly.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hour = AcceptedEventLog.hourOf(now);
        List<StoredKey> stored =
                keys.stream().map(key -> new StoredKey(key, hour, now)).toList();
        Set<String> taken = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredKey.class)
                    .insert(stored)
                    .execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(keys.get(error.getIndex()));
            }
        }
        List<String> ours = new ArrayList<>(
                keys.stream().filter(key -> !taken.contains(key)).toList());
        if (taken.isEmpty()) {
            return new Reservation(ours, Set.of(), Set.of(), now);
        }
        Set<String> duplicates = new HashSet<>(taken);
        Set<String> inFlight = new HashSet<>();
        for (StoredKey held : mongo.find(
                query(where("_id").in(List.copyOf(taken)).and(PENDING).exists(true)), StoredKey.class)) {
            duplicates.remove(held.key());
            boolean mine = held.pending().isBefore(now.minus(hold))
                    && mongo.updateFirst(
                                            query(where("_id")
                                                    .is(held.key())
                                                    .and(PENDING)
                                                    .is(held.pending())),
                                            new Update().set(PENDING, now),
                                            StoredKey.class)
                                    .getModifiedCount()
                            == 1;
            (mine ? ours : inFlight).add(held.key());
        }
        return new Reservation(ours, duplicates, inFlight, now);
    }

    /**
     * Gives back keys a reservation held and did not publish (the broker refused, or another key of its request was
     * in flight): sent again, they are new at once. A key another request took over meanwhile stays its.
     */
    void release(Reservation reservation, List<String> keys) {
        if (!keys.isEmpty()) {
            mongo.remove(query(where("_id").in(keys).and(PENDING).is(reservation.since())), StoredKey.class);
        }
    }

    /** Marks keys published: their events are durable in Kafka, so the same keys again are duplicates. */
    void published(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        mongo.updateMulti(query(where("_id").in(keys)), new Update().unset(PENDING), StoredKey.class);
    }

    /**
     * Deletes the keys reserved in the hours before a time's hour (looking back {@code lookBack} before it), a few
     * hundred at a time, so ingest goes on between; returns how many.
     */
    long trim(Instant before, Duration lookBack) {
        return Retention.delete(
                mongo, query(where("hour").in(AcceptedEventLog.hoursBefore(before, lookBack))), COLLECTION);
    }
}
