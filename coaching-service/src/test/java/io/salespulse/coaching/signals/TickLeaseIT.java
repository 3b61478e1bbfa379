package io.salespulse.coaching.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.salespulse.testsupport.TestInfrastructure;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class TickLeaseIT {

    @Test
    void twoInstancesEvaluateATeamOncePerHour() {
        String database = "tick-" + UUID.randomUUID();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            TickLease one = new TickLease(mongo, Clock.systemUTC());
            TickLease other = new TickLease(mongo, Clock.systemUTC());
            assertThat(one.take("team-paris|2026-11-27T10")).isTrue();
            assertThat(other.take("team-paris|2026-11-27T10")).isFalse();
            assertThat(other.take("team-paris|2026-11-27T11")).isTrue();
            assertThat(one.take("team-ny|2026-11-27T10")).isTrue();
        }
    }
}
