package io.salespulse.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests configure Kafka over TLS with SCRAM by environment variables (deploy/k8s/base/configmap.yaml,
 * and each Deployment's user secret and the cluster's CA): bound as Spring Boot binds the environment, they reach the
 * producer, the consumer and the admin client of every service. A misspelt variable would silently leave a client on
 * plaintext; this fails instead.
 */
class KafkaOverTlsSettingsTest {

    @Test
    void theManifestsEnvironmentPutsEveryKafkaClientOnTlsWithScram() throws Exception {
        Path configmap = Path.of("..", "deploy", "k8s", "base", "configmap.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> data =
                (Map<String, Object>) ((Map<String, Object>) new Yaml().load(Files.readString(configmap))).get("data");
        Map<String, Object> environment = new LinkedHashMap<>(data);
        // What each Deployment adds from the operator's secrets.
        environment.put(
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"salespulse-kpi-service\" password=\"x\";");
        environment.put(
                "SPRING_KAFKA_SSL_TRUSTSTORECERTIFICATES",
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
        for (String deployment :
                List.of("activity-service", "kpi-service", "coaching-service", "notification-service")) {
            String manifest = Files.readString(Path.of("..", "deploy", "k8s", "base", deployment + ".yaml"));
            assertThat(manifest)
                    .as(deployment)
                    .contains(
                            "- name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                            "- name: SPRING_KAFKA_SSL_TRUSTSTORECERTIFICATES");
        }

        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        KafkaProperties kafka = new Binder(ConfigurationPropertySources.from(source))
                .bind("spring.kafka", Bindable.ofInstance(new KafkaProperties()))
                .get();
        for (Map<String, Object> client : List.of(
                kafka.buildProducerProperties(), kafka.buildConsumerProperties(), kafka.buildAdminProperties())) {
            assertThat(client)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry(
                            "ssl.truststore.certificates", environment.get("SPRING_KAFKA_SSL_TRUSTSTORECERTIFICATES"));
        }
    }
}
