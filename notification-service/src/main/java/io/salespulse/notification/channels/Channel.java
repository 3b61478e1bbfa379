package io.salespulse.notification.channels;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ways a manager (or a team's celebration channel) is told, each with what the dispatch needs to know of it.
 * Adding one: a constant here, its {@code ChannelSender}, its renderings in {@link Renderers}, its preferences field and
 * its word in the cockpit (docs/code-map.md).
 */
public enum Channel {
    EMAIL("email", false, 10, false),
    SLACK("slack", true, 1, false),
    TEAMS("teams", true, 4, false),
    WEBHOOK("webhook", true, 10, true);

    private final String key;
    private final boolean url;
    private final int perSecond;
    private final boolean receiverDropsRepeats;

    Channel(String key, boolean url, int perSecond, boolean receiverDropsRepeats) {
        this.key = key;
        this.url = url;
        this.perSecond = perSecond;
        this.receiverDropsRepeats = receiverDropsRepeats;
    }

    /** The channel's name as deliveries, metrics' tags and the APIs write it. */
    public String key() {
        return key;
    }

    /** Whether its target is a URL (judged by the outbound policy), not an address. */
    public boolean isUrl() {
        return url;
    }

    /** The most messages a second one target takes (Slack's incoming webhooks 1, Teams 4). */
    public int perSecond() {
        return perSecond;
    }

    /**
     * Whether a receiver can tell a repeat (the generic webhook's delivery id): an attempt whose outcome was never
     * logged is then sent again; Slack, Teams and email cannot, so it is not.
     */
    public boolean receiverDropsRepeats() {
        return receiverDropsRepeats;
    }

    private static final Map<String, Channel> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Channel::key, channel -> channel));

    /** The channel of a key ({@code slack}), if one (the dispatcher asks for every delivery it sends). */
    public static Optional<Channel> of(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }
}
