package io.salespulse.localrun.mongo;

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
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that plans its queries: mongo-java-server uses an index only when a query names exactly its keys,
 * so {@code {_id: x, status: "QUEUED"}} or an {@code $and} scans the whole collection. This one narrows a query to the
 * documents an index finds for one of its conditions (a unique index whose keys are all given, else a
 * {@link SecondaryIndex}), or for each branch of a top-level {@code $or}, and applies the whole query to those.
 */
final class IndexedH2Collection extends H2Collection {

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        boolean natural = orderBy != null && orderBy.containsKey("$natural");
        Iterable<Object> candidates = natural ? null : plan(query);
        if (candidates == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> documents = StreamSupport.stream(candidates.spliterator(), false)
                .map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The positions of a superset of the documents matching the query, or {@code null} when only a scan will do. */
    Iterable<Object> plan(Document query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        Document conditions = new Document();
        conjuncts(query, conditions);
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
            }
        }
    }
}
