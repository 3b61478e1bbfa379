package io.salespulse.kpi.counting;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.kit.kafka.EventBatches.Consumed;
import io.salespulse.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A record the log holds twice is dropped at its second offset; a record delivered again at its own offset is not;
 * an instance taking a partition over knows what the one before it read.
 */
class RecentEventIdsIT {

    private static final String PARTITION = "salespulse.activities-2";

    private static Consumed record(String id, long offset) {
        return new Consumed(
                EventEnvelope.of(id, "/test", new EmailSent("sdr-1", null, Instant.parse("2027-11-17T09:00:00Z"))),
                PARTITION,
                offset);
    }

    private static List<String> ids(List<Consumed> records) {
        return records.stream().map(record -> record.event().id()).toList();
    }

    /** Sorts a batch and remembers it, as counting does once the batch's counts are written. */
    private static List<Consumed> counted(RecentEventIds recent, List<Consumed> batch) {
        RecentEventIds.Sorted sorted = recent.sort(batch);
        recent.remember(sorted);
        return sorted.firstTimes();
    }

    @Test
    void dropsWhatTheLogHoldsTwiceAndKeepsWhatComesAgainAtItsOwnOffset() {
        String database = "recent-ids-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            RecentEventIds recent = new RecentEventIds(mongo, 100);

            assertThat(ids(counted(recent, List.of(record("a", 10), record("b", 11), record("c", 12)))))
                    .containsExactly("a", "b", "c");
            // The relay published b and c again after a crash, then d: only d is new.
            assertThat(ids(counted(recent, List.of(record("b", 13), record("c", 14), record("d", 15)))))
                    .containsExactly("d");
            // The same records delivered again at their offsets (a rebalance before the commit): all kept, the
            // rep-days'
            // marks keep them from counting twice; the duplicates stay duplicates.
            assertThat(ids(counted(recent, List.of(record("c", 12), record("b", 13), record("c", 14)))))
                    .containsExactly("c");

            // Another instance takes the partition over from offset 13: it reads the window back.
            RecentEventIds next = new RecentEventIds(mongo, 100);
            assertThat(ids(counted(next, List.of(record("b", 13), record("e", 16), record("a", 17)))))
                    .containsExactly("e");
            // A batch whose counting failed is not remembered: what comes back from the dead-letter topic counts.
            RecentEventIds.Sorted failed = next.sort(List.of(record("g", 18)));
            assertThat(ids(failed.firstTimes())).containsExactly("g");
            assertThat(ids(counted(next, List.of(record("f", 19), record("g", 20)))))
                    .as("g at 18 failed and went to the dead-letter topic; copied back at 20, it counts")
                    .containsExactly("f", "g");
            // And twice within one batch.
            assertThat(ids(counted(next, List.of(record("h", 21), record("h", 22)))))
                    .containsExactly("h");
        }
    }

    @Test
    void theWindowIsBoundedInMemoryAndInTheStore() {
        String database = "recent-ids-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            RecentEventIds recent = new RecentEventIds(mongo, 100);
            long offset = 0;
            for (int batch = 0; batch < 30; batch++) {
                List<Consumed> records = new ArrayList<>();
                for (int i = 0; i < 20; i++, offset++) {
                    records.add(record("e" + offset, offset));
                }
                assertThat(counted(recent, records)).hasSize(20);
            }
            // 600 records read: the store keeps the chunks of the last window or so, not every batch.
            assertThat(mongo.getCollection(RecentEventIds.COLLECTION).countDocuments())
                    .isLessThanOrEqualTo(20);
            // Within the window a duplicate is known; far behind it, it is not (and would count again).
            assertThat(counted(recent, List.of(record("e590", 600)))).isEmpty();
            assertThat(counted(recent, List.of(record("e5", 601)))).hasSize(1);
        }
    }
}
