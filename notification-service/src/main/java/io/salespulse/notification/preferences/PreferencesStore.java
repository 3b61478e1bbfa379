package io.salespulse.notification.preferences;

import io.salespulse.kit.mongo.Documents;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
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
        Document doc = Documents.of(preferences);
        doc.put("_id", preferences.managerId());
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", preferences.managerId()), doc, new ReplaceOptions().upsert(true));
    }

    /** Every manager's preferences. */
    public java.util.List<Preferences> all() {
        return mongo.getCollection(COLLECTION).find().map(doc -> Documents.read(doc, Preferences.class)).into(new java.util.ArrayList<>());
    }

    public Optional<Preferences> of(String managerId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(Filters.eq("_id", managerId)).first()).map(doc -> Documents.read(doc, Preferences.class));
    }
}
