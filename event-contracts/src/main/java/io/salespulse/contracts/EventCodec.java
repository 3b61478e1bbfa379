package io.salespulse.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps events to and from their wire form: JSON data plus CloudEvents binary-mode headers. Independent of
 * any Kafka or Spring type, so every service and every test uses the same mapping.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // A consumer on an older contract version ignores fields added since (additive changes are compatible).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventCodec() {}

    /** The JSON mapper used for event data; thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The event data as JSON bytes. */
    public static byte[] toJson(SalesPulseEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Reads event data of a known type. */
    public static SalesPulseEvent fromJson(EventType type, byte[] json) {
        try {
            return MAPPER.readValue(json, type.recordType());
        } catch (JacksonException e) {
            throw new EventDecodingException("Invalid data for " + type.typeName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The binary-mode headers of an envelope, in a stable order. */
    public static Map<String, String> headers(EventEnvelope envelope) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, envelope.id());
        headers.put(CloudEventHeaders.TYPE, envelope.type().typeName());
        headers.put(CloudEventHeaders.SOURCE, envelope.source());
        headers.put(CloudEventHeaders.TIME, envelope.time().toString());
        if (envelope.subject() != null) {
            headers.put(CloudEventHeaders.SUBJECT, envelope.subject());
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** Rebuilds an envelope from binary-mode headers and the JSON value. */
    public static EventEnvelope decode(Map<String, String> headers, byte[] value) {
        String typeName = required(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.fromTypeName(typeName)
                .orElseThrow(() -> new EventDecodingException("Unknown event type: " + typeName, null));
        if (value == null) {
            throw new EventDecodingException("No data for " + typeName, null);
        }
        Instant time;
        try {
            time = Instant.parse(required(headers, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new EventDecodingException("Invalid " + CloudEventHeaders.TIME + ": " + e.getParsedString(), e);
        }
        SalesPulseEvent data = fromJson(type, value);
        return new EventEnvelope(
                required(headers, CloudEventHeaders.ID),
                type,
                required(headers, CloudEventHeaders.SOURCE),
                time,
                headers.get(CloudEventHeaders.SUBJECT),
                data);
    }

    /** Header values as UTF-8 bytes, as Kafka carries them. */
    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new EventDecodingException("Missing header " + name, null);
        }
        return value;
    }
}
