package io.salespulse.notification.delivery;

import io.salespulse.contracts.EventCodec;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.preferences.Preferences;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One kind of message (a signal, the daily digest, the weekly review, a test) rendered per channel, and the channels
 * a manager's preferences ask for, each with its target and its payload. Only the channels asked for are rendered;
 * email only where SMTP is configured.
 *
 * @param renderings each channel's payload, rendered when asked for
 */
public record ChannelPayloads(Map<Channel, Supplier<String>> renderings) {

    /** A message to a target, rendered for its channel. */
    public record Addressed(String target, String payload) {}

    /** The renderings of one message on every channel (the email as its JSON). */
    public static ChannelPayloads of(
            Supplier<String> slack, Supplier<String> teams, Supplier<String> webhook, Supplier<Renderers.Email> email) {
        Map<Channel, Supplier<String>> renderings = new EnumMap<>(Channel.class);
        renderings.put(Channel.EMAIL, () -> EventCodec.mapper().writeValueAsString(email.get()));
        renderings.put(Channel.SLACK, slack);
        renderings.put(Channel.TEAMS, teams);
        renderings.put(Channel.WEBHOOK, webhook);
        return new ChannelPayloads(renderings);
    }

    /** The channels the manager asked for, in the order of {@link Channel}, each with its target and payload. */
    public Map<Channel, Addressed> forManager(Preferences prefs, boolean mail) {
        Map<Channel, Addressed> channels = new LinkedHashMap<>();
        prefs.targets().forEach((channel, target) -> {
            Supplier<String> rendering = renderings.get(channel);
            if (target != null && rendering != null && (channel != Channel.EMAIL || mail)) {
                channels.put(channel, new Addressed(target, rendering.get()));
            }
        });
        return channels;
    }
}
