package io.salespulse.cockpit.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the cockpit reads of the services is what they serve: every field of every {@link ReadFrom} record, and of the
 * records inside it, is a property of its schema in the service's OpenAPI document (docs/openapi/, kept true to each
 * service by its {@code OpenApiDocumentIT}). A service renaming a field the cockpit reads fails here, at build time.
 */
class ServiceContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyFieldTheCockpitReadsIsServed() throws IOException {
        List<Class<?>> read = readRecords();
        assertThat(read).as("records read from the services").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : read) {
            ReadFrom from = type.getAnnotation(ReadFrom.class);
            missing.addAll(missing(type, from, document(from.service())));
        }
        assertThat(missing)
                .as("fields the cockpit reads that the services' documents do not have")
                .isEmpty();
    }

    @Test
    void aFieldRenamedByItsServiceIsCaught() throws IOException {
        ReadFrom from = CoachingClient.Signal.class.getAnnotation(ReadFrom.class);
        JsonNode document = document(from.service());
        ObjectNode properties = (ObjectNode) document.at("/components/schemas/Signal/properties");
        properties.set("level", properties.remove("severity"));
        properties.remove("raisedAt");
        assertThat(missing(CoachingClient.Signal.class, from, document))
                .containsExactlyInAnyOrder(
                        "coaching-service Signal: severity (CoachingClient.Signal.severity)",
                        "coaching-service Signal: raisedAt (CoachingClient.Signal.raisedAt)");
        // A nested record's schema is checked too: the agenda's signals.
        assertThat(missing(
                        CoachingClient.Agenda.class,
                        CoachingClient.Agenda.class.getAnnotation(ReadFrom.class),
                        document))
                .contains("coaching-service Signal: severity (CoachingClient.Agenda.recognitions.severity)");
    }

    private static List<Class<?>> readRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.salespulse.cockpit")) {
            if (type.isAnnotatedWith(ReadFrom.class)) {
                records.add(type.reflect());
            }
        }
        return records;
    }

    private static JsonNode document(String service) throws IOException {
        Path file = Path.of("..", "docs", "openapi", service + ".json");
        assertThat(file).as("the OpenAPI document of " + service).exists();
        return JSON.readTree(Files.readString(file));
    }

    /** The fields of a record (and of the records inside it) that its schema does not have. */
    static List<String> missing(Class<?> type, ReadFrom from, JsonNode document) {
        List<String> missing = new ArrayList<>();
        JsonNode schema = document.path("components").path("schemas").path(from.schema());
        if (schema.isMissingNode()) {
            missing.add(from.service() + " has no schema " + from.schema() + " (" + type.getSimpleName() + ")");
            return missing;
        }
        check(type, schema, from.schema(), from.service(), name(type), document, missing);
        return missing;
    }

    private static void check(
            Class<?> type,
            JsonNode schema,
            String schemaName,
            String service,
            String where,
            JsonNode document,
            List<String> missing) {
        JsonNode properties = resolve(schema, document).path("properties");
        for (RecordComponent component : type.getRecordComponents()) {
            String field = component.getName();
            JsonNode property = properties.get(field);
            if (property == null) {
                missing.add(service + " " + schemaName + ": " + field + " (" + where + "." + field + ")");
                continue;
            }
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                JsonNode nestedSchema = component.getType().isRecord()
                        ? property
                        : Collection.class.isAssignableFrom(component.getType())
                                ? property.path("items")
                                : property.path("additionalProperties");
                check(
                        nested,
                        nestedSchema,
                        refName(nestedSchema, document),
                        service,
                        where + "." + field,
                        document,
                        missing);
            }
        }
    }

    /** The record a field holds: itself, or a collection's or a map's values. */
    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() ? plain : null;
        }
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                Type element = arguments[arguments.length - 1];
                return element instanceof Class<?> c && c.isRecord() ? c : null;
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        JsonNode current = schema;
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asString().substring(1));
        }
        if (current.has("allOf")) {
            for (JsonNode part : current.get("allOf")) {
                if (part.has("$ref") || part.has("properties")) {
                    return resolve(part, document);
                }
            }
        }
        return current;
    }

    private static String refName(JsonNode schema, JsonNode document) {
        JsonNode current = schema;
        String name = "?";
        for (int i = 0; i < 5 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asString();
            name = ref.substring(ref.lastIndexOf('/') + 1);
            current = document.at(ref.substring(1));
        }
        return name;
    }

    private static String name(Class<?> type) {
        return type.getEnclosingClass() == null
                ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }
}
