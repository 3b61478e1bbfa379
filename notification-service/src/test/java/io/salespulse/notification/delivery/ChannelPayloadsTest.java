package io.salespulse.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.preferences.Preferences;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelPayloadsTest {

    static Preferences wanting(Map<Channel, String> targets) {
        return new Preferences(
                "mgr",
                targets,
                "s3cret",
                Language.en,
                "UTC",
                null,
                null,
                Severity.WARNING,
                LocalTime.parse("08:30"),
                "MON 08:30",
                null);
    }

    final ChannelPayloads payloads = ChannelPayloads.of(
            () -> "slack", () -> "teams", () -> "webhook", () -> new Renderers.Email("subject", "text", "<p>html</p>"));

    @Test
    void everyChannelIsRenderedForAManagerWhoWantsIt() {
        Map<Channel, String> everywhere = new EnumMap<>(Channel.class);
        Arrays.stream(Channel.values()).forEach(channel -> everywhere.put(channel, "target-" + channel.key()));
        Map<Channel, ChannelPayloads.Addressed> addressed = payloads.forManager(wanting(everywhere), true);
        // A channel added without its rendering would be skipped silently: every one is here, with its target.
        assertThat(addressed).containsOnlyKeys(Channel.values());
        addressed.forEach((channel, message) -> {
            assertThat(message.target()).isEqualTo("target-" + channel.key());
            assertThat(message.payload()).isNotBlank();
        });
    }

    @Test
    void onlyTheChannelsWantedAndEmailOnlyWithSmtp() {
        Preferences prefs =
                wanting(Map.of(Channel.EMAIL, "camille@example.com", Channel.SLACK, "https://hooks.slack.com/x"));
        assertThat(payloads.forManager(prefs, true)).containsOnlyKeys(Channel.EMAIL, Channel.SLACK);
        assertThat(payloads.forManager(prefs, false)).containsOnlyKeys(Channel.SLACK);
        assertThat(payloads.forManager(wanting(Map.of()), true)).isEmpty();
    }
}
