package io.salespulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The golden JSON file of each event type is the contract: it must read into the record and write back to the
 * same JSON, and it must show every field. A change to a record that breaks a consumer fails here.
 */
class GoldenContractTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenFileRoundTripsThroughItsRecord(EventType type) throws IOException {
        byte[] golden = golden(type);

        SalesPulseEvent event = EventCodec.fromJson(type, golden);
        assertThat(event).isInstanceOf(type.recordType());
        assertThat(EventType.of(event)).isEqualTo(type);

        JsonNode written = EventCodec.mapper().readTree(EventCodec.toJson(event));
        assertThat(written).isEqualTo(EventCodec.mapper().readTree(golden));
        assertThat(EventCodec.fromJson(type, EventCodec.toJson(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenFileShowsEveryFieldOfTheRecord(EventType type) throws IOException {
        Set<String> components = Arrays.stream(type.recordType().getRecordComponents())
                .map(c -> c.getName())
                .collect(Collectors.toSet());
        Set<String> goldenFields = EventCodec.mapper().readTree(golden(type)).propertyNames().stream()
                .collect(Collectors.toSet());
        assertThat(goldenFields).isEqualTo(components);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNamesArePastTenseAndVersioned(EventType type) {
        assertThat(type.typeName()).startsWith("salespulse.").matches(".*\\.v\\d+$");
        assertThat(EventType.fromTypeName(type.typeName())).contains(type);
        assertThat(Topics.ALL).contains(type.topic());
    }

    private static byte[] golden(EventType type) throws IOException {
        try (InputStream in = GoldenContractTest.class.getResourceAsStream("/golden/" + type.typeName() + ".json")) {
            assertThat(in).as("golden file for " + type.typeName()).isNotNull();
            return in.readAllBytes();
        }
    }
}
