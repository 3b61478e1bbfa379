package io.salespulse.activity.ingest;

import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.InvalidRequestException;
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
    public ResponseEntity<IngestResult> receive(String channel, HttpServletRequest request, Consumer<byte[]> verify,
                                                Function<JsonNode, List<Inbound>> map) throws IOException {
        byte[] body = RequestBodies.read(request, maxBodyBytes, () -> metrics.rejected(channel, "too_large"));
        try {
            verify.accept(body);
        } catch (UnauthorizedException e) {
            metrics.rejected(channel, "unauthorized");
            throw e;
        }
        try {
            JsonNode json;
            try {
                json = EventCodec.mapper().readTree(body);
            } catch (JacksonException e) {
                throw new InvalidRequestException("body", "is not valid JSON");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingest.acceptAll(channel, map.apply(json)));
        } catch (InvalidRequestException e) {
            metrics.rejected(channel, "invalid");
            throw e;
        }
    }
}
