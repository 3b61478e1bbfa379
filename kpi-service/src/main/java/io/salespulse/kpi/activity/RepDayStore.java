package io.salespulse.kpi.activity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.bulk.BulkWriteError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code rep_days} view: one document per rep and day with its counters and the ids of the events counted into
 * it. An event is added with a filter "its id is not there yet" in the same single-document update that increments
 * the counters, so a redelivered event changes nothing, without transactions. A consumed batch is pre-aggregated
 * per rep-day and written in one bulk round trip, without reading the ids already counted: the filter checks them
 * where they are stored. The ids kept are bounded: the latest {@code salespulse.kpi.counted-ids-per-day} (10,000) of a
 * rep-day, so a flood of events for one rep and day is counted without growing its document toward MongoDB's 16 MB
 * limit (which would block the partition). A redelivery comes within a few batches of its first delivery (a consumer
 * that lost its partition, the outbox relay publishing again after a crash), far inside that window; an event
 * redelivered after 10,000 newer ones of the same rep-day would count again.
 */
@Component
public class RepDayStore {

    static final String COLLECTION = "rep_days";
    private static final int DUPLICATE_KEY = 11000;
    private static final String EVENT_IDS = "eventIds";

    /**
     * A rep-day as stored, under {@code rep|day}: its counters under {@code c} (nested by the dots of their names:
     * {@code c.money.revenueWon.EUR}), how many events were counted into it, and (not read back here) their ids.
     */
    @Document(COLLECTION)
    record StoredRepDay(
            @Id String key, String repId, String teamId, LocalDate day, Map<String, Object> c, Integer version) {}

    private final MongoTemplate mongo;
    private final int countedIds;

    RepDayStore(
            MongoTemplate mongo,
            @org.springframework.beans.factory.annotation.Value("${salespulse.kpi.counted-ids-per-day:10000}")
                    int countedIds) {
        this.mongo = mongo;
        this.countedIds = Math.max(100, countedIds);
        IndexOperations indexes = mongo.indexOps(StoredRepDay.class);
        indexes.createIndex(new Index().on("repId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("teamId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }

    static String key(String repId, LocalDate day) {
        return repId + "|" + day;
    }

    /**
     * Counts the increments not counted before; returns the keys of every rep-day the increments touch, counted now
     * or before: a batch redelivered after its counts were written but before its updates were published must still
     * publish them.
     */
    public Set<String> apply(List<Increment> increments) {
        Map<String, Map<String, Increment>> byRepDay = new LinkedHashMap<>();
        for (Increment increment : increments) {
            byRepDay.computeIfAbsent(increment.repDayKey(), k -> new LinkedHashMap<>())
                    .putIfAbsent(increment.countingId(), increment);
        }
        List<List<Increment>> fresh = byRepDay.values().stream()
                .map(unique -> List.copyOf(unique.values()))
                .toList();
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredRepDay.class);
        for (List<Increment> repDay : fresh) {
            List<String> ids = repDay.stream().map(Increment::countingId).toList();
            writes.upsert(
                    query(where("_id")
                            .is(repDay.get(0).repDayKey())
                            .and(EVENT_IDS)
                            .nin(ids)),
                    updateOf(repDay));
        }
        try {
            writes.execute();
        } catch (BulkOperationException e) {
            // A rep-day that already counted one of these events (a redelivery, or a consumer that lost its partition
            // mid-batch counted it first) does not match its update's filter, whose upsert then collides on the
            // rep-day's id: redo those rep-days one event at a time, each still counted at most once.
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                fresh.get(error.getIndex()).forEach(this::applyOne);
            }
        }
        return new HashSet<>(byRepDay.keySet());
    }

    private void applyOne(Increment increment) {
        try {
            mongo.upsert(
                    query(where("_id").is(increment.repDayKey()).and(EVENT_IDS).ne(increment.countingId())),
                    updateOf(List.of(increment)),
                    StoredRepDay.class);
        } catch (DuplicateKeyException e) {
            // counted already
        }
    }

    private Update updateOf(List<Increment> increments) {
        Increment first = increments.get(0);
        Map<String, Long> sums = new TreeMap<>();
        for (Increment increment : increments) {
            increment.counters().forEach((counter, value) -> sums.merge(counter, value, Long::sum));
        }
        Update update = new Update();
        sums.forEach((counter, value) -> update.inc(Measures.FIELD_PREFIX + counter, value));
        update.inc("version", increments.size());
        update.push(EVENT_IDS)
                .slice(-countedIds)
                .each(increments.stream().map(Increment::countingId).toArray());
        return update.setOnInsert("repId", first.repId())
                .setOnInsert("teamId", first.teamId())
                .setOnInsert("day", first.day());
    }

    /** A rep's days counted before their team was known get it (see {@code TeamAttribution}). */
    public void attributeToTeam(String repId, String teamId) {
        mongo.updateMulti(
                query(where("repId").is(repId).and("teamId").is(null)),
                new Update().set("teamId", teamId),
                StoredRepDay.class);
    }

    /** The rep-days with these keys. */
    public List<RepDay> byKeys(Collection<String> keys) {
        return read(where("_id").in(keys));
    }

    /** A rep's days from..to, inclusive, in day order. */
    public List<RepDay> days(String repId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of(); // an empty range (an objective not started yet) reads nothing
        }
        return read(where("repId").is(repId).and("day").gte(from).lte(to));
    }

    /** Every rep-day counted for a team from..to, inclusive. */
    public List<RepDay> teamDays(String teamId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return read(where("teamId").is(teamId).and("day").gte(from).lte(to));
    }

    private List<RepDay> read(Criteria criteria) {
        Query query = query(criteria).with(Sort.by("day"));
        query.fields().exclude(EVENT_IDS);
        List<RepDay> days = new ArrayList<>();
        for (StoredRepDay stored : mongo.find(query, StoredRepDay.class)) {
            Map<String, Long> counters = new TreeMap<>();
            if (stored.c() != null) {
                flatten("", stored.c(), counters);
            }
            days.add(new RepDay(
                    stored.repId(),
                    stored.teamId(),
                    stored.day(),
                    counters,
                    stored.version() == null ? 0 : stored.version()));
        }
        return days;
    }

    private static void flatten(String prefix, Map<String, Object> nested, Map<String, Long> into) {
        for (Map.Entry<String, Object> entry : nested.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> deeper) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) deeper;
                flatten(prefix + entry.getKey() + ".", next, into);
            } else if (entry.getValue() instanceof Number number) {
                into.put(prefix + entry.getKey(), number.longValue());
            }
        }
    }
}
