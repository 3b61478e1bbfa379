package io.salespulse.notification.delivery;

import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.Paging;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.policy.RoutingReason;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/managers/{managerId}/notifications}: the delivery log (targets and payloads are not shown). */
@RestController
class NotificationsController {

    private final DeliveryStore queue;

    NotificationsController(DeliveryStore queue) {
        this.queue = queue;
    }

    /** One attempt. */
    record Attempt(Instant at, String outcome, String detail) {}

    /** One delivery. */
    record DeliveryView(
            String signalId,
            String type,
            String severity,
            String channel,
            String status,
            String detail,
            RoutingReason reason,
            String title,
            Instant createdAt,
            Instant dueAt,
            Instant sentAt,
            List<Attempt> attempts) {}

    @Operation(summary = "A manager's delivery log")
    @GetMapping("/api/v1/managers/{managerId}/notifications")
    ResponseEntity<List<DeliveryView>> log(
            @PathVariable String managerId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Paging paging = Paging.of(limit, cursor);
        DeliveryStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        "status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
            }
        }
        // Care signals are between a rep and its managers: in a manager's own log only, never in the log leadership or
        // an admin reads.
        boolean own = io.salespulse.kit.security.Caller.current()
                .map(caller -> managerId.equals(caller.subject()))
                .orElse(false);
        return queue.pageOfManager(managerId, filter, own, paging, NotificationsController::view);
    }

    /** A signal that reached no channel: for which team and manager (null: the team has none), why, and since when. */
    record UnroutableView(
            String signalId,
            String type,
            String severity,
            String teamId,
            String managerId,
            String reason,
            Instant since) {}

    /**
     * {@code GET /api/v1/admin/notifications/unroutable}: the signals that reached no channel and wait for a manager or
     * a channel (admin), oldest first; {@code teamId} narrows to a team.
     */
    @Operation(summary = "Signals that reached no channel, and why (admin)")
    @GetMapping("/api/v1/admin/notifications/unroutable")
    List<UnroutableView> unroutable(@RequestParam(required = false) @io.salespulse.kit.web.Bounded String teamId) {
        return queue.unroutable(teamId, null, Rerouting.BATCH).stream()
                .map(delivery -> new UnroutableView(
                        delivery.signalId(),
                        delivery.type(),
                        delivery.severity(),
                        delivery.waiting().teamId(),
                        delivery.managerId(),
                        delivery.outcome().detail(),
                        delivery.createdAt()))
                .toList();
    }

    private static DeliveryView view(Delivery delivery) {
        List<Attempt> attempts = delivery.tried().stream()
                .map(a -> new Attempt(a.at(), a.outcome(), a.detail()))
                .toList();
        String title = delivery.envelope().message() == null
                ? null
                : Message.storedTitle(delivery.envelope().message());
        return new DeliveryView(
                delivery.signalId(),
                delivery.type(),
                delivery.severity(),
                delivery.channel(),
                delivery.outcome().status().name(),
                delivery.outcome().detail(),
                RoutingReason.of(delivery.outcome().detail()),
                title,
                delivery.createdAt(),
                delivery.outcome().dueAt(),
                delivery.outcome().sentAt(),
                attempts);
    }
}
