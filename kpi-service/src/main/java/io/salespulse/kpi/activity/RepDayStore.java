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
 * The {@code rep_days} view: one document per rep and day with its counters and, for each topic partition that ever
 * counted into it, the offset of the last event counted from there. Events of one partition come in offset order, so
 * an event counts iff its offset is above that mark: the update that increments the counters has the filter "the
 * mark is below the first offset of these events" and raises the mark in the same single-document write, so a
 * redelivered record (a consumer that lost its partition, a crash before the offsets were committed) changes nothing,
 * without transactions and without keeping the ids of counted events. A consumed batch is pre-aggregated per rep-day
 * and partition and written in one bulk round trip, without reading anything first. A record the log holds twice
 * (published again with a new offset) is not this store's to know: {@code RecentEventIds} drops it before counting.
 */
@Component
public class RepDayStore {

    static final String COLLECTION = "rep_days";
    private static final int DUPLICATE_KEY = 11000;
    private static final String MARKS = "o";
    /** Where an earlier version kept the ids of counted events; removed from a document at its next update. */
    private static final String LEGACY_EVENT_IDS = "eventIds";

    /**
     * A rep-day as stored, under {@code rep|day}: its counters under {@code c} (nested by the dots of their names:
     * {@code c.money.revenueWon.EUR}), how many events were counted into it, and (not read back here) the offset marks.
     */
    @Document(COLLECTION)
    record StoredRepDay(
            @Id String key, String repId, String teamId, LocalDate day, Map<String, Object> c, Integer version) {}

    /** The increments of one rep-day from one partition in a batch, merged by offset, in offset order. */
    private record Group(String repDayKey, String partition, TreeMap<Long, Increment> byOffset) {

        Increment first() {
            return byOffset.firstEntry().getValue();
        }
    }

    private final MongoTemplate mongo;

    RepDayStore(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOperations indexes = mongo.indexOps(StoredRepDay.class);
        indexes.createIndex(new Index().on("repId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("teamId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }

    static String key(String repId, LocalDate day) {
        return repId + "|" + day;
    }

    /** The field of a partition's mark: {@code o.salespulse_activities-2}. */
    static String mark(String partition) {
        return MARKS + "." + partition.replace('.', '_');
    }

    /**
     * Counts the increments not counted before (each placed by {@link Increment#at}); returns the keys of every
     * rep-day the increments touch, counted now or before: a batch redelivered after its counts were written but
     * before its updates were published must still publish them.
     */
    public Set<String> apply(List<Increment> increments) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Increment increment : increments) {
            if (increment.partition() == null) {
                throw new IllegalArgumentException("an increment counts once only where it was read: use at(...)");
            }
            groups.computeIfAbsent(
                            increment.repDayKey() + " " + increment.partition(),
                            k -> new Group(increment.repDayKey(), increment.partition(), new TreeMap<>()))
                    .byOffset()
                    .merge(increment.offset(), increment, RepDayStore::merged);
        }
        List<Group> fresh = List.copyOf(groups.values());
        if (fresh.isEmpty()) {
            return new HashSet<>();
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredRepDay.class);
        for (Group group : fresh) {
            writes.upsert(notCountedFrom(group, group.byOffset().firstKey()), updateOf(group, group.byOffset()));
        }
        try {
            writes.execute();
        } catch (BulkOperationException e) {
            // A rep-day whose mark is already at or past the first of these offsets (a redelivery, or a consumer that
            // lost its partition mid-batch counted some first) does not match its update's filter, whose upsert then
            // collides on the rep-day's id: redo that group one offset at a time, each counted iff above the mark.
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                applyOneByOne(fresh.get(error.getIndex()));
            }
        }
        Set<String> touched = new HashSet<>();
        fresh.forEach(group -> touched.add(group.repDayKey()));
        return touched;
    }

    private static Increment merged(Increment a, Increment b) {
        Map<String, Long> counters = new TreeMap<>(a.counters());
        b.counters().forEach((counter, value) -> counters.merge(counter, value, Long::sum));
        return new Increment(a.repId(), a.teamId(), a.day(), counters, a.partition(), a.offset());
    }

    private static Query notCountedFrom(Group group, long offset) {
        return query(where("_id")
                .is(group.repDayKey())
                .and(mark(group.partition()))
                .not()
                .gte(offset));
    }

    private void applyOneByOne(Group group) {
        for (Map.Entry<Long, Increment> event : group.byOffset().entrySet()) {
            TreeMap<Long, Increment> one = new TreeMap<>(Map.of(event.getKey(), event.getValue()));
            try {
                mongo.upsert(notCountedFrom(group, event.getKey()), updateOf(group, one), StoredRepDay.class);
            } catch (DuplicateKeyException e) {
                // counted already
            }
        }
    }

    private static Update updateOf(Group group, TreeMap<Long, Increment> byOffset) {
        Increment first = group.first();
        Map<String, Long> sums = new TreeMap<>();
        for (Increment increment : byOffset.values()) {
            increment.counters().forEach((counter, value) -> sums.merge(counter, value, Long::sum));
        }
        Update update = new Update();
        sums.forEach((counter, value) -> update.inc(Measures.FIELD_PREFIX + counter, value));
        update.inc("version", byOffset.size());
        update.max(mark(group.partition()), byOffset.lastKey());
        update.unset(LEGACY_EVENT_IDS);
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
        query.fields().exclude(MARKS).exclude(LEGACY_EVENT_IDS);
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
