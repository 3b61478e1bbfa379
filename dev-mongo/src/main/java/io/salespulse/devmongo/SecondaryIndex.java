package io.salespulse.devmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A non-unique index for mongo-java-server, which otherwise ignores them: it maps the values of the index's first key
 * to the positions of the documents holding them, in the order of the index's other keys, kept in memory and rebuilt
 * from the documents when the server starts. It narrows a query that names its first key with an equality or
 * {@code $in} (alone, or among other conditions, or inside {@code $and}) to the documents with those values; the
 * server then applies the whole query to them, so the answer is the same as a full scan's, at the cost of the
 * matching documents instead of the collection. For one value, it also gives them in the order of its other keys (or
 * the reverse), so a sorted query with a limit reads only as far as the limit. Documents without a value for the
 * first key are not held: a query for {@code null} scans, as before.
 */
final class SecondaryIndex<P> extends Index<P> {

    private final Map<Object, NavigableSet<Held<P>>> positions = new HashMap<>();
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

    /**
     * A document's place in the index: the values of its other keys, then its position (for a total order). A bound
     * ({@code bound} -1 or 1) holds only the second key's value, and sorts before (-1) or after (1) every entry with it.
     */
    private record Held<P>(List<Object> rest, P position, int bound) {

        Held(List<Object> rest, P position) {
            this(rest, position, 0);
        }
    }

    private Comparator<Held<P>> order() {
        List<IndexKey> keys = getKeys();
        return (a, b) -> {
            int shared = Math.min(a.rest().size(), b.rest().size());
            for (int i = 0; i < shared; i++) {
                Comparator<Object> values =
                        keys.get(i + 1).isAscending() ? ValueComparator.asc() : ValueComparator.desc();
                int compared = values.compare(a.rest().get(i), b.rest().get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            if (a.bound() != 0 || b.bound() != 0) {
                return a.bound() != 0 ? a.bound() : -b.bound();
            }
            return ValueComparator.asc().compare(a.position(), b.position());
        };
    }

    /**
     * The positions of the documents with a queried value in the order a sort asks for, or {@code null} when this
     * index does not hold them in that order (more than one value queried, or a sort on other keys).
     */
    synchronized List<P> ordered(Document conditions, Document orderBy) {
        List<Object> wanted = queried(conditions);
        if (wanted == null
                || wanted.size() != 1
                || orderBy.isEmpty()
                || orderBy.size() >= getKeys().size()) {
            return null;
        }
        Boolean reversed = null;
        int i = 1;
        for (String key : orderBy.keySet()) {
            IndexKey indexKey = getKeys().get(i++);
            if (!indexKey.getKey().equals(key) || !(orderBy.get(key) instanceof Number direction)) {
                return null;
            }
            boolean same = (direction.intValue() > 0) == indexKey.isAscending();
            if (reversed != null && reversed == same) {
                return null;
            }
            reversed = !same;
        }
        NavigableSet<Held<P>> held =
                within(positions.getOrDefault(wanted.get(0), java.util.Collections.emptyNavigableSet()), conditions);
        List<P> found = new ArrayList<>(held.size());
        for (Held<P> entry : reversed ? held.descendingSet() : held) {
            found.add(entry.position());
        }
        return found;
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
        return value != null
                && !(value instanceof Missing)
                && !(value instanceof Document)
                && !(value instanceof Collection)
                && !(value instanceof Pattern)
                && !value.getClass().getSimpleName().contains("RegularExpression");
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    /** The index entries of a document: for each value of its first key, the values of the others. */
    private Set<List<Object>> entriesOf(Document document) {
        Set<List<Object>> entries = new LinkedHashSet<>();
        for (KeyValue keyValue : getKeyValues(document)) {
            Object value = keyValue.get(0);
            if (value != null && !(value instanceof Missing)) {
                entries.add(keyValue.stream().toList());
            }
        }
        return entries;
    }

    /**
     * The entries whose second key is in the range the conditions ask for ({@code $gt}, {@code $gte}, {@code $lt},
     * {@code $lte} on plain values), all of them when they ask for none.
     */
    private NavigableSet<Held<P>> within(NavigableSet<Held<P>> held, Document conditions) {
        if (getKeys().size() < 2
                || held.isEmpty()
                || !(conditions.get(getKeys().get(1).getKey()) instanceof Document range)) {
            return held;
        }
        boolean ascending = getKeys().get(1).isAscending();
        Object low = null;
        boolean lowInclusive = true;
        Object high = null;
        boolean highInclusive = true;
        for (String operator : range.keySet()) {
            Object value = range.get(operator);
            if (!indexable(value)) {
                return held;
            }
            switch (operator) {
                case "$gt" -> {
                    low = normalized(value);
                    lowInclusive = false;
                }
                case "$gte" -> {
                    low = normalized(value);
                    lowInclusive = true;
                }
                case "$lt" -> {
                    high = normalized(value);
                    highInclusive = false;
                }
                case "$lte" -> {
                    high = normalized(value);
                    highInclusive = true;
                }
                default -> {
                    return held;
                }
            }
        }
        // In index order, the range's low end comes first when the key ascends, its high end when it descends.
        Object first = ascending ? low : high;
        boolean firstInclusive = ascending ? lowInclusive : highInclusive;
        Object last = ascending ? high : low;
        boolean lastInclusive = ascending ? highInclusive : lowInclusive;
        NavigableSet<Held<P>> bounded = held;
        if (first != null) {
            bounded = bounded.tailSet(new Held<>(List.of(first), null, firstInclusive ? -1 : 1), false);
        }
        if (last != null) {
            bounded = bounded.headSet(new Held<>(List.of(last), null, lastInclusive ? 1 : -1), false);
        }
        return bounded;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return queried(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> found = new LinkedHashSet<>();
        for (Object value : queried(query)) {
            for (Held<P> held :
                    within(positions.getOrDefault(value, java.util.Collections.emptyNavigableSet()), query)) {
                found.add(held.position());
            }
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
        for (List<Object> entry : entriesOf(document)) {
            if (positions
                    .computeIfAbsent(entry.get(0), v -> new TreeSet<>(order()))
                    .add(new Held<>(entry.subList(1, entry.size()), position))) {
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
        for (List<Object> entry : entriesOf(document)) {
            NavigableSet<Held<P>> held = positions.get(entry.get(0));
            if (held != null && held.remove(new Held<>(entry.subList(1, entry.size()), position))) {
                count--;
                if (held.isEmpty()) {
                    positions.remove(entry.get(0));
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
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (!entriesOf(oldDocument).equals(entriesOf(newDocument))) {
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
