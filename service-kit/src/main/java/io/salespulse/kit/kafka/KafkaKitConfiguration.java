package io.salespulse.kit.kafka;

import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventDecodingException;
import io.salespulse.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/** Kafka setup shared by every service: the publisher, the topics and the dead-letter policy. */
@AutoConfiguration
@EnableConfigurationProperties(KafkaTopicsProperties.class)
public class KafkaKitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaKitConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafkaTemplate) {
        return new EventPublisher(kafkaTemplate);
    }

    @Bean
    @ConditionalOnMissingBean
    EventBatches eventBatches(MeterRegistry meters) {
        return new EventBatches(meters);
    }

    /**
     * Every topic and its dead-letter topic, created at start-up if missing (whichever service starts first).
     * The roster topic is compacted: the latest state per team or rep is all anyone needs.
     */
    @Bean
    @ConditionalOnMissingBean(name = "salesPulseTopics")
    KafkaAdmin.NewTopics salesPulseTopics(KafkaTopicsProperties props) {
        List<NewTopic> topics = new ArrayList<>();
        String retentionMs =
                String.valueOf(Duration.ofDays(props.retentionDays()).toMillis());
        for (String name : Topics.ALL) {
            TopicBuilder topic =
                    TopicBuilder.name(name).partitions(props.partitions()).replicas(props.replicationFactor());
            topics.add(
                    Topics.ORG.equals(name)
                            ? topic.compact().build()
                            : topic.config(TopicConfig.RETENTION_MS_CONFIG, retentionMs)
                                    .build());
            topics.add(TopicBuilder.name(Topics.deadLetter(name))
                    .partitions(props.partitions())
                    .replicas(props.replicationFactor())
                    .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs)
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Poison (a record that is not a valid event) goes to {@code <topic>.DLT} at once, with the exception in its
     * headers. A failure of the infrastructure (MongoDB or Kafka unreachable, a time-out) is retried with backoff
     * from the failed record for up to 15 minutes before the record is parked in the DLT, so an outage does not
     * empty a topic into dead letters. Any other failure of a handler on one record (its batch was already retried
     * record by record, see {@link EventBatches}) is that record's: retried three times within a few seconds, then
     * dead-lettered, so one bad record does not hold its partition for long.
     */
    @Bean
    @ConditionalOnMissingBean(org.springframework.kafka.listener.CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafkaTemplate, MeterRegistry meters) {
        // Spring Kafka 4 defaults to "<topic>-dlt"; our contract is Topics.deadLetter: "<topic>.DLT", same partition.
        DeadLetterPublishingRecoverer toDeadLetter = new DeadLetterPublishingRecoverer(
                kafkaTemplate,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    log.warn(
                            "Dead-lettering {}-{}@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            exception.getMessage());
                    Counter.builder("salespulse.events.dead_lettered")
                            .description("Records sent to a dead-letter topic")
                            .tag("topic", record.topic())
                            .register(meters)
                            .increment();
                    toDeadLetter.accept(record, exception);
                },
                outageBackOff());
        handler.setBackOffFunction(
                (record, exception) -> isInfrastructure(exception) ? outageBackOff() : recordBackOff());
        // A record being retried says why, on its first failure and every tenth after (an outage must not be silent).
        handler.setRetryListeners((record, exception, attempt) -> {
            if (attempt == 1 || attempt % 10 == 0) {
                log.warn(
                        "Retrying {}-{}@{} (attempt {}): {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        attempt,
                        exception.getCause() != null ? exception.getCause().getMessage() : exception.getMessage());
            }
        });
        handler.addNotRetryableExceptions(EventDecodingException.class, InvalidEventException.class);
        return handler;
    }

    private static BackOff outageBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Duration.ofMinutes(15).toMillis());
        return backOff;
    }

    private static BackOff recordBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxAttempts(3);
        return backOff;
    }

    /** Whether a failure comes from a server being unreachable or slow, rather than from the record. */
    static boolean isInfrastructure(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof KafkaException
                    || cause instanceof TimeoutException
                    || cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
