package io.salespulse.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.TestInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Two kpi-service instances in one consumer group share the activity topic's partitions, and the counts stay exact
 * when one of them stops in the middle of the stream: the other takes its partitions over, events it had consumed
 * without committing are delivered again, and each is counted once.
 */
class KpiScaleOutIT {

    private static final int REPS = 30;
    private static final int CALLS_PER_REP = 100;

    private static ConfigurableApplicationContext instance(String database, String group) {
        // As arguments: they outrank the application's own configuration, as the environment does in production.
        return new SpringApplicationBuilder(KpiServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.profiles.active=local",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(database),
                        "--spring.kafka.consumer.group-id=" + group,
                        "--salespulse.security.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                        "--salespulse.security.jwt.issuer=" + TestTokens.ISSUER);
    }

    private static double counted(ConfigurableApplicationContext context) {
        return context.getBean(MeterRegistry.class)
                .find("salespulse.kpi.events.counted")
                .counter()
                .count();
    }

    private static int assigned(ConfigurableApplicationContext context) {
        int partitions = 0;
        for (MessageListenerContainer container :
                context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()) {
            partitions += container.getAssignedPartitions() == null
                    ? 0
                    : (int) container.getAssignedPartitions().stream()
                            .filter(partition -> partition.topic().equals("salespulse.activities"))
                            .count();
        }
        return partitions;
    }

    @Test
    void twoInstancesShareThePartitionsAndCountEachEventOnceWhenOneStopsMidStream() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String database = "kpi-scale-out-" + run;
        String group = "kpi-scale-out-" + run;
        ConfigurableApplicationContext one = instance(database, group);
        ConfigurableApplicationContext two = instance(database, group);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(one) > 0 && assigned(two) > 0);

            List<EventEnvelope> calls = new ArrayList<>();
            Instant at = Instant.parse("2026-11-24T09:00:00Z");
            for (int n = 0; n < CALLS_PER_REP; n++) {
                for (int r = 0; r < REPS; r++) {
                    String rep = "rep-" + r + "-" + run;
                    calls.add(EventEnvelope.of(
                            "call-" + n + "-" + rep,
                            "/test",
                            new CallLogged(rep, null, CallOutcome.NO_ANSWER, null, null, at.plusSeconds(n))));
                }
            }
            int half = calls.size() / 2;
            KafkaProbe.publish(calls.subList(0, half).toArray(EventEnvelope[]::new));
            await().atMost(Duration.ofSeconds(60)).until(() -> counted(one) > 0 && counted(two) > 0);
            double countedByTwo = counted(two);
            // The second half goes out while the second instance stops.
            Thread publisher = new Thread(
                    () -> KafkaProbe.publish(calls.subList(half, calls.size()).toArray(EventEnvelope[]::new)));
            publisher.start();
            two.close();
            publisher.join();
            await().atMost(Duration.ofSeconds(60)).until(() -> assigned(one) == 3);

            try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri(database))) {
                var repDays = client.getDatabase(database).getCollection("rep_days");
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    Map<String, Long> callsByRep = new HashMap<>();
                    // The group reads the topic from its start: other tests' reps are counted too; this run's are
                    // checked.
                    for (Document day : repDays.find(new Document("repId", new Document("$regex", "-" + run + "$")))) {
                        // Read while the instance still writes: a day caught between two updates counts as none yet.
                        Document counters = day.get("c", Document.class);
                        Number dayCalls = counters == null ? null : counters.get("calls", Number.class);
                        callsByRep.merge(
                                day.getString("repId"), dayCalls == null ? 0L : dayCalls.longValue(), Long::sum);
                    }
                    assertThat(callsByRep).hasSize(REPS);
                    assertThat(callsByRep.values()).allMatch(count -> count == CALLS_PER_REP);
                });
            }
            assertThat(countedByTwo).as("the second instance counted its share").isPositive();
        } finally {
            two.close();
            one.close();
        }
    }
}
