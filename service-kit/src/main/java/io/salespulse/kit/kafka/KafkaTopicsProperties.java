package io.salespulse.kit.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How SalesPulse topics are created when they do not exist yet.
 *
 * @param partitions        partitions per topic: the most consumer instances that share a topic's work
 * @param replicationFactor copies of each partition (1 on a single local broker, 3 in production)
 * @param retentionDays     how long the non-compacted topics keep history
 */
@ConfigurationProperties("salespulse.kafka.topics")
public record KafkaTopicsProperties(Integer partitions, Short replicationFactor, Integer retentionDays) {

    public KafkaTopicsProperties {
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        retentionDays = retentionDays == null ? 30 : retentionDays;
    }
}
