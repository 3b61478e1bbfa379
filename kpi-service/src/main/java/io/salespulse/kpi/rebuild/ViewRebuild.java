package io.salespulse.kpi.rebuild;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;
import io.salespulse.contracts.Topics;
import io.salespulse.kit.roster.RosterStore;

/**
 * Rebuilds kpi-service's views from the topics: stops its consumers, drops every view, moves the consumer group
 * back to the start of the topics it reads, and starts the consumers again. Counting is idempotent and in event
 * time, so the replay gives the same figures (for what the topics still hold: their retention bounds a rebuild).
 */
@Service
public class ViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
    static final List<String> VIEWS = List.of("rep_days", "deals", "stage_durations", "objectives", "roster_teams", "roster_reps");
    static final List<String> TOPICS = List.of(Topics.ORG, Topics.ACTIVITIES, Topics.DEALS, Topics.OBJECTIVES);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;
    private final RosterStore roster;
    private final String groupId;
    private final String orgListenerId;

    ViewRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, MongoTemplate mongo, RosterStore roster,
                @Value("${spring.kafka.consumer.group-id}") String groupId,
                @Value("${spring.application.name}-org") String orgListenerId) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
        this.roster = roster;
        this.groupId = groupId;
        this.orgListenerId = orgListenerId;
    }

    /** Runs the rebuild; returns once the consumers are started again (they then catch up in the background). */
    public synchronized void rebuild() throws InterruptedException, ExecutionException {
        log.info("Rebuilding the KPI views from the topics");
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (listeners.getListenerContainers().stream().anyMatch(MessageListenerContainer::isRunning)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Consumers did not stop within 60 s");
            }
            Thread.sleep(100);
        }
        VIEWS.forEach(mongo::dropCollection);
        roster.clear();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get();
            Set<TopicPartition> partitions = topics.values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> earliest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(earliest).all().get().forEach((partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
            // Possible once the group has no live member; the broker may take a moment to see the consumers leave.
            for (int attempt = 1; ; attempt++) {
                try {
                    admin.alterConsumerGroupOffsets(groupId, start).all().get();
                    break;
                } catch (ExecutionException e) {
                    if (attempt >= 60) {
                        throw e;
                    }
                    Thread.sleep(1000);
                }
            }
            // The roster first: days are counted in each rep's team time zone, so the roster must be known before
            // the activities and deals are replayed.
            MessageListenerContainer org = listeners.getListenerContainer(orgListenerId);
            org.start();
            awaitCaughtUp(admin, Topics.ORG);
        }
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);
        log.info("KPI views dropped; consumers replaying the topics from their start");
    }

    private void awaitCaughtUp(Admin admin, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            boolean caughtUp = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue());
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The roster was not replayed within 5 minutes");
    }
}
