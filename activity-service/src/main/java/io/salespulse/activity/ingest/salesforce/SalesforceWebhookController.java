package io.salespulse.activity.ingest.salesforce;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.IngestResult;
import io.salespulse.activity.ingest.OwnerDirectory;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.activity.ingest.WebhookIntake;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.PayloadTooLargeException;
import io.salespulse.kit.web.TooManyRequestsException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code POST /webhooks/salesforce/<secret>}: Salesforce Outbound Messages (SOAP 1.1). Salesforce signs nothing, so the
 * endpoint URL configured in Salesforce carries the organisation's endpoint secret: a message whose
 * {@code OrganizationId} has no secret configured, or whose URL carries another (or none), is refused with {@code 401}
 * before anything is taken from it (compared in constant time). The answer is the SOAP
 * {@code notificationsResponse} with {@code <Ack>true</Ack>} only once every accepted notification is durable in the
 * accepted-event log; anything else (a refused organisation, a malformed message, a store that cannot be written, too
 * many requests) is a SOAP fault, so that Salesforce keeps the message and sends it again (its retries back off, for
 * up to 24 hours). Notifications refused one by one (a bad field) are acknowledged with the rest, counted and logged:
 * sending them again would not make them valid.
 */
@RestController
class SalesforceWebhookController {

    private static final Logger log = LoggerFactory.getLogger(SalesforceWebhookController.class);
    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final CrmProperties.Salesforce config;
    private final WebhookIntake intake;
    private final OwnerDirectory owners;
    private final TimeWindow window;

    SalesforceWebhookController(CrmProperties crm, WebhookIntake intake, OwnerDirectory owners, TimeWindow window) {
        this.config = crm.salesforce();
        this.intake = intake;
        this.owners = owners;
        this.window = window;
    }

    @Operation(
            summary =
                    "Salesforce Outbound Message (SOAP 1.1 notifications), from an allowed organisation, its endpoint secret "
                            + "in the path")
    @PostMapping(
            value = {"/webhooks/salesforce", "/webhooks/salesforce/{secret}"},
            produces = "text/xml")
    ResponseEntity<String> receive(HttpServletRequest request, @PathVariable(required = false) String secret)
            throws IOException {
        try {
            byte[] body = intake.read(SalesforceMapper.CRM, request);
            String organization = SalesforceMapper.organizationOf(body);
            if (!authentic(organization, secret)) {
                intake.refusedUnauthorized(SalesforceMapper.CRM);
                log.warn(
                        "Salesforce message refused: no endpoint secret, or not the one of organisation {}",
                        organization);
                return fault(
                        HttpStatus.UNAUTHORIZED,
                        "soapenv:Client",
                        "The endpoint URL must carry this organisation's endpoint secret: /webhooks/salesforce/<secret>.");
            }
            IngestResult result = intake.accept(
                    SalesforceMapper.CRM,
                    body,
                    raw -> SalesforceMapper.map(raw, config, owners::repOf, window)
                            .intake());
            if (!result.rejected().isEmpty()) {
                log.warn("Salesforce notifications refused: {}", describe(result.rejected()));
            }
            return ResponseEntity.ok().contentType(XML).body(ack());
        } catch (InvalidRequestException e) {
            // A Client fault: the sender's message is at fault (400, as SOAP 1.2 answers a Sender fault; never a 500,
            // which
            // would say the fault is ours). Salesforce keeps an unacknowledged message and sends it again either way.
            return fault(HttpStatus.BAD_REQUEST, "soapenv:Client", describe(e.problems()));
        } catch (PayloadTooLargeException e) {
            return fault(HttpStatus.PAYLOAD_TOO_LARGE, "soapenv:Client", "The message is over the size limit.");
        } catch (TooManyRequestsException e) {
            return fault(HttpStatus.SERVICE_UNAVAILABLE, "soapenv:Server", "Too many requests: send again later.");
        } catch (RuntimeException e) {
            log.warn("Salesforce message not stored, Salesforce will send it again: {}", e.getMessage());
            return fault(HttpStatus.SERVICE_UNAVAILABLE, "soapenv:Server", "Not stored: send again later.");
        }
    }

    /** Whether the path's secret is the one configured for the message's organisation (compared in constant time). */
    private boolean authentic(String organization, String secret) {
        if (organization == null || secret == null) {
            return false;
        }
        return config.secretOf(organization)
                .map(expected -> MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static String describe(java.util.List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
    }

    /** The acknowledgement Salesforce waits for. */
    static String ack() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                <soapenv:Body><notificationsResponse xmlns="%s"><Ack>true</Ack></notificationsResponse></soapenv:Body>
                </soapenv:Envelope>
                """.formatted(SalesforceMapper.OUTBOUND_NS);
    }

    /** A SOAP 1.1 fault: Salesforce keeps the message and sends it again. */
    static ResponseEntity<String> fault(HttpStatus status, String code, String reason) {
        return ResponseEntity.status(status).contentType(XML).body("""
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
                <soapenv:Body><soapenv:Fault><faultcode>%s</faultcode><faultstring>%s</faultstring></soapenv:Fault></soapenv:Body>
                </soapenv:Envelope>
                """.formatted(code, HtmlUtils.htmlEscape(reason)));
    }
}
