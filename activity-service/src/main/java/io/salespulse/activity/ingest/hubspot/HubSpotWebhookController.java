package io.salespulse.activity.ingest.hubspot;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.IngestMetrics;
import io.salespulse.activity.ingest.IngestProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.IngestService;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.RequestBodies;
import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.UnauthorizedException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code POST /webhooks/hubspot}: HubSpot's webhook batches, verified by their v3 signature before anything else. */
@RestController
class HubSpotWebhookController {

    private final CrmProperties.HubSpot config;
    private final IngestService ingest;
    private final IngestMetrics metrics;
    private final OwnerDirectory owners;
    private final Clock clock;
    private final long maxBodyBytes;

    HubSpotWebhookController(CrmProperties crm, IngestService ingest, IngestMetrics metrics, OwnerDirectory owners,
                             Clock clock, IngestProperties properties) {
        this.config = crm.hubspot();
        this.ingest = ingest;
        this.metrics = metrics;
        this.owners = owners;
        this.clock = clock;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @Operation(summary = "HubSpot webhook batch (X-HubSpot-Signature-v3)")
    @PostMapping("/webhooks/hubspot")
    ResponseEntity<IngestResult> receive(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.read(request, maxBodyBytes, () -> metrics.rejected(HubSpotMapper.CRM, "too_large"));
        try {
            HubSpotSignature.verify(config.clientSecret(), request.getMethod(), signedUri(request), body,
                    request.getHeader("X-HubSpot-Request-Timestamp"), request.getHeader("X-HubSpot-Signature-v3"), clock.instant());
        } catch (UnauthorizedException e) {
            metrics.rejected(HubSpotMapper.CRM, "unauthorized");
            throw e;
        }
        try {
            JsonNode events;
            try {
                events = EventCodec.mapper().readTree(body);
            } catch (JacksonException e) {
                throw new InvalidRequestException("body", "is not valid JSON");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(ingest.acceptAll(HubSpotMapper.CRM, HubSpotMapper.map(events, config, owners::repOf)));
        } catch (InvalidRequestException e) {
            metrics.rejected(HubSpotMapper.CRM, "invalid");
            throw e;
        }
    }

    /** The URI HubSpot signed: the configured public URL when a proxy stands in front, else the request's own. */
    private String signedUri(HttpServletRequest request) {
        String base = config.publicUrl() == null || config.publicUrl().isBlank()
                ? request.getRequestURL().toString() : config.publicUrl();
        return request.getQueryString() == null ? base : base + "?" + request.getQueryString();
    }
}
