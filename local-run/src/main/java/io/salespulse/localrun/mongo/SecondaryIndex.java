package io.salespulse.localrun.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A non-unique index for mongo-java-server, which otherwise ignores them: it maps the values of the index's first key
 * to the positions of the documents holding them, kept in memory and rebuilt from the documents when the server
 * starts. It narrows a query that names its first key with an equality or {@code $in} (alone, or among other
 * conditions, or inside {@code $and}) to the documents with those values; the server then applies the whole query to
 * them, so the answer is the same as a full scan's, at the cost of the matching documents instead of the collection.
 * Documents without a value for the first key are not held: a query for {@code null} scans, as before.
 */
final class SecondaryIndex<P> extends Index<P> {

    private final Map<Object, Set<P>> positions = new HashMap<>();
    private final Function<Document, P> positionOf;
    private long count;

    /**
     * @param positionOf the position the collection stores a document at, known from the document alone (for the
     *                   H2 backend, its {@code _id})
     */
    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Function<Document, P> positionOf) {
        super(name, keys, sparse);
        this.positionOf = positionOf;
    }

    String field() {
        return getKeys().get(0).getKey();
    }

    /** The values of the first key a query asks for, or {@code null} when this index cannot narrow it. */
    List<Object> queried(Document conditions) {
        if (!conditions.containsKey(field())) {
            return null;
        }
        Object condition = conditions.get(field());
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.get("$eq") != null) {
                Object value = operators.get("$eq");
                return indexable(value) ? List.of(normalized(value)) : null;
            }
            if (operators.get("$in") instanceof Collection<?> values) {
                List<Object> wanted = new ArrayList<>(values.size());
                for (Object value : values) {
                    if (!indexable(value)) {
                        return null;
                    }
                    wanted.add(normalized(value));
                }
                return wanted;
            }
            return null;
        }
        return indexable(condition) ? List.of(normalized(condition)) : null;
    }

    private static boolean indexable(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !value.getClass().getSimpleName().contains("RegularExpression");
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    private Set<Object> valuesOf(Document document) {
        Set<Object> values = new LinkedHashSet<>();
        for (KeyValue keyValue : getKeyValues(document)) {
            Object value = keyValue.get(0);
            if (value != null && !(value instanceof Missing)) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return queried(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> found = new LinkedHashSet<>();
        for (Object value : queried(query)) {
            found.addAll(positions.getOrDefault(value, Set.of()));
        }
        return new ArrayList<>(found);
    }

    @Override
    public P getPosition(Document document) {
        return positionOf.apply(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        for (Object value : valuesOf(document)) {
            if (positions.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position)) {
                count++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionOf.apply(document);
        removeAt(document, position);
        return position;
    }

    private void removeAt(Document document, P position) {
        for (Object value : valuesOf(document)) {
            Set<P> held = positions.get(value);
            if (held != null && held.remove(position)) {
                count--;
                if (held.isEmpty()) {
                    positions.remove(value);
                }
            }
        }
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any update is allowed
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (!valuesOf(oldDocument).equals(valuesOf(newDocument))) {
            removeAt(oldDocument, position);
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        count = 0;
    }
}
