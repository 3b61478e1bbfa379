package io.salespulse.kpi.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.salespulse.testsupport.TestInfrastructure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A rep-day counts each record once by its partition and offset, whatever comes again and however the batches are cut,
 * and its document stays the same size whatever floods it.
 */
class RepDayStoreIT {

    private static final LocalDate DAY = LocalDate.parse("2027-11-17");
    private static final String ACTIVITIES = "salespulse.activities-1";
    private static final String DEALS = "salespulse.deals-0";

    private static Increment call(String partition, long offset) {
        return new Increment("sdr-flood", "team-flood", DAY, Map.of(Counter.calls.name(), 1L)).at(partition, offset);
    }

    private static List<Increment> calls(String partition, long from, long to) {
        List<Increment> increments = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            increments.add(call(partition, offset));
        }
        return increments;
    }

    @Test
    void eachRecordCountsOnceByItsOffsetAndTheDocumentDoesNotGrow() {
        String database = "rep-days-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            RepDayStore store = new RepDayStore(mongo);
            // 25 batches of 40 records for one rep and day: 1,000 events.
            for (int batch = 0; batch < 25; batch++) {
                store.apply(calls(ACTIVITIES, batch * 40L, batch * 40L + 40));
            }
            Document afterTen = stored(mongo);
            // The last batch delivered again (a consumer that lost its partition): nothing counts twice.
            store.apply(calls(ACTIVITIES, 960, 1000));
            // Cut differently: the last ten again with ten new ones, as a new owner of the partition may batch them.
            store.apply(calls(ACTIVITIES, 990, 1010));
            // Another partition (deal facts for the same rep-day) counts on its own marks.
            store.apply(calls(DEALS, 0, 3));
            store.apply(calls(DEALS, 0, 3));
            // Two increments of one record (a meeting booked and scheduled on the same day) count together.
            store.apply(List.of(
                    call(ACTIVITIES, 1010),
                    new Increment("sdr-flood", "team-flood", DAY, Map.of(Counter.meetingsScheduled.name(), 1L))
                            .at(ACTIVITIES, 1010)));

            RepDay day = store.days("sdr-flood", DAY, DAY).get(0);
            assertThat(day.get(Counter.calls)).isEqualTo(1_000 + 10 + 3 + 1);
            assertThat(day.get(Counter.meetingsScheduled)).isEqualTo(1);
            assertThat(day.version()).isEqualTo(1_000 + 10 + 3 + 1);
            Document marks = stored(mongo).get("o", Document.class);
            assertThat(marks).containsEntry("salespulse_activities-1", 1010L).containsEntry("salespulse_deals-0", 2L);
            assertThat(stored(mongo).containsKey("eventIds")).isFalse();
            assertThat(afterTen.toJson().length())
                    .as("the document does not grow with what it counts")
                    .isLessThan(400);
        }
    }

    private static Document stored(MongoTemplate mongo) {
        return mongo.getCollection(RepDayStore.COLLECTION)
                .find(new Document("_id", RepDayStore.key("sdr-flood", DAY)))
                .first();
    }
}
