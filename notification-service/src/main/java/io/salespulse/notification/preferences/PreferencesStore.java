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

    /**
     * Saves a manager's preferences over the revision they were read at ({@code -1}: none); false when they changed
     * meanwhile (nothing written).
     */
    boolean save(Preferences preferences, long expectedRevision) {
        if (!LatestState.replaceAtRevision(mongo, COLLECTION, preferences.managerId(), preferences, expectedRevision)) {
            return false;
        }
        events.publishEvent(new PreferencesSaved(preferences.managerId()));
        return true;
    }

    /** The revision of a manager's preferences (empty: none saved). */
    java.util.Optional<Long> revision(String managerId) {
        return LatestState.revision(mongo, COLLECTION, managerId);
    }

    /** Every manager's preferences. */
    public List<Preferences> all() {
        return mongo.findAll(Preferences.class, COLLECTION);
    }

    public Optional<Preferences> of(String managerId) {
        return Optional.ofNullable(mongo.findById(managerId, Preferences.class, COLLECTION));
    }
}
