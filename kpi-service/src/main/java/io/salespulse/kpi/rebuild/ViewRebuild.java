package io.salespulse.kpi.rebuild;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.roster.RosterStore;
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
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

/**
 * Rebuilds kpi-service's views from the topics: stops its consumers, makes sure no other member of the consumer group
 * is still consuming, moves the group back to the start of the topics it reads, and only then drops every view and
 * starts the consumers again. While another instance is active the rebuild is refused ({@link GroupBusyException},
 * 409) and nothing is dropped. Counting is idempotent and in event time, so the replay gives the same figures (for
 * what the topics still hold: their retention bounds a rebuild).
 */
@Service
public class ViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
    static final List<String> VIEWS = List.of(
            "rep_days",
            "recent_event_ids",
            "deals",
            "deal_moves",
            "stage_durations",
            "objectives",
            "contract_facts",
            "contracts",
            "accounts",
            "nps_answers",
            "roster_teams",
            "roster_reps");
    static final List<String> TOPICS =
            List.of(Topics.ORG, Topics.ACTIVITIES, Topics.DEALS, Topics.OBJECTIVES, Topics.ACCOUNTS);
    /** How long this instance's own consumers may take to leave the group once stopped. */
    static final Duration LEAVE_WITHIN = Duration.ofSeconds(10);

    /** Another member of the consumer group (another kpi-service instance) is consuming: nothing was changed. */
    public static class GroupBusyException extends RuntimeException {

        GroupBusyException(String message) {
            super(message);
        }
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;
    private final RosterStore roster;
    private final String groupId;
    private final String orgListenerId;

    ViewRebuild(
            KafkaListenerEndpointRegistry listeners,
            KafkaAdmin kafkaAdmin,
            MongoTemplate mongo,
            RosterStore roster,
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
                listeners.getListenerContainers().forEach(MessageListenerContainer::start);
                throw new IllegalStateException("Consumers did not stop within 60 s");
            }
            Thread.sleep(100);
        }
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            try {
                resetGroupToStart(admin);
            } catch (ExecutionException | RuntimeException e) {
                // Nothing dropped yet: the views stay as they were and consuming resumes.
                listeners.getListenerContainers().forEach(MessageListenerContainer::start);
                throw e;
            }
            VIEWS.forEach(mongo::dropCollection);
            roster.clear();
            // The roster first: days are counted in each rep's team time zone, so the roster must be known before
            // the activities and deals are replayed.
            MessageListenerContainer org = listeners.getListenerContainer(orgListenerId);
            org.start();
            awaitCaughtUp(admin, Topics.ORG);
        }
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);
        log.info("KPI views dropped; consumers replaying the topics from their start");
    }

    /**
     * Moves the group to the start of its topics, possible only once the group has no live member. This instance's
     * consumers have stopped and leave within moments; a member still there after that is another instance.
     */
    private void resetGroupToStart(Admin admin) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + LEAVE_WITHIN.toNanos();
        int members;
        while ((members = admin.describeConsumerGroups(List.of(groupId))
                        .describedGroups()
                        .get(groupId)
                        .get()
                        .members()
                        .size())
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new GroupBusyException(members + " other member(s) of consumer group " + groupId
                        + " are consuming: stop the other kpi-service instances (or scale to one) before a rebuild");
            }
            Thread.sleep(200);
        }
        Map<String, TopicDescription> topics =
                admin.describeTopics(TOPICS).allTopicNames().get();
        Set<TopicPartition> partitions = topics.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> earliest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        admin.listOffsets(earliest)
                .all()
                .get()
                .forEach((partition, info) -> start.put(partition, new OffsetAndMetadata(info.offset())));
        try {
            admin.alterConsumerGroupOffsets(groupId, start).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownMemberIdException || e.getCause() instanceof GroupNotEmptyException) {
                throw new GroupBusyException(
                        "Another member joined consumer group " + groupId + " during the rebuild: nothing was changed");
            }
            throw e;
        }
    }

    private void awaitCaughtUp(Admin admin, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .collect(Collectors.toMap(
                                p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            boolean caughtUp = ends.entrySet().stream()
                    .allMatch(end -> end.getValue() == 0
                            || committed.get(end.getKey()) != null
                                    && committed.get(end.getKey()).offset() >= end.getValue());
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The roster was not replayed within 5 minutes");
    }
}
