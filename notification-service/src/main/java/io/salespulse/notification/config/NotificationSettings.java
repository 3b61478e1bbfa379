package io.salespulse.notification.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * notification-service's settings, {@code salespulse.notifications.*}, each with its one default. (The schedules'
 * periods, {@code dispatch-every-ms}, {@code digest-check-ms} and {@code digest-initial-delay-ms}, are read by the
 * {@code @Scheduled} methods themselves; the deliveries' retention is {@code salespulse.retention.deliveries}.)
 *
 * @param appUrl           the cockpit's public address, the base of every message's "Open in SalesPulse" link
 *                         ({@code COCKPIT_URL} in application.yml)
 * @param httpTimeout      the bound of one call to Slack, Teams or a webhook, as a whole (an email gets three times it)
 * @param roundTimeout     how long a dispatch round waits for its sends before the next round starts
 * @param maxRetryAfter    the longest {@code Retry-After} honoured (at most 1 hour)
 * @param mailFrom         the sender address of emails
 * @param weeklyReviewWait how long the weekly digest waits for the week's figures before it goes without them
 * @param outbound         which targets the outbound policy allows
 */
@ConfigurationProperties("salespulse.notifications")
public record NotificationSettings(
        String appUrl,
        @DefaultValue("10s") Duration httpTimeout,
        @DefaultValue("2s") Duration roundTimeout,
        @DefaultValue("15m") Duration maxRetryAfter,
        @DefaultValue("salespulse@localhost") String mailFrom,
        @DefaultValue("2h") Duration weeklyReviewWait,
        @DefaultValue Outbound outbound) {

    public NotificationSettings {
        if (appUrl == null || appUrl.isBlank()) {
            throw new IllegalStateException("salespulse.notifications.app-url must name the cockpit's address");
        }
        if (maxRetryAfter.compareTo(Duration.ofHours(1)) > 0 || maxRetryAfter.isNegative()) {
            throw new IllegalStateException(
                    "salespulse.notifications.max-retry-after must be between 0 and 1 hour: " + maxRetryAfter);
        }
        appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
    }

    /**
     * @param allowLoopback loopback targets (127.0.0.1, ::1, localhost) for every channel, http included: the local
     *                      run's sinks only
     * @param teamsHosts    the hosts a Teams workflow URL may name; {@code *.} matches any subdomain
     */
    public record Outbound(
            @DefaultValue("false") boolean allowLoopback,

            @DefaultValue({"*.logic.azure.com", "*.api.powerplatform.com", "*.webhook.office.com"})
            List<String> teamsHosts) {}
}
