package io.salespulse.devmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 collection that plans its queries: mongo-java-server uses an index only when a query names exactly its keys,
 * so {@code {_id: x, status: "QUEUED"}} or an {@code $and} scans the whole collection. This one narrows a query to the
 * documents an index finds for one of its conditions (a unique index whose keys are all given, else a
 * {@link SecondaryIndex}), or for each branch of a top-level {@code $or}, and applies the whole query to those.
 */
final class IndexedH2Collection extends H2Collection {

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Collection.class);
    private static final int WIDE = Integer.getInteger("salespulse.mongo.wide-query", 5_000);
    private static final Map<String, Long> NOTED = new ConcurrentHashMap<>();

    IndexedH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        boolean natural = orderBy != null && orderBy.containsKey("$natural");
        if (natural) {
            return noted(
                    super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                    query,
                    orderBy,
                    count());
        }
        Document conditions = new Document();
        conjuncts(query, conditions);
        List<Object> inOrder = orderBy == null || orderBy.isEmpty() || byUniqueIndex(conditions) != null
                ? null
                : inOrder(conditions, orderBy);
        if (inOrder != null) {
            // Already in the order asked for: the stream is read lazily, only as far as the limit.
            return noted(
                    matchDocumentsFromStream(
                            documents(inOrder), query, null, numberToSkip, limit, batchSize, fieldSelector),
                    query,
                    orderBy,
                    limit > 0 ? Math.min(limit, inOrder.size()) : inOrder.size());
        }
        Iterable<Object> candidates = plan(query);
        if (candidates == null) {
            return noted(
                    super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                    query,
                    orderBy,
                    count());
        }
        List<Object> read = new ArrayList<>();
        candidates.forEach(read::add);
        return noted(
                matchDocumentsFromStream(
                        documents(read), query, orderBy, numberToSkip, limit, batchSize, fieldSelector),
                query,
                orderBy,
                read.size());
    }

    private Stream<Document> documents(Iterable<Object> positions) {
        return StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument)
                .filter(Objects::nonNull);
    }

    /** Notes, at most once a minute per query shape, a query that reads more than {@code salespulse.mongo.wide-query} (5,000) documents. */
    private QueryResult noted(QueryResult result, Document query, Document orderBy, long read) {
        if (read > WIDE) {
            String shape = shape(query) + " sort " + (orderBy == null ? "{}" : orderBy.keySet());
            long now = System.currentTimeMillis();
            Long last = NOTED.get(getFullName() + shape);
            if (last == null || now - last > 60_000) {
                NOTED.put(getFullName() + shape, now);
                log.warn("{}: a query read {} documents: {}", getFullName(), read, shape);
            }
        }
        return result;
    }

    private static String shape(Object query) {
        if (query instanceof Document document) {
            StringBuilder shape = new StringBuilder("{");
            document.forEach((key, value) -> shape.append(shape.length() > 1 ? ", " : "")
                    .append(key)
                    .append(": ")
                    .append(shape(value)));
            return shape.append('}').toString();
        }
        if (query instanceof List<?> list) {
            return list.stream().map(IndexedH2Collection::shape).toList().toString();
        }
        return "?";
    }

    /** The candidates in the order a sort asks for, from a secondary index that holds them so, or {@code null}. */
    private List<Object> inOrder(Document conditions, Document orderBy) {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex<Object> secondary) {
                List<Object> ordered = secondary.ordered(conditions, orderBy);
                if (ordered != null) {
                    return ordered;
                }
            }
        }
        return null;
    }

    /** The positions of a superset of the documents matching the query, or {@code null} when only a scan will do. */
    Iterable<Object> plan(Document query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        Document conditions = new Document();
        conjuncts(query, conditions);
        Iterable<Object> unique = byUniqueIndex(conditions);
        if (unique != null) {
            return unique;
        }
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SecondaryIndex<Object> secondary && secondary.canHandle(conditions)) {
                return secondary.getPositions(conditions);
            }
        }
        if (query.size() == 1 && query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
            Set<Object> union = new LinkedHashSet<>();
            for (Object branch : branches) {
                Iterable<Object> found = branch instanceof Document document ? plan(document) : null;
                if (found == null) {
                    return null;
                }
                found.forEach(union::add);
            }
            return new ArrayList<>(union);
        }
        return null;
    }

    /** The positions a unique index gives for conditions naming all its keys, or {@code null}. */
    private Iterable<Object> byUniqueIndex(Document conditions) {
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique()) {
                Document sub = new Document();
                for (IndexKey key : index.getKeys()) {
                    if (conditions.containsKey(key.getKey())) {
                        sub.put(key.getKey(), conditions.get(key.getKey()));
                    }
                }
                if (sub.size() == index.getKeys().size() && index.canHandle(sub)) {
                    return index.getPositions(sub);
                }
            }
        }
        return null;
    }

    /** The conditions every match must meet: the query's own fields and those of its {@code $and} branches. */
    private static void conjuncts(Document query, Document into) {
        for (String key : query.keySet()) {
            Object value = query.get(key);
            if (key.equals("$and") && value instanceof List<?> branches) {
                for (Object branch : branches) {
                    if (branch instanceof Document document) {
                        conjuncts(document, into);
                    }
                }
            } else if (!key.startsWith("$") && !into.containsKey(key)) {
                into.put(key, value);
            } else if (!key.startsWith("$")
                    && into.get(key) instanceof Document held
                    && value instanceof Document more
                    && held.keySet().stream().allMatch(k -> k.startsWith("$"))
                    && more.keySet().stream().allMatch(k -> k.startsWith("$"))) {
                // Two ranges on one field (a $gte and a $lt): both bound the candidates.
                Document merged = new Document(held);
                more.forEach(merged::putIfAbsent);
                into.put(key, merged);
            }
        }
    }
}
