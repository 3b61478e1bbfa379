package io.salespulse.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import java.util.List;
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

    public void forEach(List<ConsumerRecord<String, byte[]>> records, Consumer<EventEnvelope> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                EventEnvelope envelope = EventRecords.decode(record);
                handler.accept(envelope);
                Counter.builder("salespulse.events.consumed").description("Events consumed from Kafka")
                        .tag("topic", record.topic()).tag("type", envelope.type().typeName())
                        .register(meters).increment();
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Failed at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ": " + e.getMessage(), e, i);
            }
        }
    }
}
