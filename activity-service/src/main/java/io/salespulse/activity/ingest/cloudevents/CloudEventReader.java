package io.salespulse.activity.ingest.cloudevents;

import io.salespulse.activity.ingest.FieldReader;
import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads CloudEvents 1.0 from an HTTP request in any of the three content modes: structured
 * ({@code application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}) and binary
 * ({@code ce-*} headers and the data as the body). Every problem found is reported, each with its field's path.
 */
final class CloudEventReader {

    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    static final int MAX_BATCH = 1000;

    private CloudEventReader() {}

    static List<InboundCloudEvent> structured(byte[] body) {
        JsonNode node = parse(body);
        List<FieldProblem> problems = new ArrayList<>();
        if (!node.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object (one CloudEvent)");
        }
        InboundCloudEvent event = fromJson(node, "", problems);
        throwIfAny(problems);
        return List.of(event);
    }

    static List<InboundCloudEvent> batch(byte[] body) {
        JsonNode node = parse(body);
        if (!node.isArray()) {
            throw new InvalidRequestException("body", "must be a JSON array of CloudEvents");
        }
        if (node.isEmpty()) {
            throw new InvalidRequestException("body", "holds no event; a batch holds 1 to " + MAX_BATCH);
        }
        if (node.size() > MAX_BATCH) {
            throw new InvalidRequestException(
                    "body", "holds " + node.size() + " events; a batch holds at most " + MAX_BATCH);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<InboundCloudEvent> events = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isObject()) {
                problems.add(new FieldProblem("[" + i + "]", "must be a JSON object (one CloudEvent)"));
                continue;
            }
            events.add(fromJson(element, "[" + i + "]", problems));
        }
        throwIfAny(problems);
        return events;
    }

    /** Binary mode: the attributes come from {@code ce-} headers (names lower-cased), the body is the data. */
    static List<InboundCloudEvent> binary(Map<String, String> ceHeaders, byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        String specVersion = ceHeaders.get("ce-specversion");
        if (specVersion == null) {
            problems.add(new FieldProblem("ce-specversion", "is required"));
        } else if (!"1.0".equals(specVersion)) {
            problems.add(new FieldProblem("ce-specversion", "must be 1.0"));
        }
        String id = header(ceHeaders, "ce-id", problems);
        String source = header(ceHeaders, "ce-source", problems);
        String type = header(ceHeaders, "ce-type", problems);
        Instant time = null;
        String timeText = header(ceHeaders, "ce-time", problems);
        if (timeText != null) {
            time = new FieldReader(EventCodec.mapper().createObjectNode().put("ce-time", timeText), "", problems)
                    .instant("ce-time", true);
        }
        JsonNode data = body.length == 0 ? null : parse(body);
        if (data == null || !data.isObject()) {
            problems.add(new FieldProblem("data", "must be a JSON object"));
        }
        String subject = ceHeaders.get("ce-subject");
        String subjectProblem = FieldReader.textProblem(subject, FieldReader.MAX_TEXT, false);
        if (subjectProblem != null) {
            problems.add(new FieldProblem("ce-subject", subjectProblem));
        }
        throwIfAny(problems);
        return List.of(new InboundCloudEvent("", id, source, type, time, subject, data));
    }

    private static InboundCloudEvent fromJson(JsonNode node, String path, List<FieldProblem> problems) {
        FieldReader attributes = new FieldReader(node, path, problems);
        String specVersion = attributes.text("specversion", true);
        if (specVersion != null && !"1.0".equals(specVersion)) {
            attributes.problem("specversion", "must be 1.0");
        }
        String id = attributes.text("id", true);
        String source = attributes.text("source", true);
        String type = attributes.text("type", true);
        Instant time = attributes.instant("time", true);
        String subject = attributes.text("subject", false);
        String contentType = attributes.text("datacontenttype", false);
        if (contentType != null && !contentType.startsWith("application/json")) {
            attributes.problem("datacontenttype", "must be application/json");
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            attributes.problem("data", "must be a JSON object");
        }
        return new InboundCloudEvent(path, id, source, type, time, subject, data);
    }

    private static String header(Map<String, String> headers, String name, List<FieldProblem> problems) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(name, "is required"));
            return null;
        }
        String problem = FieldReader.textProblem(value, FieldReader.MAX_TEXT, false);
        if (problem != null) {
            problems.add(new FieldProblem(name, problem));
            return null;
        }
        return value;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return EventCodec.mapper().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
