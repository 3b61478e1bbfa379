package io.salespulse.notification.delivery;

import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.MailTemplates;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.PreferencesStore;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Send me a test message": one message on each channel the manager's preferences name, queued like any delivery
 * (so the outbound policy, the rate limits, the retries and the delivery log apply), in the manager's language. At
 * most one a minute per manager.
 */
@RestController
class TestMessages {

    static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);

    /** What was queued: the channels, and the delivery log's id of the test. */
    record Queued(String testId, List<String> channels) {}

    private final PreferencesStore preferences;
    private final DeliveryStore queue;
    private final Clock clock;
    private final boolean mail;
    private final Texts texts;
    private final MailTemplates mailTemplates;

    TestMessages(
            PreferencesStore preferences,
            DeliveryStore queue,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            Texts texts,
            MailTemplates mailTemplates) {
        this.preferences = preferences;
        this.queue = queue;
        this.clock = clock;
        this.mail = mail.getIfAvailable() != null;
        this.texts = texts;
        this.mailTemplates = mailTemplates;
    }

    @Operation(summary = "Send a test message on each of the manager's channels")
    @PostMapping("/api/v1/managers/{managerId}/test-message")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Queued send(@PathVariable String managerId) {
        Preferences prefs = preferences
                .of(managerId)
                .orElseThrow(
                        () -> new InvalidRequestException(
                                "preferences",
                                "no preferences yet: set at least one channel first (PUT /api/v1/managers/{managerId}/preferences)"));
        Instant now = clock.instant();
        if (queue.typedSince(managerId, "TEST_MESSAGE", now.minus(AT_MOST_EVERY))) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "at most one test message a minute");
        }
        String title = texts.get(prefs.locale(), "test.title");
        // A digest without signals: the same shape every channel already renders, its title the test's words.
        Map<Channel, ChannelPayloads.Addressed> channels = ChannelPayloads.of(
                        () -> Renderers.slackDigest(title, List.of()),
                        () -> Renderers.teamsDigest(title, List.of()),
                        () -> Renderers.webhookDigest(title, List.of()),
                        () -> mailTemplates.digest(prefs.locale(), title, List.of()))
                .forManager(prefs, mail);
        if (channels.isEmpty()) {
            throw new InvalidRequestException(
                    "preferences", "no channel to test: set a Slack, Teams or webhook URL, or an email");
        }
        String testId = "test-" + UUID.randomUUID();
        List<String> queued = new ArrayList<>();
        for (Map.Entry<Channel, ChannelPayloads.Addressed> channel : channels.entrySet()) {
            queue.addOwn(
                    testId + "|" + managerId + "|" + channel.getKey().key(),
                    testId,
                    managerId,
                    channel.getKey(),
                    "TEST_MESSAGE",
                    "TEST",
                    "test message",
                    channel.getValue(),
                    now);
            queued.add(channel.getKey().key());
        }
        return new Queued(testId, queued);
    }
}
