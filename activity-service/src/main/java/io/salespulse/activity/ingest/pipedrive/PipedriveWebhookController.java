package io.salespulse.activity.ingest.pipedrive;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.IngestMetrics;
import io.salespulse.activity.ingest.IngestProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.IngestService;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.RequestBodies;
import io.salespulse.activity.ingest.Signatures;
import io.salespulse.contracts.EventCodec;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.UnauthorizedException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code POST /webhooks/pipedrive}: Pipedrive webhooks v2, authenticated by the HTTP Basic credentials configured for it. */
@RestController
class PipedriveWebhookController {

    private final CrmProperties.Pipedrive config;
    private final IngestService ingest;
    private final IngestMetrics metrics;
    private final OwnerDirectory owners;
    private final long maxBodyBytes;

    PipedriveWebhookController(CrmProperties crm, IngestService ingest, IngestMetrics metrics, OwnerDirectory owners,
                               IngestProperties properties) {
        this.config = crm.pipedrive();
        this.ingest = ingest;
        this.metrics = metrics;
        this.owners = owners;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    @Operation(summary = "Pipedrive webhook (v2), HTTP Basic credentials")
    @PostMapping("/webhooks/pipedrive")
    ResponseEntity<IngestResult> receive(HttpServletRequest request) throws IOException {
        authenticate(request.getHeader("Authorization"));
        byte[] body = RequestBodies.read(request, maxBodyBytes, () -> metrics.rejected(PipedriveMapper.CRM, "too_large"));
        try {
            JsonNode json;
            try {
                json = EventCodec.mapper().readTree(body);
            } catch (JacksonException e) {
                throw new InvalidRequestException("body", "is not valid JSON");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingest.acceptAll(PipedriveMapper.CRM,
                    List.of(PipedriveMapper.map(json, config, owners::repOf))));
        } catch (InvalidRequestException e) {
            metrics.rejected(PipedriveMapper.CRM, "invalid");
            throw e;
        }
    }

    private void authenticate(String authorization) {
        boolean configured = config.username() != null && !config.username().isBlank()
                && config.password() != null && !config.password().isBlank();
        byte[] expected = ("Basic " + Base64.getEncoder().encodeToString((config.username() + ":" + config.password())
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        if (!configured || authorization == null || !Signatures.equal(expected, authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            metrics.rejected(PipedriveMapper.CRM, "unauthorized");
            throw new UnauthorizedException("The Pipedrive webhook credentials are missing or wrong.", "Basic realm=\"salespulse\"");
        }
    }
}
