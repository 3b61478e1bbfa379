package io.salespulse.kit.kafka;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** Reading SalesPulse events off Kafka records. */
public final class EventRecords {

    private EventRecords() {
    }

    /** The envelope of a record; throws {@link io.salespulse.contracts.EventDecodingException} for poison. */
    public static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return EventCodec.decode(headers, record.value());
    }

    /**
     * Handles a batch record by record. A failure names the record it happened at, so the container commits the
     * records before it, sends a poison record to the dead-letter topic and retries from there otherwise.
     */
    public static void forEach(List<ConsumerRecord<String, byte[]>> records, Consumer<EventEnvelope> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                handler.accept(decode(record));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("Failed at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ": " + e.getMessage(), e, i);
            }
        }
    }
}
