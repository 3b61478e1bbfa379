package io.salespulse.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.MailTemplates;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.policy.Decision;
import io.salespulse.notification.policy.NotificationPolicy;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.PreferencesStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Routes a raised signal to the managers of the rep's team: for each, the policy decides (instant, digest,
 * suppressed) and one delivery per configured channel is recorded, in the manager's language; a recognition is also
 * posted to the team's celebration channel when it has one (celebrations' {@code TeamCelebrations}, told by a
 * {@link SignalRouted} event).
 */
@Component
class Router {

    private final RosterStore roster;
    private final PreferencesStore preferences;
    private final DeliveryStore queue;
    private final Clock clock;
    private final String appUrl;
    private final MeterRegistry meters;
    private final boolean mailConfigured;
    private final Texts texts;
    private final MailTemplates mailTemplates;
    private final ApplicationEventPublisher events;

    Router(
            RosterStore roster,
            PreferencesStore preferences,
            DeliveryStore queue,
            Clock clock,
            MeterRegistry meters,
            ObjectProvider<JavaMailSender> mail,
            Texts texts,
            MailTemplates mailTemplates,
            ApplicationEventPublisher events,
            NotificationSettings settings) {
        this.mailConfigured = mail.getIfAvailable() != null;
        this.texts = texts;
        this.mailTemplates = mailTemplates;
        this.events = events;
        this.roster = roster;
        this.preferences = preferences;
        this.queue = queue;
        this.clock = clock;
        this.appUrl = settings.appUrl();
        this.meters = meters;
    }

    void route(SignalRaised signal) {
        deliver(signal);
        events.publishEvent(new SignalRouted(signal));
    }

    /**
     * The signal's deliveries to its team's managers, one per manager and channel. A gap (the team has no manager, a
     * manager has no preferences, or no channel of theirs can be used) is an {@link DeliveryStatus#UNROUTABLE} delivery
     * with its reason and the signal, counted; routing again (a manager or a channel appeared: {@link Rerouting}) fills
     * the gaps that closed and removes their unroutable deliveries. Routing twice sends nothing twice: one delivery per
     * signal, manager and channel.
     */
    void deliver(SignalRaised signal) {
        List<String> managers =
                roster.team(signal.teamId()).map(TeamChanged::managerIds).orElse(List.of());
        String who = signal.repId() != null
                ? roster.rep(signal.repId()).map(RepChanged::displayName).orElse(signal.repId())
                : roster.team(signal.teamId()).map(TeamChanged::name).orElse(signal.teamId());
        Instant now = clock.instant();
        List<String> gaps = new java.util.ArrayList<>();
        if (managers.isEmpty()) {
            gaps.add(unroutable(signal, null, Unroutable.NO_MANAGER, now));
        }
        for (String manager : managers) {
            Preferences prefs = preferences.of(manager).orElse(null);
            if (prefs == null) {
                gaps.add(unroutable(signal, manager, Unroutable.NO_PREFERENCES, now));
                continue;
            }
            Message message = Message.of(signal, who, prefs.locale(), appUrl, texts);
            Map<Channel, ChannelPayloads.Addressed> channels = channels(prefs, message, mailConfigured);
            if (channels.isEmpty()) {
                gaps.add(unroutable(
                        signal,
                        manager,
                        prefs.target(Channel.EMAIL) != null ? Unroutable.EMAIL_WITHOUT_SMTP : Unroutable.NO_CHANNEL,
                        now));
                continue;
            }
            Decision decision = NotificationPolicy.decide(
                    signal.type(),
                    signal.severity(),
                    false,
                    signal.linkedTo() != null,
                    prefs,
                    now,
                    queue.instantSignalsSince(manager, now.minus(Duration.ofHours(1))));
            DeliveryStatus status = switch (decision.route()) {
                case INSTANT -> DeliveryStatus.QUEUED;
                case DIGEST -> DeliveryStatus.DIGEST;
                case SUPPRESSED -> DeliveryStatus.SUPPRESSED;
            };
            for (Map.Entry<Channel, ChannelPayloads.Addressed> channel : channels.entrySet()) {
                add(
                        signal,
                        manager,
                        channel.getKey(),
                        channel.getValue(),
                        status,
                        decision.reason().text(),
                        decision.sendAt() != null ? decision.sendAt() : now,
                        message);
            }
        }
        queue.closeUnroutable(signal.signalId(), gaps);
    }

    /** Why a signal reached no channel: its reason as the delivery log shows it, and its metric tag. */
    enum Unroutable {
        NO_MANAGER("no_manager", "the team has no manager"),
        NO_PREFERENCES("no_preferences", "the manager has no preferences"),
        NO_CHANNEL("no_channel", "the manager has no channel set"),
        EMAIL_WITHOUT_SMTP("email_without_smtp", "the manager's only channel is email and SMTP is not configured");

        final String tag;
        final String reason;

        Unroutable(String tag, String reason) {
            this.tag = tag;
            this.reason = reason;
        }
    }

    /** Records (once) that the signal reached no channel for this manager, or for its team; answers the delivery's id. */
    private String unroutable(SignalRaised signal, String manager, Unroutable why, Instant now) {
        String id = signal.signalId() + "|" + (manager == null ? "-" : manager) + "|none";
        Delivery delivery = Delivery.unroutable(
                id,
                signal.signalId(),
                manager,
                signal.type().name(),
                signal.severity().name(),
                why.reason,
                new Delivery.Waiting(
                        signal.teamId(),
                        io.salespulse.contracts.EventCodec.mapper().writeValueAsString(signal)),
                now);
        if (queue.add(delivery)) {
            Counter.builder("salespulse.notifications.unroutable")
                    .tag("reason", why.tag)
                    .register(meters)
                    .increment();
        }
        return id;
    }

    /**
     * A signal now CRITICAL: its deliveries still waiting for the digest, or held back as below a manager's minimum
     * severity, are decided again as the CRITICAL signal they now are and, if the policy says so, sent at once with
     * the new figures. Still one notification per signal, manager and channel: the digest item becomes the instant one.
     */
    void escalate(SignalUpdated update) {
        if (update.severity() != Severity.CRITICAL) {
            return;
        }
        Instant now = clock.instant();
        for (Delivery delivery : queue.escalatable(update.signalId())) {
            String manager = delivery.managerId();
            Preferences prefs = preferences.of(manager).orElse(null);
            if (prefs == null || delivery.envelope().message() == null) {
                continue;
            }
            Decision decision = NotificationPolicy.decide(
                    update.type(),
                    Severity.CRITICAL,
                    false,
                    prefs,
                    now,
                    queue.instantSignalsSince(manager, now.minus(Duration.ofHours(1))));
            if (decision.route() != Decision.Route.INSTANT) {
                continue;
            }
            Message message = Message.fromStored(delivery.envelope().message(), texts)
                    .updated(Severity.CRITICAL, update.evidence(), texts);
            ChannelPayloads.Addressed channel = Channel.of(delivery.channel())
                    .map(channels(prefs, message, mailConfigured)::get)
                    .orElse(null);
            if (channel != null
                    && queue.promote(
                            delivery.id(),
                            channel.payload(),
                            message.stored(),
                            decision.sendAt() != null ? decision.sendAt() : now)) {
                Counter.builder("salespulse.notifications.escalated")
                        .tag("channel", delivery.channel())
                        .register(meters)
                        .increment();
            }
        }
    }

    /** The manager's channels, each with its target and the message rendered for it. */
    private Map<Channel, ChannelPayloads.Addressed> channels(Preferences prefs, Message message, boolean mail) {
        return ChannelPayloads.of(
                        () -> Renderers.slack(message),
                        () -> Renderers.teams(message),
                        () -> Renderers.webhook(message),
                        () -> mailTemplates.signal(message))
                .forManager(prefs, mail);
    }

    private void add(
            SignalRaised signal,
            String manager,
            Channel channel,
            ChannelPayloads.Addressed addressed,
            DeliveryStatus status,
            String reason,
            Instant dueAt,
            Message message) {
        Delivery delivery = Delivery.routed(
                signal.signalId() + "|" + manager + "|" + channel.key(),
                signal.signalId(),
                manager,
                channel.key(),
                signal.type().name(),
                signal.severity().name(),
                status,
                status == DeliveryStatus.QUEUED ? "INSTANT" : status.name(),
                reason,
                new Delivery.Envelope(
                        addressed.target(), addressed.payload(), message == null ? null : message.stored()),
                dueAt);
        if (queue.add(delivery) && status == DeliveryStatus.SUPPRESSED) {
            Counter.builder("salespulse.notifications.suppressed")
                    .tag("channel", channel.key())
                    .tag(
                            "reason",
                            reason.startsWith("below")
                                    ? "min_severity"
                                    : reason.startsWith("resolved")
                                            ? "resolved"
                                            : reason.startsWith("recognitions") ? "recognitions_off" : "other")
                    .register(meters)
                    .increment();
        }
    }
}
