package io.salespulse.coaching.projection;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.deal.DealEvent;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.kit.mongo.LatestState;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The facts the signal rules read, kept in coaching-service's own database: each rep's daily activity (the latest
 * version of each rep-day), each objective's latest progress, and each deal's latest fact. Every write keeps the
 * newest state, so redelivery and replays change nothing.
 */
@Component
public class CoachingFacts {

    static final String REP_DAYS = "rep_days";
    static final String OBJECTIVES = "objectives";
    static final String DEALS = "deals";

    private final MongoTemplate mongo;

    CoachingFacts(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(REP_DAYS).createIndex(new Document("repId", 1).append("day", 1));
        mongo.getCollection(DEALS).createIndex(new Document("ownerRepId", 1));
    }

    void record(EventEnvelope envelope) {
        if (envelope.data() instanceof RepDayKpisUpdated day) {
            // The rep-day's event count only grows: a higher one is a newer state of the same day.
            long version = day.activity().calls() + day.activity().emails() + day.activity().meetingsBooked()
                    + day.activity().meetingsScheduled() + day.activity().meetingsHeld() + day.activity().dealsCreated()
                    + day.activity().dealsAdvanced() + day.activity().dealsWon() + day.activity().dealsLost();
            LatestState.replaceIfNotOlder(mongo.getCollection(REP_DAYS), day.repId() + "|" + day.day(), version, document(envelope));
        } else if (envelope.data() instanceof ObjectiveProgressed objective) {
            LatestState.replaceIfNotOlder(mongo.getCollection(OBJECTIVES), objective.objectiveId(),
                    objective.occurredAt().toEpochMilli(), document(envelope));
        } else if (envelope.data() instanceof DealEvent deal) {
            LatestState.replaceIfNotOlder(mongo.getCollection(DEALS), deal.dealId(), deal.occurredAt().toEpochMilli(),
                    document(envelope).append("factType", envelope.type().typeName()));
        }
    }

    private static Document document(EventEnvelope envelope) {
        return Document.parse(new String(EventCodec.toJson(envelope.data()), StandardCharsets.UTF_8));
    }

    /** How many rep-days this service knows of a rep. */
    public long repDaysOf(String repId) {
        return mongo.getCollection(REP_DAYS).countDocuments(new Document("repId", repId));
    }
}
