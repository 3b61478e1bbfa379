package io.salespulse.activity.ingest.twenty;

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
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code POST /webhooks/twenty}: Twenty CRM webhooks, verified by their HMAC signature before anything else. */
@RestController
class TwentyWebhookController {

    private final CrmProperties.Twenty config;
    private final IngestService ingest;
    private final IngestMetrics metrics;
    private final OwnerDirectory owners;
    private final Clock clock;
    private final long maxBodyBytes;

    TwentyWebhookController(CrmProperties crm, IngestService ingest, IngestMetrics metrics, OwnerDirectory owners,
                            Clock clock, IngestProperties properties) {
        this.config = crm.twenty();
        this.ingest = ingest;
        this.metrics = metrics;
        this.owners = owners;
        this.clock = clock;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @Operation(summary = "Twenty webhook (X-Twenty-Webhook-Signature)")
    @PostMapping("/webhooks/twenty")
    ResponseEntity<IngestResult> receive(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.read(request, maxBodyBytes, () -> metrics.rejected(TwentyMapper.CRM, "too_large"));
        try {
            TwentySignature.verify(config.secret(), body, request.getHeader("X-Twenty-Webhook-Timestamp"),
                    request.getHeader("X-Twenty-Webhook-Signature"), clock.instant());
        } catch (UnauthorizedException e) {
            metrics.rejected(TwentyMapper.CRM, "unauthorized");
            throw e;
        }
        try {
            JsonNode json;
            try {
                json = EventCodec.mapper().readTree(body);
            } catch (JacksonException e) {
                throw new InvalidRequestException("body", "is not valid JSON");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingest.acceptAll(TwentyMapper.CRM,
                    List.of(TwentyMapper.map(json, config, owners::repOf, clock.instant()))));
        } catch (InvalidRequestException e) {
            metrics.rejected(TwentyMapper.CRM, "invalid");
            throw e;
        }
    }
}
