package io.salespulse.activity.ingest.hubspot;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.ingest.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/hubspot}: HubSpot's webhook batches, verified by their v3 signature before anything else. */
@RestController
class HubSpotWebhookController {

    private final CrmProperties.HubSpot config;
    private final WebhookIntake intake;
    private final OwnerDirectory owners;
    private final Clock clock;
    private final TimeWindow window;

    HubSpotWebhookController(
            CrmProperties crm, WebhookIntake intake, OwnerDirectory owners, Clock clock, TimeWindow window) {
        this.window = window;
        this.config = crm.hubspot();
        this.intake = intake;
        this.owners = owners;
        this.clock = clock;
    }

    @Operation(summary = "HubSpot webhook batch (X-HubSpot-Signature-v3)")
    @PostMapping("/webhooks/hubspot")
    ResponseEntity<IngestResult> receive(HttpServletRequest request) throws IOException {
        return intake.receiveEach(
                HubSpotMapper.CRM,
                request,
                body -> HubSpotSignature.verify(
                        config.clientSecret(),
                        request.getMethod(),
                        signedUri(request),
                        body,
                        request.getHeader("X-HubSpot-Request-Timestamp"),
                        request.getHeader("X-HubSpot-Signature-v3"),
                        clock.instant()),
                json -> HubSpotMapper.map(json, config, owners::repOf, window));
    }

    /** The URI HubSpot signed: the configured public URL when a proxy stands in front, else the request's own. */
    private String signedUri(HttpServletRequest request) {
        String base = config.publicUrl() == null || config.publicUrl().isBlank()
                ? request.getRequestURL().toString()
                : config.publicUrl();
        return request.getQueryString() == null ? base : base + "?" + request.getQueryString();
    }
}
