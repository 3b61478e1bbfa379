package io.salespulse.notification.preferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;

/**
 * {@code PUT /api/v1/managers/{managerId}/preferences} body (api.md).
 */
record PreferencesRequest(@Email String email,
                          @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String slackWebhookUrl,
                          @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String teamsWebhookUrl,
                          @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String webhookUrl,
                          String webhookSecret,
                          @Pattern(regexp = "fr|en", message = "must be fr or en") String locale,
                          String timezone,
                          @Valid QuietHours quietHours,
                          @Pattern(regexp = "INFO|WARNING|CRITICAL", message = "must be INFO, WARNING or CRITICAL") String minSeverity,
                          @Valid Digest digest) {

    record QuietHours(@Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String from,
                      @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String to) {
    }

    record Digest(@Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String daily,
                  @Pattern(regexp = "(MON|TUE|WED|THU|FRI|SAT|SUN) ([01]\\d|2[0-3]):[0-5]\\d", message = "must be like MON 08:30") String weekly) {
    }
}
