package io.salespulse.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.salespulse.contracts.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * How listeners walk a consumed batch: decode each record, count it ({@code salespulse_events_consumed_total} by
 * topic and type), hand it on. A failure names the record it happened at, so the container commits the records
 * before it, sends poison to the dead-letter topic and otherwise retries from there.
 */
public class EventBatches {

    private final MeterRegistry meters;

    public EventBatches(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Hands the batch's events to {@code handler} together (for bulk writes). A record that cannot be decoded ends
     * the batch there: the events before it are handled first, since the container commits everything before a
     * failed record; the poison then goes to the dead-letter topic and the rest comes again. When the handler fails
     * on the batch, the batch is handled again one record at a time to find the record that fails: those before it
     * are handled, the failure is reported at it, and no healthy record is ever blamed (handlers are idempotent).
     */
    public void forBatch(List<ConsumerRecord<String, byte[]>> records, Consumer<List<EventEnvelope>> handler) {
        List<EventEnvelope> events = new java.util.ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            EventEnvelope envelope;
            try {
                envelope = EventRecords.decode(record);
            } catch (RuntimeException poison) {
                handle(records, events, handler);
                throw failedAt(records, i, poison);
            }
            events.add(envelope);
        }
        handle(records, events, handler);
    }

    private void handle(
            List<ConsumerRecord<String, byte[]>> records,
            List<EventEnvelope> events,
            Consumer<List<EventEnvelope>> handler) {
        if (events.isEmpty()) {
            return;
        }
        try {
            handler.accept(events);
        } catch (RuntimeException batchFailure) {
            isolate(records, events, handler, batchFailure);
            return;
        }
        handled(records, events, 0, events.size());
    }

    /**
     * The batch failed: each record alone, in order, until one fails. If none does, the batch only failed together
     * (or its cause went away) and every record is now handled.
     */
    private void isolate(
            List<ConsumerRecord<String, byte[]>> records,
            List<EventEnvelope> events,
            Consumer<List<EventEnvelope>> handler,
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
            handled(records, events, i, i + 1);
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

    private void handled(List<ConsumerRecord<String, byte[]>> records, List<EventEnvelope> events, int from, int to) {
        long now = System.currentTimeMillis();
        for (int i = from; i < to; i++) {
            count(events.get(i));
            latency(records.get(i), now);
        }
    }

    /**
     * From the record's publication to its handling, by topic: with the outbox's age, the time from an event's
     * acceptance to its effect ({@code salespulse_events_latency_seconds}, a histogram for percentiles).
     */
    private void latency(ConsumerRecord<String, byte[]> record, long now) {
        Timer.builder("salespulse.events.latency")
                .description("From publication on Kafka to handled")
                .tag("topic", record.topic())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters)
                .record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
    }

    private void count(EventEnvelope envelope) {
        Counter.builder("salespulse.events.consumed")
                .description("Events consumed from Kafka")
                .tag("topic", envelope.topic())
                .tag("type", envelope.type().typeName())
                .register(meters)
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
