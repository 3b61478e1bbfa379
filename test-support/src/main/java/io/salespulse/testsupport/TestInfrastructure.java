package io.salespulse.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.salespulse.devmongo.DevMongo;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real Kafka broker and MongoDB wire-protocol server that tests talk to, one of each per test JVM, started on
 * first use and shared by every test (a broker start costs seconds; a topic or a database is cheap).
 *
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} set: those external servers are used.</li>
 *   <li>{@code SALESPULSE_TEST_INFRA=testcontainers}: Apache Kafka and {@code mongo:8} containers (needs Docker).</li>
 *   <li>Otherwise: an embedded KRaft broker (spring-kafka-test) and mongo-java-server in memory, in this JVM.</li>
 * </ul>
 * Tests isolate themselves with a database per Spring context and their own ids, never by restarting servers.
 */
public final class TestInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String MONGO_IMAGE = "mongo:8.0.15";

    private static String kafkaBootstrapServers;
    private static String mongoBaseUri;

    private TestInfrastructure() {}

    private static boolean testcontainers() {
        return "testcontainers".equalsIgnoreCase(System.getenv("SALESPULSE_TEST_INFRA"));
    }

    /** The bootstrap servers of the shared broker, starting it on first use. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                kafkaBootstrapServers = external;
            } else if (testcontainers()) {
                KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
                kafka.start();
                kafkaBootstrapServers = kafka.getBootstrapServers();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
                broker.brokerProperties(Map.of(
                        "group.initial.rebalance.delay.ms", "0",
                        "auto.create.topics.enable", "true"));
                broker.afterPropertiesSet();
                // The test contexts first, while the broker still answers: a producer closing against a stopped broker
                // waits out its time-out, and held the test JVM 30 s past its end.
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    RealInfrastructureInitializer.closeContexts();
                                    broker.destroy();
                                },
                                "embedded-kafka-stop"));
                kafkaBootstrapServers = broker.getBrokersAsString();
            }
        }
        return kafkaBootstrapServers;
    }

    /** A connection string to a database of this name on the shared server, starting it on first use. */
    public static synchronized String mongoUri(String database) {
        if (mongoBaseUri == null) {
            String external = System.getenv("MONGODB_URI");
            if (external != null && !external.isBlank()) {
                mongoBaseUri = external;
            } else if (testcontainers()) {
                MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
                mongo.start();
                mongoBaseUri = mongo.getConnectionString();
            } else {
                // The local run's backend (indexed H2, in memory), so every test exercises it; mongo-java-server's
                // memory backend on demand (SALESPULSE_TEST_MONGO=memory).
                MongoServer server = "memory".equalsIgnoreCase(System.getenv("SALESPULSE_TEST_MONGO"))
                        ? new MongoServer(new MemoryBackend())
                        : DevMongo.inMemory();
                InetSocketAddress address = server.bind();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    RealInfrastructureInitializer.closeContexts();
                                    server.shutdownNow();
                                },
                                "mongo-wire-stop"));
                mongoBaseUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
            }
        }
        return withDatabase(mongoBaseUri, database);
    }

    /** Puts a database name into a connection string, keeping its hosts and options. */
    static String withDatabase(String uri, String database) {
        String options = "";
        int query = uri.indexOf('?');
        if (query >= 0) {
            options = uri.substring(query);
            uri = uri.substring(0, query);
        }
        int hostsStart = uri.indexOf("://") + 3;
        int path = uri.indexOf('/', hostsStart);
        String hosts = path >= 0 ? uri.substring(0, path) : uri;
        return hosts + "/" + database + options;
    }
}
