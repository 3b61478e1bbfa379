package io.salespulse.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A SalesPulse event with its CloudEvents 1.0 context attributes.
 *
 * @param id      the event's stable id: consumers deduplicate on it
 * @param type    the event type (CloudEvents {@code type})
 * @param source  where it came from, e.g. {@code /activity-service/hubspot} (CloudEvents {@code source})
 * @param time    when it happened (CloudEvents {@code time}); equals {@code data.occurredAt()}
 * @param subject the aggregate id (CloudEvents {@code subject}); equals {@code data.partitionKey()}
 * @param data    the event itself
 */
public record EventEnvelope(
        String id, EventType type, String source, Instant time, String subject, SalesPulseEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (!type.recordType().isInstance(data)) {
            throw new IllegalArgumentException(
                    type.typeName() + " cannot carry " + data.getClass().getSimpleName());
        }
    }

    /** Wraps an event: type, time and subject are taken from the event itself. */
    public static EventEnvelope of(String id, String source, SalesPulseEvent data) {
        return new EventEnvelope(id, EventType.of(data), source, data.occurredAt(), data.partitionKey(), data);
    }

    /** The topic this event goes to. */
    public String topic() {
        return type.topic();
    }

    /** The Kafka record key. */
    public String key() {
        return data.partitionKey();
    }

    /** The data, typed. */
    public <T extends SalesPulseEvent> T dataAs(Class<T> recordType) {
        return recordType.cast(data);
    }
}
