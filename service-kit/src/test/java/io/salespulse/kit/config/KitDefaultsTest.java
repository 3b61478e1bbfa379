package io.salespulse.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.salespulse.kit.kafka.EventBatches;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.kafka.KafkaKitConfiguration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

class KitDefaultsTest {

    private static StandardEnvironment environment(Map<String, Object> service) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("service application.yml", service));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void sharedDefaultsApplyAndResolveAgainstTheServicesOwnSettings() {
        StandardEnvironment environment = environment(Map.of("spring.application.name", "kpi-service"));
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getProperty("spring.kafka.consumer.group-id")).isEqualTo("kpi-service");
        assertThat(environment.getProperty("management.metrics.tags.service")).isEqualTo("kpi-service");
        assertThat(environment.getProperty("salespulse.security.jwt.max-lifetime"))
                .isEqualTo("12h");
    }

    @Test
    void whatAServiceSetsOverridesTheDefault() {
        StandardEnvironment environment = environment(Map.of(
                "spring.application.name",
                "activity-service",
                "spring.kafka.producer.properties.linger.ms",
                "20",
                "salespulse.kafka.topics.partitions",
                "6"));
        assertThat(environment.getProperty("spring.kafka.producer.properties.linger.ms"))
                .isEqualTo("20");
        assertThat(environment.getProperty("salespulse.kafka.topics.partitions"))
                .isEqualTo("6");
        assertThat(environment.getPropertySources().stream()
                        .map(source -> source.getName())
                        .toList())
                .endsWith(KitDefaults.NAME);
    }

    @Test
    void springApplicationDefaultPropertiesStayBelowTheKits() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("defaultProperties", Map.of("spring.kafka.producer.acks", "1")));
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        new KitDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(environment.getPropertySources().stream()
                        .filter(source -> source.getName().equals(KitDefaults.NAME)))
                .hasSize(1);
    }

    @Configuration(proxyBeanMethods = false)
    static class Bare {}

    @Test
    void aSpringApplicationGetsThemAndItsOwnSettingsWin() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Bare.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=coaching-service", "--spring.kafka.producer.acks=1")) {
            assertThat(context.getEnvironment().getProperty("spring.kafka.consumer.group-id"))
                    .isEqualTo("coaching-service");
            assertThat(context.getEnvironment().getProperty("spring.kafka.producer.acks"))
                    .isEqualTo("1");
        }
    }

    private final ApplicationContextRunner kafkaKit = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaKitConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(
                    KafkaTemplate.class,
                    () -> new KafkaTemplate<>(
                            new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "localhost:1"))));

    @Test
    void theKitsBeansStandAside() {
        kafkaKit.run(context -> {
            assertThat(context).hasSingleBean(EventPublisher.class).hasSingleBean(EventBatches.class);
            assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
        });
        EventBatches own = new EventBatches(new SimpleMeterRegistry());
        CommonErrorHandler handler = new CommonErrorHandler() {};
        kafkaKit.withBean("ownBatches", EventBatches.class, () -> own)
                .withBean(CommonErrorHandler.class, () -> handler)
                .run(context -> {
                    assertThat(context.getBean(EventBatches.class)).isSameAs(own);
                    assertThat(context.getBean(CommonErrorHandler.class)).isSameAs(handler);
                    assertThat(context).hasSingleBean(EventPublisher.class);
                });
    }
}
