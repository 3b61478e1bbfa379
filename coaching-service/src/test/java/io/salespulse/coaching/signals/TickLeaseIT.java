package io.salespulse.coaching.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.salespulse.testsupport.MovableClock;
import io.salespulse.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two instances evaluate each team once per tick; a lease expires, so an instance that died holds no team for long. */
class TickLeaseIT {

    @Test
    void twoInstancesEvaluateATeamOncePerTickAndTheLeaseExpires() {
        String database = "tick-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:05:00Z"));
            TickLease one = new TickLease(mongo, clock, Duration.ofMinutes(50));
            TickLease other = new TickLease(mongo, clock, Duration.ofMinutes(50));
            // 10:05, both instances' ticks: one evaluates Paris, the other not; New York is free for either.
            assertThat(one.take("team-paris")).isTrue();
            assertThat(other.take("team-paris")).isFalse();
            assertThat(other.take("team-ny")).isTrue();
            // 10:45: still held.
            clock.set(Instant.parse("2026-11-27T10:45:00Z"));
            assertThat(other.take("team-paris")).isFalse();
            // 11:05, the next tick: the leases have run out; whoever comes first takes each (as when "one" has died).
            clock.set(Instant.parse("2026-11-27T11:05:00Z"));
            assertThat(other.take("team-paris")).isTrue();
            assertThat(one.take("team-paris")).isFalse();
            // One document per team, however many ticks.
            assertThat(mongo.getCollection(TickLease.COLLECTION).countDocuments())
                    .isEqualTo(2);
        }
    }
}
