package io.salespulse.notification.preferences;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.salespulse.contracts.EventCodec;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Managers' preferences, one document each. */
@Component
public class PreferencesStore {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    PreferencesStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void save(Preferences preferences) {
        Document doc = Document.parse(EventCodec.mapper().writeValueAsString(preferences));
        doc.put("_id", preferences.managerId());
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", preferences.managerId()), doc, new ReplaceOptions().upsert(true));
    }

    /** Every manager's preferences. */
    public java.util.List<Preferences> all() {
        return mongo.getCollection(COLLECTION).find().map(doc -> {
            doc.remove("_id");
            return EventCodec.mapper().readValue(doc.toJson(), Preferences.class);
        }).into(new java.util.ArrayList<>());
    }

    public Optional<Preferences> of(String managerId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(Filters.eq("_id", managerId)).first()).map(doc -> {
            doc.remove("_id");
            return EventCodec.mapper().readValue(doc.toJson(), Preferences.class);
        });
    }
}
