package io.salespulse.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared test infrastructure: the broker, a database of its own, and consumer
 * groups of its own, so two contexts in one JVM never share work or data.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static final List<ConfigurableApplicationContext> STARTED = new CopyOnWriteArrayList<>();

    /**
     * Closes every context this initializer prepared (closing twice is harmless): the shared servers' shutdown hooks
     * call it before they stop, so no context outlives the broker it publishes to.
     */
    static void closeContexts() {
        for (ConfigurableApplicationContext context : STARTED) {
            try {
                context.close();
            } catch (RuntimeException e) {
                // going away anyway
            }
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        STARTED.add(context);
        String app = context.getEnvironment().getProperty("spring.application.name", "app");
        String suffix =
                CONTEXTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "salespulse-test-infrastructure",
                        Map.of(
                                "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                                "spring.mongodb.uri", TestInfrastructure.mongoUri("test-" + app + "-" + suffix),
                                "spring.kafka.consumer.group-id", app + "-test-" + suffix,
                                "salespulse.security.jwt.public-key-location", TestTokens.publicKeyLocation(),
                                "salespulse.security.jwt.issuer", TestTokens.ISSUER)));
    }
}
