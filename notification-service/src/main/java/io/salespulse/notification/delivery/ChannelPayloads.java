package io.salespulse.notification.delivery;

import io.salespulse.contracts.EventCodec;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.preferences.Preferences;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The channels a manager's preferences ask for, each with its target and its payload: what every kind of message
 * (a signal, the daily digest, the weekly review) turns into deliveries. Only the channels asked for are rendered;
 * email only where SMTP is configured.
 *
 * @param slack   the Slack payload
 * @param teams   the Teams payload
 * @param webhook the generic webhook payload
 * @param email   the email
 */
record ChannelPayloads(
        Supplier<String> slack, Supplier<String> teams, Supplier<String> webhook, Supplier<Renderers.Email> email) {

    /** Channel name to {target, payload}. */
    Map<String, String[]> forManager(Preferences prefs, boolean mail) {
        Map<String, String[]> channels = new LinkedHashMap<>();
        if (prefs.email() != null && mail) {
            channels.put(
                    "email", new String[] {prefs.email(), EventCodec.mapper().writeValueAsString(email.get())});
        }
        if (prefs.slackWebhookUrl() != null) {
            channels.put("slack", new String[] {prefs.slackWebhookUrl(), slack.get()});
        }
        if (prefs.teamsWebhookUrl() != null) {
            channels.put("teams", new String[] {prefs.teamsWebhookUrl(), teams.get()});
        }
        if (prefs.webhookUrl() != null) {
            channels.put("webhook", new String[] {prefs.webhookUrl(), webhook.get()});
        }
        return channels;
    }
}
