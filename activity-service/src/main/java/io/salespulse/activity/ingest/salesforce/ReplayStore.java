package io.salespulse.activity.ingest.salesforce;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Where each Pub/Sub topic's subscription stands (the {@code salesforce_replay} collection): the replay id of the last
 * event made durable, stored only after it is, so a restart resumes right after it (an event made durable again is a
 * duplicate, never a second count).
 */
@Component
class ReplayStore {

    @Document("salesforce_replay")
    record Position(@Id String topic, byte[] replayId, Instant at) {}

    private final MongoTemplate mongo;
    private final Clock clock;

    ReplayStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Optional<byte[]> of(String topic) {
        return Optional.ofNullable(mongo.findById(topic, Position.class)).map(Position::replayId);
    }

    void save(String topic, byte[] replayId) {
        mongo.save(new Position(topic, replayId, clock.instant()));
    }
}
