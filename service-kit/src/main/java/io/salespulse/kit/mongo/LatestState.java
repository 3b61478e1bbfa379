package io.salespulse.kit.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.ReplaceOptions;

/**
 * "Keep the latest state" in one atomic single-document write: replace the document unless the stored one is newer.
 * Redelivered or out-of-order events never move a projection back. The state is a typed record (often the event
 * itself), written by Spring Data's mapping under the given id, with its order beside it in {@link #ORDER}; it reads
 * back as the same record ({@code mongo.find(query, Type.class, collection)}: the id and the order are not part of it).
 */
public final class LatestState {

    /** The field holding the order of the stored state (epoch millis, a version...). */
    public static final String ORDER = "stateOrder";

    private LatestState() {}

    /** Stores {@code state} as the state of {@code id}, whatever is stored (a state with no order of its own). */
    public static void replace(MongoOperations mongo, String collection, String id, Object state) {
        replace(mongo, collection, id, state, Map.of());
    }

    /**
     * Stores {@code state} as the state of {@code id}, whatever is stored, with fields kept beside it for lookups
     * (mapped as Spring Data maps values; not part of the state read back).
     */
    public static void replace(
            MongoOperations mongo, String collection, String id, Object state, Map<String, ?> beside) {
        Document doc = document(mongo, id, state);
        beside.forEach((field, value) -> doc.put(field, mongo.getConverter().convertToMongoType(value)));
        mongo.replace(
                query(where("_id").is(id)), doc, ReplaceOptions.replaceOptions().upsert(), collection);
    }

    /** Stores {@code state} as the state of {@code id} unless a state with a higher order is stored; true if stored. */
    public static boolean replaceIfNotOlder(
            MongoOperations mongo, String collection, String id, long order, Object state) {
        Document doc = document(mongo, id, state);
        doc.put(ORDER, order);
        try {
            mongo.replace(
                    query(where("_id").is(id).and(ORDER).lte(order)),
                    doc,
                    ReplaceOptions.replaceOptions().upsert(),
                    collection);
            return true;
        } catch (DuplicateKeyException e) {
            // The filter missed because a newer state is stored, and the upsert then hit its _id: keep the newer.
            return false;
        }
    }

    /** The field counting the changes of a state edited by people ({@link #replaceAtRevision}). */
    public static final String REVISION = "revision";

    /**
     * Stores {@code state} as the state of {@code id} over the revision it was read at ({@code -1}: none stored), as
     * revision {@code expected + 1}; a state stored before revisions were counted is revision 0. False when another
     * change came first (or the state was created meanwhile): nothing written.
     */
    public static boolean replaceAtRevision(
            MongoOperations mongo, String collection, String id, Object state, long expected) {
        Document doc = document(mongo, id, state);
        doc.put(REVISION, expected + 1);
        if (expected < 0) {
            try {
                mongo.insert(doc, collection);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        var at = expected == 0
                ? where(REVISION).in(0L, 0, null)
                : where(REVISION).is(expected);
        return mongo.replace(query(where("_id").is(id)).addCriteria(at), doc, collection)
                        .getModifiedCount()
                == 1;
    }

    /**
     * Writes a typed document that carries its own {@code revision} field (its next one) over the revision it was read
     * at ({@code -1}: it did not exist). False when it changed, or was created, meanwhile: nothing written.
     */
    public static boolean writeAtRevision(MongoOperations mongo, String id, Object document, long expected) {
        if (expected < 0) {
            try {
                mongo.insert(document);
                return true;
            } catch (DuplicateKeyException e) {
                return false;
            }
        }
        return mongo.replace(query(where("_id").is(id).and(REVISION).is(expected)), document)
                        .getModifiedCount()
                == 1;
    }

    /** The revision of the state of {@code id}: empty when none is stored, 0 when stored before revisions were counted. */
    public static java.util.Optional<Long> revision(MongoOperations mongo, String collection, String id) {
        Document stored = mongo.findById(id, Document.class, collection);
        return stored == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(stored.get(REVISION) instanceof Number n ? n.longValue() : 0L);
    }

    private static Document document(MongoOperations mongo, String id, Object state) {
        Document doc = new Document();
        mongo.getConverter().write(state, doc);
        doc.remove("_class");
        doc.put("_id", id);
        return doc;
    }
}
