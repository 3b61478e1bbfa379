package io.salespulse.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.EmailSent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class EventBatchesTest {

    private final EventBatches batches = new EventBatches(new SimpleMeterRegistry());

    private static ConsumerRecord<String, byte[]> good(long offset, String id) {
        ProducerRecord<String, byte[]> produced = EventPublisher.toRecord(
                EventEnvelope.of(id, "/t", new EmailSent("r", null, Instant.parse("2026-11-24T09:00:00Z"))));
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(produced.topic(), 0, offset, produced.key(), produced.value());
        produced.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    @Test
    void eventsBeforePoisonAreHandledBeforeTheFailureIsReportedSinceTheContainerCommitsThem() {
        ConsumerRecord<String, byte[]> poison =
                new ConsumerRecord<>("salespulse.activities", 1, 0, "r", "{".getBytes());
        List<List<String>> handled = new ArrayList<>();
        assertThatThrownBy(() -> batches.forBatch(
                        List.of(good(0, "a"), good(1, "b"), poison, good(2, "c")),
                        events -> handled.add(
                                events.stream().map(EventEnvelope::id).toList())))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(2));
        assertThat(handled).containsExactly(List.of("a", "b"));
    }

    @Test
    void aCleanBatchIsHandledWhole() {
        List<List<String>> handled = new ArrayList<>();
        batches.forBatch(
                List.of(good(0, "a"), good(1, "b")),
                events -> handled.add(events.stream().map(EventEnvelope::id).toList()));
        assertThat(handled).containsExactly(List.of("a", "b"));
    }

    @Test
    void aHandlerFailureCausedByOneRecordIsReportedAtThatRecordAfterTheHealthyOnesBeforeItAreHandled() {
        List<List<String>> handled = new ArrayList<>();
        assertThatThrownBy(() ->
                        batches.forBatch(List.of(good(0, "a"), good(1, "b"), good(2, "bad"), good(3, "c")), events -> {
                            if (events.stream().anyMatch(event -> event.id().equals("bad"))) {
                                throw new IllegalStateException("cannot handle bad");
                            }
                            handled.add(events.stream().map(EventEnvelope::id).toList());
                        }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).hasMessage("cannot handle bad");
                });
        assertThat(handled).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void anOutageFailsAtTheFirstRecordSoTheBatchIsRetriedWhole() {
        assertThatThrownBy(() -> batches.forBatch(List.of(good(0, "a"), good(1, "b")), events -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isZero();
                    assertThat(e.getCause()).hasMessage("database down");
                });
    }

    @Test
    void aBatchThatFailsOnlyTogetherIsHandledRecordByRecord() {
        List<List<String>> handled = new ArrayList<>();
        batches.forBatch(List.of(good(0, "a"), good(1, "b")), events -> {
            if (events.size() > 1) {
                throw new IllegalStateException("too much at once");
            }
            handled.add(events.stream().map(EventEnvelope::id).toList());
        });
        assertThat(handled).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void onlyUnreachableServersCountAsAnOutage() {
        assertThat(KafkaKitConfiguration.isInfrastructure(new BatchListenerFailedException(
                        "x", new com.mongodb.MongoSocketReadException("gone", new com.mongodb.ServerAddress()), 0)))
                .isTrue();
        assertThat(KafkaKitConfiguration.isInfrastructure(new BatchListenerFailedException(
                        "x",
                        new java.util.concurrent.CompletionException(
                                new org.apache.kafka.common.errors.TimeoutException("t")),
                        0)))
                .isTrue();
        assertThat(KafkaKitConfiguration.isInfrastructure(
                        new BatchListenerFailedException("x", new NullPointerException(), 0)))
                .isFalse();
    }
}
