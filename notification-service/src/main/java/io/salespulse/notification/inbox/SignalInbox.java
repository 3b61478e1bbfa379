package io.salespulse.notification.inbox;

import io.salespulse.kit.mongo.Documents;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.signal.SignalEvent;
import io.salespulse.kit.mongo.LatestState;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every signal's latest lifecycle state as notification-service knows it (raised, updated, acknowledged, resolved):
 * what routing and digests read. Keyed by signal id; an older lifecycle event never overwrites a newer one.
 */
@Component
public class SignalInbox {

    static final String COLLECTION = "signals";

    private final MongoTemplate mongo;

    SignalInbox(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(new Document("teamId", 1));
    }

    void record(EventEnvelope envelope) {
        SignalEvent signal = envelope.dataAs(SignalEvent.class);
        Document doc = Documents.of(signal)
                .append("lifecycle", envelope.type().typeName());
        LatestState.replaceIfNotOlder(mongo.getCollection(COLLECTION), signal.signalId(), signal.occurredAt().toEpochMilli(), doc);
    }
}
