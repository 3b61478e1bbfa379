package io.salespulse.notification;

import io.salespulse.testsupport.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Deliveries put in the queue as the router puts them, and read back from the delivery log, for the fault tests. */
final class QueuedDeliveries {

    private QueuedDeliveries() {}

    /**
     * A CRITICAL delivery, due now; {@code claimed} and {@code inFlight} leave it as a sender that stopped mid-attempt
     * does.
     */
    static void queue(
            MongoTemplate mongo,
            String id,
            String manager,
            String channel,
            String target,
            String payload,
            boolean claimed,
            boolean inFlight) {
        Instant now = Instant.now();
        Document doc = new Document("_id", id)
                .append("signalId", "sig-" + id)
                .append("managerId", manager)
                .append("channel", channel)
                .append("type", "SILENCE")
                .append("severity", "CRITICAL")
                .append("status", claimed ? "SENDING" : "QUEUED")
                .append("route", "INSTANT")
                .append("detail", "critical")
                .append("target", target)
                .append("payload", payload)
                .append("dueAt", Date.from(now))
                .append("createdAt", Date.from(now))
                .append("attempts", new ArrayList<>());
        if (claimed) {
            doc.append("claimedUntil", Date.from(now.minusSeconds(1)));
        }
        if (inFlight) {
            doc.append("inFlight", new Document("attempt", 1).append("at", Date.from(now.minusSeconds(61))));
        }
        mongo.getCollection("deliveries").insertOne(doc);
    }

    /** A manager's delivery on a channel, as the delivery log shows it, or {@code null}. */
    static JsonNode delivery(int port, String manager, String channel) {
        for (JsonNode d : Http.get("http://localhost:" + port + "/api/v1/managers/" + manager + "/notifications")
                .json()) {
            if (channel.equals(d.get("channel").asString())) {
                return d;
            }
        }
        return null;
    }
}
