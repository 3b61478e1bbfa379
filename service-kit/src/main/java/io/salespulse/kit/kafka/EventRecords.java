package io.salespulse.kit.kafka;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Reading SalesPulse events off Kafka records. */
public final class EventRecords {

    private EventRecords() {}

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
}
