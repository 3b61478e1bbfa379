package io.salespulse.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.salespulse.contracts.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * How listeners walk a consumed batch: decode each record, count it ({@code salespulse_events_consumed_total} by
 * topic and type), hand it on. A failure names the record it happened at, so the container commits the records
 * before it, sends poison to the dead-letter topic and otherwise retries from there.
 */
public class EventBatches {

    private final MeterRegistry meters;
    // Meters looked up once, not built again for every record: the profiles found the lookups on the hot path.
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();

    public EventBatches(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An event as consumed: with the partition ({@code topic-partition}) and offset it was read at. */
    public record Consumed(EventEnvelope event, String partition, long offset) {}

    /**
     * Hands the batch's events to {@code handler} together (for bulk writes). A record that cannot be decoded ends
     * the batch there: the events before it are handled first, since the container commits everything before a
     * failed record; the poison then goes to the dead-letter topic and the rest comes again. When the handler fails
     * on the batch, the batch is handled again one record at a time to find the record that fails: those before it
     * are handled, the failure is reported at it, and no healthy record is ever blamed (handlers are idempotent).
     */
    public void forBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<List<EventEnvelope>> handler) {
        walk(records, (record, envelope) -> envelope, Function.identity(), handler);
    }

    /** As {@link #forBatch}, each event with where it was read: for handlers that count once by position. */
    public void forConsumedBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<List<Consumed>> handler) {
        walk(
                records,
                (record, envelope) ->
                        new Consumed(envelope, record.topic() + "-" + record.partition(), record.offset()),
                Consumed::event,
                handler);
    }

    private <T> void walk(
            List<ConsumerRecord<String, byte[]>> records,
            BiFunction<ConsumerRecord<String, byte[]>, EventEnvelope, T> item,
            Function<T, EventEnvelope> envelopeOf,
            Consumer<List<T>> handler) {
        List<T> events = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            EventEnvelope envelope;
            try {
                envelope = EventRecords.decode(record);
            } catch (RuntimeException poison) {
                handle(records, events, envelopeOf, handler);
                throw failedAt(records, i, poison);
            }
            events.add(item.apply(record, envelope));
        }
        handle(records, events, envelopeOf, handler);
    }

    private <T> void handle(
            List<ConsumerRecord<String, byte[]>> records,
            List<T> events,
            Function<T, EventEnvelope> envelopeOf,
            Consumer<List<T>> handler) {
        if (events.isEmpty()) {
            return;
        }
        try {
            handler.accept(events);
        } catch (RuntimeException batchFailure) {
            isolate(records, events, envelopeOf, handler, batchFailure);
            return;
        }
        handled(records, events, envelopeOf, 0, events.size());
    }

    /**
     * The batch failed: each record alone, in order, until one fails. If none does, the batch only failed together
     * (or its cause went away) and every record is now handled.
     */
    private <T> void isolate(
            List<ConsumerRecord<String, byte[]>> records,
            List<T> events,
            Function<T, EventEnvelope> envelopeOf,
            Consumer<List<T>> handler,
            RuntimeException batchFailure) {
        if (events.size() == 1) {
            throw failedAt(records, 0, batchFailure);
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                handler.accept(List.of(events.get(i)));
            } catch (RuntimeException e) {
                throw failedAt(records, i, e);
            }
            handled(records, events, envelopeOf, i, i + 1);
        }
    }

    private static BatchListenerFailedException failedAt(
            List<ConsumerRecord<String, byte[]>> records, int index, RuntimeException cause) {
        ConsumerRecord<String, byte[]> record = records.get(index);
        return new BatchListenerFailedException(
                "Failed at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                        + cause.getMessage(),
                cause,
                index);
    }

    private <T> void handled(
            List<ConsumerRecord<String, byte[]>> records,
            List<T> events,
            Function<T, EventEnvelope> envelopeOf,
            int from,
            int to) {
        long now = System.currentTimeMillis();
        for (int i = from; i < to; i++) {
            count(envelopeOf.apply(events.get(i)));
            latency(records.get(i), now);
        }
    }

    /**
     * From the record's publication to its handling, by topic: with the outbox's age, the time from an event's
     * acceptance to its effect ({@code salespulse_events_latency_seconds}, a histogram for percentiles).
     */
    private void latency(ConsumerRecord<String, byte[]> record, long now) {
        latencies
                .computeIfAbsent(
                        record.topic(),
                        topic -> Timer.builder("salespulse.events.latency")
                                .description("From publication on Kafka to handled")
                                .tag("topic", topic)
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1))
                                .maximumExpectedValue(Duration.ofMinutes(10))
                                .register(meters))
                .record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
    }

    private void count(EventEnvelope envelope) {
        consumed.computeIfAbsent(
                        envelope.topic() + " " + envelope.type().typeName(),
                        key -> Counter.builder("salespulse.events.consumed")
                                .description("Events consumed from Kafka")
                                .tag("topic", envelope.topic())
                                .tag("type", envelope.type().typeName())
                                .register(meters))
                .increment();
    }

    public void forEach(List<ConsumerRecord<String, byte[]>> records, Consumer<EventEnvelope> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                EventEnvelope envelope = EventRecords.decode(record);
                handler.accept(envelope);
                count(envelope);
                latency(record, System.currentTimeMillis());
            } catch (RuntimeException e) {
                throw failedAt(records, i, e);
            }
        }
    }
}
