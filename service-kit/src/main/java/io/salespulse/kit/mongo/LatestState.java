package io.salespulse.kit.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * "Keep the latest state" in one atomic single-document write: replace the document unless the stored one is newer.
 * Redelivered or out-of-order events never move a projection back.
 */
public final class LatestState {

    /** The field holding the order of the stored state (epoch millis, a version...). */
    public static final String ORDER = "stateOrder";
    private static final int DUPLICATE_KEY = 11000;

    private LatestState() {
    }

    /** Stores {@code doc} as the state of {@code id} unless a state with a higher order is stored; true if stored. */
    public static boolean replaceIfNotOlder(MongoCollection<Document> collection, String id, long order, Document doc) {
        doc.put("_id", id);
        doc.put(ORDER, order);
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lte(ORDER, order)), doc,
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            // The filter missed because a newer state is stored, and the upsert then hit its _id: keep the newer.
            if (e.getError().getCode() != DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }
}
