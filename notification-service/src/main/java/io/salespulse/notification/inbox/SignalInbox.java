package io.salespulse.notification.inbox;

import com.mongodb.client.model.Filters;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.EventType;
import io.salespulse.contracts.signal.SignalEvent;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.kit.mongo.Documents;
import io.salespulse.kit.mongo.LatestState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every signal's latest lifecycle state as notification-service knows it (raised, updated, acknowledged, resolved):
 * what routing and digests read. Keyed by signal id; an older lifecycle event never overwrites a newer one.
 */
@Component
public class SignalInbox {

    public static final String COLLECTION = "signals";

    private final MongoTemplate mongo;

    SignalInbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(new Document("teamId", 1));
        // Retention deletes resolved signals by lifecycle.
        mongo.getCollection(COLLECTION).createIndex(new Document("lifecycle", 1));
    }

    void record(EventEnvelope envelope) {
        SignalEvent signal = envelope.dataAs(SignalEvent.class);
        Document doc = Documents.of(signal)
                .append("lifecycle", envelope.type().typeName());
        LatestState.replaceIfNotOlder(mongo.getCollection(COLLECTION), signal.signalId(), signal.occurredAt().toEpochMilli(), doc);
    }

    /**
     * A signal still open (raised, updated or acknowledged, not resolved).
     *
     * @param signalId     the signal
     * @param type         its type
     * @param repId        its rep ({@code null} for a team's)
     * @param teamId       its team
     * @param severity     its severity, when the last change told it
     * @param acknowledged whether a manager acknowledged it
     */
    public record OpenSignal(String signalId, SignalType type, String repId, String teamId, String severity, boolean acknowledged) {
    }

    /** The open signals of these teams. */
    public List<OpenSignal> openOf(Collection<String> teamIds) {
        List<OpenSignal> open = new ArrayList<>();
        for (Document doc : mongo.getCollection(COLLECTION).find(Filters.and(Filters.in("teamId", teamIds),
                Filters.ne("lifecycle", EventType.SIGNAL_RESOLVED.typeName())))) {
            open.add(new OpenSignal(doc.getString("signalId"), SignalType.valueOf(doc.getString("type")), doc.getString("repId"),
                    doc.getString("teamId"), doc.getString("severity"),
                    EventType.SIGNAL_ACKNOWLEDGED.typeName().equals(doc.getString("lifecycle"))));
        }
        return open;
    }
}
