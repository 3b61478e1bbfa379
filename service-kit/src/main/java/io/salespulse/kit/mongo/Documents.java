package io.salespulse.kit.mongo;

import io.salespulse.contracts.EventCodec;
import org.bson.Document;

/**
 * Records to Mongo documents and back, through the event JSON mapping, so a stored event or state reads exactly as
 * it travels. Extra fields of a stored document ({@code _id}, {@link LatestState#ORDER}, bookkeeping) are ignored on
 * reading, since the mapping ignores unknown properties.
 */
public final class Documents {

    private Documents() {
    }

    public static Document of(Object value) {
        return Document.parse(EventCodec.mapper().writeValueAsString(value));
    }

    public static <T> T read(Document doc, Class<T> type) {
        return EventCodec.mapper().readValue(doc.toJson(), type);
    }
}
