package io.salespulse.activity.ingest.cloudevents;

import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.IngestKeys;
import io.salespulse.activity.ingest.IngestMetrics;
import io.salespulse.activity.ingest.IngestProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.IngestScopes;
import io.salespulse.activity.ingest.IngestService;
import io.salespulse.activity.ingest.ObjectiveOwners;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.ForbiddenException;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/events}: CloudEvents 1.0 over HTTP, structured, batch or binary. */
@RestController
class CloudEventsController {

    private static final List<MediaType> SUPPORTED = List.of(
            MediaType.valueOf(CloudEventReader.STRUCTURED),
            MediaType.valueOf(CloudEventReader.BATCH),
            MediaType.APPLICATION_JSON);

    private final IngestKeys keys;
    private final IngestService ingest;
    private final IngestMetrics metrics;
    private final long maxBodyBytes;
    private final TimeWindow window;
    private final IngestScopes scopes;
    private final ObjectiveOwners objectiveOwners;

    CloudEventsController(
            IngestKeys keys,
            IngestService ingest,
            IngestMetrics metrics,
            IngestProperties properties,
            TimeWindow window,
            IngestScopes scopes,
            ObjectiveOwners objectiveOwners) {
        this.objectiveOwners = objectiveOwners;
        this.window = window;
        this.scopes = scopes;
        this.keys = keys;
        this.ingest = ingest;
        this.metrics = metrics;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @Operation(
            summary = "Ingest CloudEvents (structured, batch of at most 1000, or binary mode)",
            description = "Answers 202 once every event is durable; a batch is all or nothing.")
    @PostMapping("/api/v1/events")
    ResponseEntity<IngestResult> ingest(HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        String channel = authenticate(request);
        MediaType contentType = contentType(request, channel);
        byte[] body = RequestBodies.read(request, maxBodyBytes, () -> metrics.rejected(channel, "too_large"));
        try {
            List<InboundCloudEvent> inbound;
            if (contentType.isCompatibleWith(MediaType.valueOf(CloudEventReader.BATCH))) {
                inbound = CloudEventReader.batch(body);
            } else if (contentType.isCompatibleWith(MediaType.valueOf(CloudEventReader.STRUCTURED))) {
                inbound = CloudEventReader.structured(body);
            } else {
                inbound = CloudEventReader.binary(ceHeaders(request), body);
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(ingest.acceptAll(channel, toInbound(inbound, channel)));
        } catch (InvalidRequestException e) {
            metrics.rejected(channel, "invalid");
            throw e;
        }
    }

    private String authenticate(HttpServletRequest request) {
        try {
            return keys.authenticate(request.getHeader("Authorization"));
        } catch (ForbiddenException e) {
            metrics.rejected("unknown", "forbidden");
            throw e;
        } catch (RuntimeException e) {
            metrics.rejected("unknown", "unauthorized");
            throw e;
        }
    }

    private MediaType contentType(HttpServletRequest request, String channel)
            throws HttpMediaTypeNotSupportedException {
        MediaType type = parse(request.getContentType());
        if (type == null || SUPPORTED.stream().noneMatch(supported -> supported.isCompatibleWith(type))) {
            metrics.rejected(channel, "unsupported_media_type");
            throw new HttpMediaTypeNotSupportedException(type, SUPPORTED);
        }
        return type;
    }

    private static MediaType parse(String header) {
        try {
            return header == null ? null : MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private List<Inbound> toInbound(List<InboundCloudEvent> events, String channel) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Inbound> inbound = new ArrayList<>(events.size());
        for (InboundCloudEvent event : events) {
            // What the credential may write first: its own sources, types and deals.
            int before = problems.size();
            scopes.check(channel, event.path(), event.source(), event.type(), dealId(event), problems);
            scopes.checkCustomerRecords(channel, event.path(), customerIds(event), problems);
            checkObjectiveOwner(channel, event, problems);
            if (problems.size() == before) {
                CloudEventMapper.map(event, channel, window, problems).ifPresent(inbound::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return inbound;
    }

    /**
     * An objective a credential sets must be new or its own: a manager's belongs to the objectives API, another
     * credential's to that credential (one set before setters were recorded is taken, as before).
     */
    private void checkObjectiveOwner(String channel, InboundCloudEvent event, List<FieldProblem> problems) {
        tools.jackson.databind.JsonNode id =
                event.data() == null ? null : event.data().get("objectiveId");
        if (!CloudEventMapper.OBJECTIVE_SET.equals(event.type()) || id == null || !id.isString()) {
            return;
        }
        objectiveOwners
                .setterOf(id.asString())
                .flatMap(setter -> setter)
                .filter(setter -> !setter.equals(ObjectiveOwners.ingest(channel)))
                .ifPresent(setter -> problems.add(new FieldProblem(
                        (event.path().isEmpty() ? "" : event.path() + ".") + "data.objectiveId",
                        "is an objective set "
                                + (setter.startsWith("ingest:") ? "by another credential" : "by a manager")
                                + ": change it where it was set (the objectives API for a manager's)")));
    }

    private static String dealId(InboundCloudEvent event) {
        tools.jackson.databind.JsonNode dealId =
                event.data() == null ? null : event.data().get("dealId");
        return dealId != null && dealId.isString() ? dealId.asString() : null;
    }

    /** The contract and account a contract, health or NPS event writes. */
    private static Map<String, String> customerIds(InboundCloudEvent event) {
        if (!List.of(CloudEventMapper.CONTRACT_UPDATED, CloudEventMapper.HEALTH_UPDATED, CloudEventMapper.NPS_ANSWERED)
                        .contains(event.type())
                || event.data() == null) {
            return Map.of();
        }
        Map<String, String> ids = new java.util.TreeMap<>();
        for (String field : List.of("contractId", "accountId")) {
            tools.jackson.databind.JsonNode id = event.data().get(field);
            if (id != null && id.isString()) {
                ids.put(field, id.asString());
            }
        }
        return ids;
    }

    private static Map<String, String> ceHeaders(HttpServletRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("ce-")) {
                headers.put(lower, request.getHeader(name));
            }
        }
        return headers;
    }
}
