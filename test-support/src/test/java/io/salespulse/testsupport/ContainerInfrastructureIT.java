package io.salespulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same infrastructure as containers, for machines with Docker (production-like MongoDB 8 and Apache Kafka).
 * Skips cleanly where no Docker engine runs. To run a whole suite on containers: SALESPULSE_TEST_INFRA=testcontainers.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(TestInfrastructure.KAFKA_IMAGE);

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(TestInfrastructure.MONGO_IMAGE);

    @Test
    void containersServeKafkaAndMongo() throws Exception {
        try (AdminClient admin =
                AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1)))
                    .all()
                    .get();
            assertThat(admin.listTopics().names().get()).contains("probe");
        }
        try (MongoClient mongo = MongoClients.create(MONGO.getConnectionString())) {
            assertThat(mongo.getDatabase("probe")
                            .runCommand(new Document("ping", 1))
                            .get("ok"))
                    .isIn(1, 1.0);
        }
    }
}
