package io.salespulse.activity.ingest.pipedrive;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.ingest.WebhookIntake;
import io.salespulse.kit.security.Signatures;
import io.salespulse.kit.web.UnauthorizedException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/pipedrive}: Pipedrive webhooks v2, authenticated by the HTTP Basic credentials configured for it. */
@RestController
class PipedriveWebhookController {

    private final CrmProperties.Pipedrive config;
    private final WebhookIntake intake;
    private final OwnerDirectory owners;
    private final TimeWindow window;

    PipedriveWebhookController(CrmProperties crm, WebhookIntake intake, OwnerDirectory owners, TimeWindow window) {
        this.window = window;
        this.config = crm.pipedrive();
        this.intake = intake;
        this.owners = owners;
    }

    @Operation(summary = "Pipedrive webhook (v2), HTTP Basic credentials")
    @PostMapping("/webhooks/pipedrive")
    ResponseEntity<IngestResult> receive(HttpServletRequest request) throws IOException {
        return intake.receive(
                PipedriveMapper.CRM,
                request,
                body -> authenticate(request.getHeader("Authorization")),
                json -> List.of(PipedriveMapper.map(json, config, owners::repOf, window)));
    }

    private void authenticate(String authorization) {
        boolean configured = config.username() != null
                && !config.username().isBlank()
                && config.password() != null
                && !config.password().isBlank();
        byte[] expected = ("Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        if (!configured
                || authorization == null
                || !Signatures.equal(expected, authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException(
                    "The Pipedrive webhook credentials are missing or wrong.", "Basic realm=\"salespulse\"");
        }
    }
}
