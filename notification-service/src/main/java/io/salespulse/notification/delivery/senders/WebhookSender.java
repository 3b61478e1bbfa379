package io.salespulse.notification.delivery.senders;

import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.outbound.OutboundPolicy;
import io.salespulse.notification.preferences.PreferencesStore;
import java.time.Clock;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.springframework.stereotype.Component;

/**
 * A manager's generic webhook, signed with the manager's secret ({@code X-SalesPulse-Signature}) and carrying the
 * delivery's id ({@code X-SalesPulse-Delivery}, the same on every attempt, so a receiver drops a repeat).
 */
@Component
class WebhookSender extends HttpSender {

    private final PreferencesStore preferences;
    private final Clock clock;

    WebhookSender(PreferencesStore preferences, Clock clock, NotificationSettings settings, OutboundPolicy outbound) {
        super(Channel.WEBHOOK, settings.httpTimeout(), outbound);
        this.preferences = preferences;
        this.clock = clock;
    }

    @Override
    Optional<Attempt> prepare(HttpPost request, Outgoing outgoing) {
        String secret =
                preferences.of(outgoing.managerId()).map(p -> p.webhookSecret()).orElse(null);
        if (secret == null || secret.isBlank()) {
            return Optional.of(
                    Attempt.permanent("no signing secret: the manager's preferences no longer have a webhook"));
        }
        request.setHeader("X-SalesPulse-Delivery", outgoing.id());
        request.setHeader(
                "X-SalesPulse-Signature",
                Renderers.signature(secret, clock.instant().getEpochSecond(), outgoing.payload()));
        return Optional.empty();
    }
}
