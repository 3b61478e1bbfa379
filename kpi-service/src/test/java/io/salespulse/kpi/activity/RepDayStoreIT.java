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

/** A rep-day's document stays bounded whatever floods it, and still counts each event once. */
class RepDayStoreIT {

    private static final LocalDate DAY = LocalDate.parse("2027-11-17");

    private static Increment call(String id) {
        return new Increment(id, "sdr-flood", "team-flood", DAY, Map.of(Counter.calls.name(), 1L));
    }

    @Test
    void aFloodForOneRepDayIsCountedWithoutGrowingItsDocumentAndARecentRedeliveryCountsOnce() {
        String database = "rep-days-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            RepDayStore store = new RepDayStore(mongo, 100);
            // 25 batches of 40 events for one rep and day: 1,000 events, ten times what the document keeps.
            for (int batch = 0; batch < 25; batch++) {
                List<Increment> increments = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    increments.add(call("flood-" + batch + "-" + i));
                }
                store.apply(increments);
            }
            // The last batch delivered again (a consumer that lost its partition): nothing counts twice.
            List<Increment> again = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                again.add(call("flood-24-" + i));
            }
            store.apply(again);
            // And one of them alone, with a new one.
            store.apply(List.of(call("flood-24-39"), call("flood-new")));

            assertThat(store.days("sdr-flood", DAY, DAY))
                    .singleElement()
                    .satisfies(day -> assertThat(day.get(Counter.calls)).isEqualTo(1_001));
            Document stored = mongo.getCollection(RepDayStore.COLLECTION)
                    .find(new Document("_id", RepDayStore.key("sdr-flood", DAY)))
                    .first();
            assertThat(stored.getList("eventIds", String.class))
                    .hasSize(100)
                    .contains("flood-new", "flood-24-0")
                    .doesNotContain("flood-0-0");
        }
    }
}
