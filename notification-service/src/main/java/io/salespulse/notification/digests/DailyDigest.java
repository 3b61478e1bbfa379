package io.salespulse.notification.digests;

import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.calendar.WorkingCalendar;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.MailTemplates;
import io.salespulse.notification.channels.Message;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.delivery.ChannelPayloads;
import io.salespulse.notification.delivery.Delivery;
import io.salespulse.notification.delivery.DeliveryStatus;
import io.salespulse.notification.delivery.DeliveryStore;
import io.salespulse.notification.preferences.Preferences;
import io.salespulse.notification.preferences.PreferencesStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily digest: on the working days of the manager's teams (not on weekends or their public holidays), at the
 * manager's digest time in the manager's zone, the signals kept for the digest before that
 * time (and not resolved since) go out as one message per channel (signals kept later wait for the next day's; a
 * digest missed while the service was down goes out when it is back), queued like any delivery (so retried alike), once per manager
 * and day whatever the number of instances (the digest's delivery ids are per manager and day).
 */
@Component
class DailyDigest {

    private final PreferencesStore preferences;
    private final DeliveryStore queue;
    private final Clock clock;
    private final boolean mail;
    private final Texts texts;
    private final MailTemplates mailTemplates;
    private final RosterStore roster;
    private final WorkingCalendar calendar;

    DailyDigest(
            PreferencesStore preferences,
            DeliveryStore queue,
            Clock clock,
            ObjectProvider<JavaMailSender> mail,
            Texts texts,
            MailTemplates mailTemplates,
            RosterStore roster,
            WorkingCalendar calendar) {
        this.roster = roster;
        this.calendar = calendar;
        this.preferences = preferences;
        this.texts = texts;
        this.mailTemplates = mailTemplates;
        this.queue = queue;
        this.clock = clock;
        this.mail = mail.getIfAvailable() != null;
    }

    @Scheduled(
            fixedDelayString = "${salespulse.notifications.digest-check-ms:60000}",
            initialDelayString = "${salespulse.notifications.digest-initial-delay-ms:5000}")
    void run() {
        for (Preferences prefs : preferences.all()) {
            ZonedDateTime local = clock.instant().atZone(ZoneId.of(prefs.timezone()));
            if (prefs.dailyDigestAt() != null
                    && !local.toLocalTime().isBefore(prefs.dailyDigestAt())
                    && worksOn(prefs.managerId(), local.toLocalDate())) {
                send(
                        prefs,
                        local.toLocalDate(),
                        local.toLocalDate()
                                .atTime(prefs.dailyDigestAt())
                                .atZone(local.getZone())
                                .toInstant());
            }
        }
    }

    /**
     * Whether a manager's teams work on a day: no daily digest on a day none of them works (a weekend, a public holiday
     * of their calendar); what was kept waits for the next working day's. A manager of no team known yet gets it.
     */
    boolean worksOn(String managerId, LocalDate day) {
        List<TeamChanged> teams = roster.teams().stream()
                .filter(team -> team.managerIds().contains(managerId))
                .toList();
        return teams.isEmpty() || teams.stream().anyMatch(team -> calendar.teamWorks(team, day));
    }

    /** Today's digest: the signals kept before today's digest time (later ones wait for tomorrow's). */
    void send(Preferences prefs, LocalDate day, java.time.Instant digestTime) {
        List<Delivery> kept = queue.ofManager(prefs.managerId(), DeliveryStatus.DIGEST).stream()
                .filter(delivery -> delivery.createdAt().isBefore(digestTime))
                .toList();
        if (kept.isEmpty()) {
            return;
        }
        List<Message> items = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Delivery delivery : kept) {
            if (delivery.envelope().message() != null && !seen.contains(delivery.signalId())) {
                seen.add(delivery.signalId());
                items.add(Message.fromStored(delivery.envelope().message(), texts));
            }
        }
        String title = texts.get(prefs.locale(), "digest.daily.title", items.size());
        Map<Channel, ChannelPayloads.Addressed> channels = ChannelPayloads.of(
                        () -> Renderers.slackDigest(title, items),
                        () -> Renderers.teamsDigest(title, items),
                        () -> Renderers.webhookDigest(title, items),
                        () -> mailTemplates.digest(prefs.locale(), title, items))
                .forManager(prefs, mail);
        boolean sent = false;
        for (Map.Entry<Channel, ChannelPayloads.Addressed> channel : channels.entrySet()) {
            sent |= queue.addOwn(
                    "digest|" + prefs.managerId() + "|" + day + "|"
                            + channel.getKey().key(),
                    "digest-" + day,
                    prefs.managerId(),
                    channel.getKey(),
                    "DAILY_DIGEST",
                    "DIGEST_SEND",
                    items.size() + " signal(s)",
                    channel.getValue(),
                    clock.instant());
        }
        // Signals kept after today's digest went out wait for tomorrow's, instead of being marked as sent.
        if (sent) {
            queue.markDigested(prefs.managerId(), seen);
        }
    }
}
