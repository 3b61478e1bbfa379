package io.salespulse.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.kit.roster.RosterApplied;
import io.salespulse.notification.preferences.PreferencesSaved;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Signals that reached no channel ({@link DeliveryStatus#UNROUTABLE}) are routed again when a way to a manager may have
 * appeared: the team changed (a manager added), a manager saved preferences, and at a sweep every ten minutes (SMTP
 * configured since the last start). Each one routed again keeps its gaps that are still open and fills the others.
 * How many wait is the gauge {@code salespulse_notifications_unroutable_waiting}, alerted on.
 */
@Component
class Rerouting {

    /** At most this many unroutable deliveries are looked at per pass (the oldest first). */
    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(Rerouting.class);

    private final DeliveryStore queue;
    private final Router router;

    Rerouting(DeliveryStore queue, Router router, MeterRegistry meters) {
        this.queue = queue;
        this.router = router;
        meters.gauge("salespulse.notifications.unroutable.waiting", queue, DeliveryStore::unroutableCount);
    }

    @EventListener
    void onRoster(RosterApplied applied) {
        if (applied.event() instanceof TeamChanged team) {
            reroute(queue.unroutable(team.teamId(), null, BATCH));
        }
    }

    @EventListener
    void onPreferences(PreferencesSaved saved) {
        reroute(queue.unroutable(null, saved.managerId(), BATCH));
    }

    @Scheduled(
            fixedDelayString = "${salespulse.notifications.unroutable-sweep-ms:600000}",
            initialDelayString = "${salespulse.notifications.unroutable-sweep-ms:600000}")
    void sweep() {
        reroute(queue.unroutable(null, null, BATCH));
    }

    /** A signal that waits for a route changed: it will be routed as it now is (its severity and evidence). */
    void update(SignalUpdated update) {
        queue.unroutableOf(update.signalId()).stream()
                .map(delivery -> delivery.waiting().signal())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(json -> {
                    SignalRaised now = EventCodec.mapper()
                            .readValue(json, SignalRaised.class)
                            .updatedBy(update);
                    queue.refreshUnroutable(
                            update.signalId(),
                            EventCodec.mapper().writeValueAsString(now),
                            update.severity().name());
                });
    }

    private void reroute(List<Delivery> waiting) {
        Map<String, String> signals = new LinkedHashMap<>();
        waiting.stream()
                .filter(delivery -> delivery.waiting().signal() != null)
                .forEach(delivery -> signals.putIfAbsent(
                        delivery.signalId(), delivery.waiting().signal()));
        for (String json : signals.values()) {
            try {
                router.deliver(EventCodec.mapper().readValue(json, SignalRaised.class));
            } catch (RuntimeException e) {
                log.warn("A signal that reached no channel could not be routed again: {}", e.getMessage());
            }
        }
        log.debug("Routed again {} signal(s) that had reached no channel", signals.size());
    }
}
