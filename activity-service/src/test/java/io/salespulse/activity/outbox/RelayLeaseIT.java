package io.salespulse.activity.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.salespulse.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class RelayLeaseIT {

    @Test
    void oneInstanceRelaysAtATimeAndAnotherTakesOverWhenTheLeaseExpires() {
        String database = "lease-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            Instant t0 = Instant.parse("2026-11-26T10:00:00Z");
            RelayLease first = new RelayLease(mongo, Clock.fixed(t0, ZoneOffset.UTC));
            RelayLease second = new RelayLease(mongo, Clock.fixed(t0.plusSeconds(1), ZoneOffset.UTC));
            assertThat(first.acquire()).isTrue();
            assertThat(second.acquire()).isFalse();
            assertThat(first.acquire()).isTrue();

            RelayLease secondLater =
                    new RelayLease(mongo, Clock.fixed(t0.plus(RelayLease.TERM).plusSeconds(1), ZoneOffset.UTC));
            assertThat(secondLater.acquire()).isTrue();
            assertThat(first.acquire()).isFalse();

            // A graceful stop hands the lease over at once.
            secondLater.release();
            assertThat(first.acquire()).isTrue();
        }
    }
}
