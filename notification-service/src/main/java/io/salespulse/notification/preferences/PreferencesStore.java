package io.salespulse.notification.preferences;

import io.salespulse.kit.mongo.LatestState;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Managers' preferences, one typed document each, under the manager's id. */
@Component
public class PreferencesStore {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;
    private final org.springframework.context.ApplicationEventPublisher events;

    PreferencesStore(MongoTemplate mongo, org.springframework.context.ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    void save(Preferences preferences) {
        LatestState.replace(mongo, COLLECTION, preferences.managerId(), preferences);
        events.publishEvent(new PreferencesSaved(preferences.managerId()));
    }

    /** Every manager's preferences. */
    public List<Preferences> all() {
        return mongo.findAll(Preferences.class, COLLECTION);
    }

    public Optional<Preferences> of(String managerId) {
        return Optional.ofNullable(mongo.findById(managerId, Preferences.class, COLLECTION));
    }
}
