package io.salespulse.activity.outbox;

import io.salespulse.kit.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/outbox/parked}: the accepted events the relay set aside (admin). */
@RestController
class ParkedEntriesController {

    static final int MAX_LIMIT = 500;

    private final AcceptedEventLog acceptedEvents;

    ParkedEntriesController(AcceptedEventLog acceptedEvents) {
        this.acceptedEvents = acceptedEvents;
    }

    @Operation(
            summary = "Accepted events that can never be published (too large, not encodable), oldest first (admin)",
            description =
                    "Each with its source, id, channel, when it was accepted and parked, why, and its event types.")
    @GetMapping("/api/v1/admin/outbox/parked")
    Map<String, List<AcceptedEventLog.ParkedEntry>> parked(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return Map.of("parked", acceptedEvents.parked(limit));
    }
}
