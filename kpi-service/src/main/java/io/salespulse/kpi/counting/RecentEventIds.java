package io.salespulse.kpi.counting;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.salespulse.kit.kafka.EventBatches.Consumed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The ids of the events read lately from each partition, with the offset each was first read at: what tells a record
 * the log holds twice (the outbox relay publishing an entry again after a crash between its publish and its mark:
 * the same event id at a later offset) from a record delivered twice (the same offset again), which the rep-days'
 * offset marks answer. A record whose id was first read at a lower offset of the same partition is a duplicate and is
 * dropped before anything counts it. A batch is remembered once its counts are written, so a record whose counting
 * failed is not taken for a duplicate when it comes back from the dead-letter topic.
 *
 * <p>The window is the last {@code salespulse.kpi.duplicate-window} (10,000) records of each partition: the relay
 * publishes again at most the batch it was in (500 entries by default), so a duplicate lands well inside it. It lives
 * in memory while this instance keeps consuming a partition without a gap; each batch also writes its ids in one
 * document ({@code recent_event_ids}), so an instance that takes a partition over (a restart, a rebalance) reads the
 * window back once. Idempotent in every order: a batch handled again writes the same ids at the same offsets.
 */
@Component
public class RecentEventIds {

    static final String COLLECTION = "recent_event_ids";

    /** One batch's ids from one partition, in offset order. */
    @Document(COLLECTION)
    record Chunk(@Id String id, String partition, long first, long last, List<String> ids, List<Long> offsets) {}

    /** A partition's window, valid while the next batch starts where the last ended. */
    private static final class Window {
        final Map<String, Long> firstSeen = new LinkedHashMap<>();
        long next = -1;
    }

    private final MongoTemplate mongo;
    private final int size;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RecentEventIds(MongoTemplate mongo, @Value("${salespulse.kpi.duplicate-window:10000}") int size) {
        this.mongo = mongo;
        this.size = Math.max(100, size);
        mongo.indexOps(Chunk.class)
                .createIndex(new Index().on("partition", Sort.Direction.ASC).on("last", Sort.Direction.ASC));
    }

    /** A batch's records of one partition: its offsets, and those read there for the first time. */
    record Part(long first, long last, List<Consumed> firstTimes) {}

    /**
     * A batch sorted: the records read for the first time (in order) and those the log held before at a lower offset.
     * Nothing is remembered until {@link #remember} is called, once the batch's counts are written.
     */
    record Sorted(List<Consumed> firstTimes, List<Consumed> duplicates, Map<String, Part> parts) {}

    /** Sorts a batch against what each partition's window holds; a duplicate within the batch is found too. */
    Sorted sort(List<Consumed> batch) {
        Map<String, List<Consumed>> byPartition = new LinkedHashMap<>();
        batch.forEach(event -> byPartition
                .computeIfAbsent(event.partition(), p -> new ArrayList<>())
                .add(event));
        List<Consumed> firstTimes = new ArrayList<>(batch.size());
        List<Consumed> duplicates = new ArrayList<>();
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Consumed>> partition : byPartition.entrySet()) {
            List<Consumed> events = partition.getValue();
            Window window = windowFor(partition.getKey(), events.get(0).offset());
            Map<String, Long> inBatch = new HashMap<>();
            List<Consumed> firstHere = new ArrayList<>();
            for (Consumed event : events) {
                Long seen = window.firstSeen.get(event.event().id());
                Long earlierInBatch = inBatch.putIfAbsent(event.event().id(), event.offset());
                if (seen != null && seen < event.offset()
                        || earlierInBatch != null && earlierInBatch < event.offset()) {
                    duplicates.add(event); // published twice: counted (or being counted) at its first offset
                } else {
                    firstHere.add(event);
                }
            }
            firstTimes.addAll(firstHere);
            parts.put(
                    partition.getKey(),
                    new Part(
                            events.get(0).offset(),
                            events.get(events.size() - 1).offset(),
                            firstHere));
        }
        return new Sorted(firstTimes, duplicates, parts);
    }

    /**
     * Remembers a sorted batch once it is counted: a record whose counting failed (and may come back from the
     * dead-letter topic at a new offset) is not taken for a duplicate then.
     */
    void remember(Sorted sorted) {
        sorted.parts().forEach((partition, part) -> {
            Window window = windowFor(partition, part.first());
            List<String> ids = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            for (Consumed event : part.firstTimes()) {
                window.firstSeen.merge(event.event().id(), event.offset(), Math::min);
                ids.add(event.event().id());
                offsets.add(event.offset());
            }
            save(partition, part.first(), part.last(), ids, offsets);
            trim(window);
            window.next = part.last() + 1;
            windows.put(partition, window); // published again for whichever thread consumes it next
        });
    }

    private Window windowFor(String partition, long first) {
        Window window = windows.get(partition);
        if (window == null || window.next != first) {
            window = load(partition, first);
            windows.put(partition, window);
        }
        return window;
    }

    /** The window ending where this batch starts, from what the batches before wrote (whoever handled them). */
    private Window load(String partition, long from) {
        Window window = new Window();
        window.next = from; // valid for the batch it was read for, and for remembering that batch
        for (Chunk chunk : mongo.find(
                query(where("partition").is(partition).and("last").gte(from - size))
                        .with(Sort.by("first")),
                Chunk.class)) {
            for (int i = 0; i < chunk.ids().size(); i++) {
                window.firstSeen.merge(chunk.ids().get(i), chunk.offsets().get(i), Math::min);
            }
        }
        return window;
    }

    private void save(String partition, long first, long last, List<String> ids, List<Long> offsets) {
        if (!ids.isEmpty()) {
            mongo.upsert(
                    query(where("_id").is(partition + "@" + first)),
                    new Update()
                            .set("partition", partition)
                            .set("first", first)
                            .set("last", last)
                            .set("ids", ids)
                            .set("offsets", offsets),
                    Chunk.class);
        }
        // Once per window's length of offsets, the chunks behind it go.
        if (first / size != (last + 1) / size) {
            mongo.remove(query(where("partition").is(partition).and("last").lt(last - 2L * size)), Chunk.class);
        }
    }

    private void trim(Window window) {
        Iterator<Map.Entry<String, Long>> oldest = window.firstSeen.entrySet().iterator();
        for (int excess = window.firstSeen.size() - size; excess > 0 && oldest.hasNext(); excess--) {
            oldest.next();
            oldest.remove();
        }
    }
}
