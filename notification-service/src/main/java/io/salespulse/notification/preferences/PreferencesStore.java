package io.salespulse.notification.preferences;

import io.salespulse.kit.mongo.LatestState;
import io.salespulse.notification.channels.Channel;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Managers' preferences, one typed document each, under the manager's id. A document an earlier build wrote, with a
 * field per channel ({@code email}, {@code slackWebhookUrl}, {@code teamsWebhookUrl}, {@code webhookUrl}) instead of
 * {@code targets}, reads as the same preferences: an upgrade needs no migration.
 */
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
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(this::read)
                .toList();
    }

    public Optional<Preferences> of(String managerId) {
        return Optional.ofNullable(mongo.findById(managerId, Document.class, COLLECTION))
                .map(this::read);
    }

    /**
     * A stored document as preferences: one written before {@code targets} held each channel's target under the
     * field the API names it by ({@link PreferencesRequest#field}).
     */
    private Preferences read(Document stored) {
        Document targets = stored.get("targets") instanceof Document held ? held : new Document();
        for (Channel channel : Channel.values()) {
            if (stored.remove(PreferencesRequest.field(channel)) instanceof String target
                    && !targets.containsKey(channel.name())) {
                targets.put(channel.name(), target);
            }
        }
        stored.put("targets", targets);
        return mongo.getConverter().read(Preferences.class, stored);
    }
}
