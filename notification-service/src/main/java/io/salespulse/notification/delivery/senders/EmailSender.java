package io.salespulse.notification.delivery.senders;

import io.salespulse.contracts.EventCodec;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.config.NotificationSettings;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (HTML and text parts), on two sender threads. The SMTP time-outs ({@code spring.mail.properties})
 * end a stuck session; the attempt as a whole, the wait for a free sender included, is bounded by three HTTP
 * time-outs, and an email still waiting for a sender when its time is up is not sent later: it is retried instead.
 * A failure of the server, or no SMTP server configured, is worth retrying.
 */
@Component
class EmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final Duration limit;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "email-sender");
        thread.setDaemon(true);
        return thread;
    });

    EmailSender(ObjectProvider<JavaMailSender> mail, NotificationSettings settings) {
        this.mail = mail;
        this.from = settings.mailFrom();
        this.limit = settings.httpTimeout().multipliedBy(3);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public CompletableFuture<Attempt> send(Outgoing outgoing) {
        CompletableFuture<Attempt> email = new CompletableFuture<>();
        senders.execute(() -> {
            if (!email.isDone()) {
                email.complete(sendNow(outgoing));
            }
        });
        return email.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .handle((attempt, error) -> error != null ? Attempt.retryable("timed out") : attempt);
    }

    private Attempt sendNow(Outgoing outgoing) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return Attempt.retryable("no SMTP server configured");
        }
        try {
            Renderers.Email email = EventCodec.mapper().readValue(outgoing.payload(), Renderers.Email.class);
            MimeMessage message = withStableId(
                    sender instanceof org.springframework.mail.javamail.JavaMailSenderImpl impl
                            ? impl.getSession()
                            : jakarta.mail.Session.getInstance(new java.util.Properties()),
                    outgoing.id());
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(outgoing.target());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            sender.send(message);
            return Attempt.delivered("SMTP accepted");
        } catch (MessagingException | MailException e) {
            // The exception's message may hold the address: only its kind is logged and shown.
            log.warn("Email delivery failed, will retry: {}", e.getClass().getSimpleName());
            return Attempt.retryable(failure(e));
        }
    }

    /**
     * The message with a {@code Message-ID} made from the delivery's id, the same at every attempt: a send that timed
     * out after the server took it and is tried again carries the same id, so the mail system and the reader's client
     * can tell it for the same message (JavaMail would otherwise draw a new one at each send).
     */
    static MimeMessage withStableId(jakarta.mail.Session session, String deliveryId) {
        String id = "<" + deliveryId.replaceAll("[^A-Za-z0-9._-]", "-") + "@salespulse>";
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
    }

    /** A time-out, an unreachable server, or the server's refusal (its kind only: the message may hold the address). */
    static String failure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return "unreachable";
            }
        }
        return "SMTP refused: " + e.getClass().getSimpleName();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }
}
