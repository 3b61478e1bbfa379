package io.salespulse.activity.ingest;

import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.RequestBodies;
import io.salespulse.kit.web.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The steps every CRM webhook takes, in this order: read the body (413 past the limit), verify the request (401 and
 * nothing stored), only then parse it (400 naming bad fields), map it, and make it durable (202). Each rejection is
 * counted by reason.
 */
@Component
public class WebhookIntake {

    private final IngestService ingest;
    private final IngestMetrics metrics;
    private final long maxBodyBytes;

    WebhookIntake(IngestService ingest, IngestMetrics metrics, IngestProperties properties) {
        this.ingest = ingest;
        this.metrics = metrics;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    /**
     * @param channel the CRM (metrics tag)
     * @param verify  checks authenticity from the request and the raw body; throws {@link UnauthorizedException}
     * @param map     the verified JSON to inbound events; throws {@link InvalidRequestException}
     */
    public ResponseEntity<IngestResult> receive(
            String channel, HttpServletRequest request, Consumer<byte[]> verify, Function<JsonNode, List<Inbound>> map)
            throws IOException {
        return receiveEach(channel, request, verify, json -> Intake.of(map.apply(json)));
    }

    /**
     * As {@link #receive}, for a batch whose events are refused one by one: those refused are counted
     * ({@code rejected{reason="invalid_event"}}) and listed in the answer, the rest is made durable; a batch with
     * nothing left is a 400 naming every problem.
     */
    public ResponseEntity<IngestResult> receiveEach(
            String channel, HttpServletRequest request, Consumer<byte[]> verify, Function<JsonNode, Intake> map)
            throws IOException {
        byte[] body = read(channel, request);
        try {
            verify.accept(body);
        } catch (UnauthorizedException e) {
            metrics.rejected(channel, "unauthorized");
            throw e;
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accept(channel, body, raw -> {
            JsonNode json;
            try {
                json = EventCodec.mapper().readTree(raw);
            } catch (JacksonException e) {
                throw new InvalidRequestException("body", "is not valid JSON");
            }
            return map.apply(json);
        }));
    }

    /** Counts a request refused because it proved no credential ({@code rejected{reason="unauthorized"}}). */
    public void refusedUnauthorized(String channel) {
        metrics.rejected(channel, "unauthorized");
    }

    /** The request's body, refused (413, counted) past the size limit. */
    public byte[] read(String channel, HttpServletRequest request) throws IOException {
        return RequestBodies.read(request, maxBodyBytes, () -> metrics.rejected(channel, "too_large"));
    }

    /**
     * Maps a verified body and makes what it holds durable: the events refused one by one are counted
     * ({@code rejected{reason="invalid_event"}}) and listed in the result; a body with nothing acceptable is an
     * {@link InvalidRequestException} naming every problem (counted {@code invalid}).
     */
    public IngestResult accept(String channel, byte[] body, Function<byte[], Intake> map) {
        try {
            Intake intake = map.apply(body);
            if (intake.inbound().isEmpty() && intake.refused() > 0) {
                throw new InvalidRequestException(intake.rejected());
            }
            // Each CRM account has its own rate: one busy portal never slows another.
            IngestResult result = ingest.acceptAll(channel, intake.inbound(), true);
            if (intake.refused() > 0) {
                metrics.rejected(channel, "invalid_event", intake.refused());
                result = result.withRejected(intake.rejected());
            }
            return result;
        } catch (InvalidRequestException e) {
            metrics.rejected(channel, "invalid");
            throw e;
        }
    }
}
