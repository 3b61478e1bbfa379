package io.salespulse.coaching.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventType;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.kit.mongo.Documents;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The stores that keep an event as their state (the roster copies, objective progress and definitions, rep-days, the
 * signal inbox) write it through Spring Data's mapping and read it back as the same record: every event type, from
 * its golden file (every field set). What earlier builds wrote through the event JSON mapping (instants and days as
 * ISO text, amounts as Decimal128) still reads as the same record, so no migration is needed.
 */
@SpringBootTest
@RealInfrastructure
class StoredEventsIT {

    private static final String COLLECTION = "stored_events_test";

    @Autowired
    MongoTemplate mongo;

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventReadsBackAsWrittenAndAsEarlierBuildsWroteIt(EventType type) throws IOException {
        SalesPulseEvent event = EventCodec.fromJson(
                type,
                Files.readAllBytes(Path.of("../event-contracts/src/test/resources/golden", type.typeName() + ".json")));

        String typed = "typed-" + type.typeName();
        assertThat(LatestState.replaceIfNotOlder(mongo, COLLECTION, typed, 2, event))
                .isTrue();
        assertThat(mongo.findById(typed, type.recordType(), COLLECTION)).isEqualTo(event);
        // An older state does not replace it.
        assertThat(LatestState.replaceIfNotOlder(mongo, COLLECTION, typed, 1, event))
                .isFalse();
        assertThat(mongo.getCollection(COLLECTION)
                        .find(new Document("_id", typed))
                        .first()
                        .get(LatestState.ORDER))
                .isEqualTo(2L);

        String earlier = "earlier-" + type.typeName();
        Document doc = Documents.of(event).append("_id", earlier).append(LatestState.ORDER, 1L);
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", earlier), doc, new com.mongodb.client.model.ReplaceOptions().upsert(true));
        assertThat(mongo.findById(earlier, type.recordType(), COLLECTION)).isEqualTo(event);
    }

    /** A field an earlier build did not write (added to the record since) reads as nothing, a number or flag as zero. */
    @org.junit.jupiter.api.Test
    void aFieldAddedSinceReadsAsItsDefault() {
        mongo.getCollection(COLLECTION)
                .insertOne(new Document("_id", "old-rep")
                        .append("repId", "old-rep")
                        .append("displayName", "Léa")
                        .append("teamId", "t")
                        .append("role", "SDR")
                        .append("occurredAt", "2026-01-01T00:00:00Z"));
        io.salespulse.contracts.org.RepChanged rep =
                mongo.findById("old-rep", io.salespulse.contracts.org.RepChanged.class, COLLECTION);
        assertThat(rep.displayName()).isEqualTo("Léa");
        assertThat(rep.active()).isFalse();
        assertThat(rep.startDate()).isNull();
    }
}
