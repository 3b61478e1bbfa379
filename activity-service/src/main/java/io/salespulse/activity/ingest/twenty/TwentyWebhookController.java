package io.salespulse.activity.ingest.twenty;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.ingest.WebhookIntake;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/twenty}: Twenty CRM webhooks, verified by their HMAC signature before anything else. */
@RestController
class TwentyWebhookController {

    private final CrmProperties.Twenty config;
    private final WebhookIntake intake;
    private final OwnerDirectory owners;
    private final Clock clock;
    private final TimeWindow window;

    TwentyWebhookController(
            CrmProperties crm, WebhookIntake intake, OwnerDirectory owners, Clock clock, TimeWindow window) {
        this.window = window;
        this.config = crm.twenty();
        this.intake = intake;
        this.owners = owners;
        this.clock = clock;
    }

    @Operation(summary = "Twenty webhook (X-Twenty-Webhook-Signature)")
    @PostMapping("/webhooks/twenty")
    ResponseEntity<IngestResult> receive(HttpServletRequest request) throws IOException {
        return intake.receive(
                TwentyMapper.CRM,
                request,
                body -> TwentySignature.verify(
                        config.secret(),
                        body,
                        request.getHeader("X-Twenty-Webhook-Timestamp"),
                        request.getHeader("X-Twenty-Webhook-Signature"),
                        clock.instant()),
                json -> List.of(TwentyMapper.map(json, config, owners::repOf, clock.instant(), window)));
    }
}
