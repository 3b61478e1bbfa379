package io.salespulse.notification.preferences;

import io.salespulse.kit.web.Bounded;
import io.salespulse.notification.channels.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code PUT /api/v1/managers/{managerId}/preferences} body (api.md).
 */
record PreferencesRequest(
        @Email @Size(max = 254) String email,

        @Size(max = MAX_URL) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String slackWebhookUrl,

        @Size(max = MAX_URL) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String teamsWebhookUrl,

        @Size(max = MAX_URL) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String webhookUrl,

        @Bounded String webhookSecret,

        @Pattern(regexp = "fr|en", message = "must be fr or en")
        String locale,

        @Bounded String timezone,
        @Valid QuietHours quietHours,

        @Pattern(regexp = "INFO|WARNING|CRITICAL", message = "must be INFO, WARNING or CRITICAL")
        String minSeverity,

        @Valid Digest digest,

        @Pattern(regexp = "INSTANT|DIGEST|OFF", message = "must be INSTANT, DIGEST or OFF")
        String recognitions) {

    /** The longest webhook URL taken. */
    static final int MAX_URL = 2048;

    /** The target the request gives each channel (null: not wanted), in the order of {@link Channel}. */
    Map<Channel, String> targets() {
        Map<Channel, String> targets = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            targets.put(
                    channel,
                    switch (channel) {
                        case EMAIL -> email;
                        case SLACK -> slackWebhookUrl;
                        case TEAMS -> teamsWebhookUrl;
                        case WEBHOOK -> webhookUrl;
                    });
        }
        return targets;
    }

    /** The request's field that names a channel's target (a refusal names it). */
    static String field(Channel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case SLACK -> "slackWebhookUrl";
            case TEAMS -> "teamsWebhookUrl";
            case WEBHOOK -> "webhookUrl";
        };
    }

    record QuietHours(
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm")
            String from,

            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm")
            String to) {}

    record Digest(
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm")
            String daily,

            @Pattern(
                    regexp = "(MON|TUE|WED|THU|FRI|SAT|SUN) ([01]\\d|2[0-3]):[0-5]\\d",
                    message = "must be like MON 08:30")
            String weekly) {}
}
