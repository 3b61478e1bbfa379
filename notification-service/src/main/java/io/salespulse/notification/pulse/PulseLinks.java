package io.salespulse.notification.pulse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.pulse.PulseInvited;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.channels.Texts;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.delivery.ChannelPayloads;
import io.salespulse.notification.delivery.DeliveryStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Sends a rep its team pulse question (coaching-service's invitation): an email to the rep's address in the roster, in
 * its team's language, with its link (the cockpit's answer page; no sign-in), queued like every delivery (retries, the
 * log). A rep without an address, or an installation without SMTP, is not written to: counted
 * ({@code salespulse_pulse_invitations_unsent_total}) and logged by id, never by address.
 */
@Component
public class PulseLinks {

    private static final Logger log = LoggerFactory.getLogger(PulseLinks.class);

    private final RosterStore roster;
    private final DeliveryStore queue;
    private final Texts texts;
    private final Clock clock;
    private final String appUrl;
    private final boolean mail;
    private final Counter unsent;

    PulseLinks(
            RosterStore roster,
            DeliveryStore queue,
            Texts texts,
            Clock clock,
            NotificationSettings settings,
            ObjectProvider<JavaMailSender> mail,
            MeterRegistry meters) {
        this.roster = roster;
        this.queue = queue;
        this.texts = texts;
        this.clock = clock;
        this.appUrl = settings.appUrl();
        this.mail = mail.getIfAvailable() != null;
        this.unsent = Counter.builder("salespulse.pulse.invitations.unsent")
                .description("Team pulse invitations not sent: the rep has no email address, or SMTP is not configured")
                .register(meters);
    }

    /** Queues the invitation's email (once per invitation, whatever the redeliveries), as the signals topic brings it. */
    @org.springframework.context.event.EventListener
    public void send(PulseInvited invite) {
        RepChanged rep = roster.rep(invite.repId()).orElse(null);
        if (rep == null || rep.email() == null || !mail) {
            unsent.increment();
            log.info(
                    "Pulse invitation {} for rep {} not sent: {}",
                    invite.inviteId(),
                    invite.repId(),
                    rep == null ? "unknown rep" : rep.email() == null ? "no email address" : "SMTP not configured");
            return;
        }
        Language language =
                roster.team(invite.teamId()).map(TeamChanged::locale).orElse(Language.en);
        String link = appUrl + "/pulse?i=" + invite.inviteId() + "&k=" + invite.key();
        String first = rep.displayName().split(" ")[0];
        String subject = texts.get(language, "pulse.subject");
        String body = texts.get(language, "pulse.body", first, link);
        String html = "<p>" + HtmlUtils.htmlEscape(texts.get(language, "pulse.greeting", first)) + "</p><p>"
                + HtmlUtils.htmlEscape(texts.get(language, "pulse.question")) + "</p><p><a href=\""
                + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(texts.get(language, "pulse.answer"))
                + "</a></p><p>" + HtmlUtils.htmlEscape(texts.get(language, "pulse.anonymous")) + "</p>";
        String email = EventCodec.mapper().writeValueAsString(new Renderers.Email(subject, body, html));
        queue.addOwn(
                "pulse|" + invite.inviteId(),
                "pulse-" + invite.inviteId(),
                "rep:" + rep.repId(),
                Channel.EMAIL,
                "PULSE_INVITATION",
                "PULSE",
                "the week's pulse question, to the rep",
                new ChannelPayloads.Addressed(rep.email(), email),
                clock.instant());
    }
}
