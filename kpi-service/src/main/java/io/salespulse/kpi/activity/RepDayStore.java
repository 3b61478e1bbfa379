package io.salespulse.kpi.activity;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code rep_days} view: one document per rep and day with its counters and the ids of the events counted into
 * it. An event is added with a filter "its id is not there yet" in the same single-document update that increments
 * the counters, so a redelivered event changes nothing, without transactions. A consumed batch is pre-aggregated
 * per rep-day and written in one bulk round trip, without reading the ids already counted: the filter checks them
 * where they are stored.
 */
@Component
public class RepDayStore {

    static final String COLLECTION = "rep_days";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    RepDayStore(MongoTemplate mongo) {
        this.mongo = mongo;
        collection().createIndex(new Document("repId", 1).append("day", 1));
        collection().createIndex(new Document("teamId", 1).append("day", 1));
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
            byRepDay.computeIfAbsent(increment.repDayKey(), k -> new LinkedHashMap<>()).putIfAbsent(increment.countingId(), increment);
        }
        List<List<Increment>> fresh = byRepDay.values().stream().map(unique -> List.copyOf(unique.values())).toList();
        List<WriteModel<Document>> writes = fresh.stream().<WriteModel<Document>>map(RepDayStore::update).toList();
        try {
            collection().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // A rep-day that already counted one of these events (a redelivery, or a consumer that lost its partition
            // mid-batch counted it first) does not match its update's filter, whose upsert then collides on the
            // rep-day's id: redo those rep-days one event at a time, each still counted at most once.
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                fresh.get(error.getIndex()).forEach(one -> applyOne(one));
            }
        }
        return new HashSet<>(byRepDay.keySet());
    }

    private void applyOne(Increment increment) {
        try {
            collection().updateOne(Filters.and(Filters.eq("_id", increment.repDayKey()), Filters.ne("eventIds", increment.countingId())),
                    updateOf(List.of(increment)), new UpdateOptions().upsert(true));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static UpdateOneModel<Document> update(List<Increment> increments) {
        List<String> ids = increments.stream().map(Increment::countingId).toList();
        Bson filter = Filters.and(Filters.eq("_id", increments.get(0).repDayKey()), Filters.nin("eventIds", ids));
        return new UpdateOneModel<>(filter, updateOf(increments), new UpdateOptions().upsert(true));
    }

    private static Bson updateOf(List<Increment> increments) {
        Increment first = increments.get(0);
        Map<String, Long> sums = new TreeMap<>();
        for (Increment increment : increments) {
            increment.counters().forEach((counter, value) -> sums.merge(counter, value, Long::sum));
        }
        List<Bson> updates = new ArrayList<>();
        sums.forEach((counter, value) -> updates.add(Updates.inc(Measures.FIELD_PREFIX + counter, value)));
        updates.add(Updates.inc("version", increments.size()));
        updates.add(Updates.pushEach("eventIds", increments.stream().map(Increment::countingId).toList()));
        updates.add(Updates.setOnInsert("repId", first.repId()));
        updates.add(Updates.setOnInsert("teamId", first.teamId()));
        updates.add(Updates.setOnInsert("day", first.day().toString()));
        return Updates.combine(updates);
    }

    /** A rep's days counted before their team was known get it (see {@code TeamAttribution}). */
    public void attributeToTeam(String repId, String teamId) {
        collection().updateMany(Filters.and(Filters.eq("repId", repId), Filters.eq("teamId", null)), Updates.set("teamId", teamId));
    }

    /** The rep-days with these keys. */
    public List<RepDay> byKeys(Collection<String> keys) {
        return read(Filters.in("_id", keys));
    }

    /** A rep's days from..to, inclusive, in day order. */
    public List<RepDay> days(String repId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of(); // an empty range (an objective not started yet) reads nothing
        }
        return read(Filters.and(Filters.eq("repId", repId), Filters.gte("day", from.toString()), Filters.lte("day", to.toString())));
    }

    /** Every rep-day counted for a team from..to, inclusive. */
    public List<RepDay> teamDays(String teamId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return read(Filters.and(Filters.eq("teamId", teamId), Filters.gte("day", from.toString()), Filters.lte("day", to.toString())));
    }

    private List<RepDay> read(Bson filter) {
        List<RepDay> days = new ArrayList<>();
        for (Document doc : collection().find(filter).projection(Projections.exclude("eventIds")).sort(new Document("day", 1))) {
            Map<String, Long> counters = new TreeMap<>();
            if (doc.get(Measures.FIELD_PREFIX.substring(0, Measures.FIELD_PREFIX.length() - 1)) instanceof Document nested) {
                flatten("", nested, counters);
            }
            days.add(new RepDay(doc.getString("repId"), doc.getString("teamId"), LocalDate.parse(doc.getString("day")),
                    counters, doc.get("version", Number.class).intValue()));
        }
        return days;
    }

    private static void flatten(String prefix, Document doc, Map<String, Long> into) {
        for (Map.Entry<String, Object> entry : doc.entrySet()) {
            if (entry.getValue() instanceof Document nested) {
                flatten(prefix + entry.getKey() + ".", nested, into);
            } else if (entry.getValue() instanceof Number number) {
                into.put(prefix + entry.getKey(), number.longValue());
            }
        }
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
