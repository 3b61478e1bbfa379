package io.salespulse.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.notification.channels.Renderers;
import io.salespulse.notification.outbound.OutboundPolicy;
import io.salespulse.notification.preferences.PreferencesStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries over HTTP (Slack, Teams, signed generic webhook) and SMTP, all of a round in parallel. Each
 * send is bounded as a whole (connection, headers and a body that trickles in alike: {@code http-timeout}) and settles
 * on its own; a round waits at most {@code round-timeout} (2 s) for its sends before the next one starts, so a dead,
 * hanging or trickling endpoint or SMTP server never holds up the others. Slack gets at most 1 message a second per webhook, Teams 4; a
 * delivery over its channel's rate waits a little without counting an attempt. Outcomes follow {@link RetryPolicy};
 * every attempt is logged in the delivery. Nothing of the message is logged. A URL target is checked against the
 * {@link OutboundPolicy} before each attempt, and redirects are not followed.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final int BATCH = 50;
    private static final Map<String, Integer> PER_SECOND = Map.of("slack", 1, "teams", 4, "webhook", 10);

    private final DeliveryQueue queue;
    private final PreferencesStore preferences;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration roundTimeout;
    private final Duration maxRetryAfter;
    private final Map<String, io.github.bucket4j.Bucket> recent = new ConcurrentHashMap<>();
    private final io.github.bucket4j.TimeMeter time;

    private final OutboundPolicy outbound;
    private final ObjectProvider<JavaMailSender> mail;
    private final String mailFrom;
    private final java.util.concurrent.ExecutorService mailExecutor = java.util.concurrent.Executors.newFixedThreadPool(2);

    Dispatcher(DeliveryQueue queue, PreferencesStore preferences, Clock clock, MeterRegistry meters, OutboundPolicy outbound,
               ObjectProvider<JavaMailSender> mail, @Value("${salespulse.notifications.mail-from:salespulse@localhost}") String mailFrom,
               @Value("${salespulse.notifications.http-timeout:10s}") Duration timeout,
               @Value("${salespulse.notifications.round-timeout:2s}") Duration roundTimeout,
               @Value("${salespulse.notifications.max-retry-after:15m}") Duration maxRetryAfter) {
        if (maxRetryAfter.compareTo(Duration.ofHours(1)) > 0 || maxRetryAfter.isNegative()) {
            throw new IllegalStateException("salespulse.notifications.max-retry-after must be between 0 and 1 hour: " + maxRetryAfter);
        }
        this.maxRetryAfter = maxRetryAfter;
        this.timeout = timeout;
        this.roundTimeout = roundTimeout;
        this.outbound = outbound;
        // Redirects are never followed: a receiver could send the call on to an address the policy refuses.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5)).build();
        this.mail = mail;
        this.mailFrom = mailFrom;
        this.queue = queue;
        this.preferences = preferences;
        this.clock = clock;
        this.time = new io.github.bucket4j.TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.meters = meters;
        for (String channel : List.of("slack", "teams", "email", "webhook")) {
            Gauge.builder("salespulse.notifications.queue.depth", queue, q -> q.depth(channel)).tag("channel", channel).register(meters);
            Gauge.builder("salespulse.notifications.queue.oldest.age", queue, q -> q.oldestQueued(channel)
                    .map(oldest -> (double) Duration.between(oldest, clock.instant()).toMillis() / 1000).orElse(0.0))
                    .tag("channel", channel).baseUnit("seconds").register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${salespulse.notifications.dispatch-every-ms:500}")
    void dispatch() {
        try {
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                Optional<Document> next = queue.claimDue();
                if (next.isEmpty()) {
                    break;
                }
                sends.add(sendSafely(next.get()));
            }
            // Each send settles on its own, within its own limit, and stays claimed until then: a round waits only
            // briefly for them, so a slow endpoint or SMTP server never delays the next round's deliveries.
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(roundTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("Dispatch round: sends still running after {} settle on their own", roundTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            log.warn("Dispatch round failed, will retry: {}", e.getMessage());
        }
    }

    /** One delivery's trouble never stops the round: it is put back for later and logged as an attempt. */
    private CompletableFuture<Void> sendSafely(Document delivery) {
        try {
            return send(delivery);
        } catch (RuntimeException e) {
            java.util.Date created = delivery.getDate("createdAt");
            if (created != null && created.toInstant().plus(RetryPolicy.GIVE_UP_AFTER).isBefore(clock.instant())) {
                log.warn("Delivery {} could not be attempted for 24 hours, given up: {}", delivery.getString("_id"), e.getClass().getSimpleName());
                queue.record(delivery.getString("_id"), DeliveryStatus.FAILED, null, "not attempted: internal error; gave up after 24 hours");
                return CompletableFuture.completedFuture(null);
            }
            log.warn("Delivery {} could not be attempted, will retry: {}", delivery.getString("_id"), e.getClass().getSimpleName());
            queue.record(delivery.getString("_id"), DeliveryStatus.QUEUED, clock.instant().plusSeconds(30), "not attempted: internal error");
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<Void> send(Document delivery) {
        String id = delivery.getString("_id");
        String channel = delivery.getString("channel");
        String target = delivery.getString("target");
        int attempt = delivery.getList("attempts", Document.class, List.of()).size() + 1;
        if (delivery.get("inFlight") != null && !"webhook".equals(channel)) {
            // A sender stopped between sending this and logging the outcome: it most likely arrived. Slack, Teams and
            // email cannot tell a repeat from a new message, so it is not sent again (the manager is told once).
            queue.record(id, DeliveryStatus.SENT, null, "unconfirmed: the sender stopped during the attempt; not sent again");
            Counter.builder("salespulse.notifications.unconfirmed").tag("channel", channel).register(meters).increment();
            return CompletableFuture.completedFuture(null);
        }
        if (!"email".equals(channel) && outbound.check(OutboundPolicy.Channel.of(channel), target) instanceof OutboundPolicy.Verdict.Refused) {
            // Saved before the policy, or the name now resolves inside: never called. The detail does not say why,
            // so the delivery log tells nothing of the network behind it.
            queue.record(id, DeliveryStatus.FAILED, null, "refused by the outbound policy");
            Counter.builder("salespulse.notifications.failed").tag("channel", channel).register(meters).increment();
            return CompletableFuture.completedFuture(null);
        }
        if (!allowed(channel, target)) {
            queue.release(id, clock.instant().plusMillis(250));
            return CompletableFuture.completedFuture(null);
        }
        // Durable before the call leaves: if this instance stops before logging the outcome, the next one knows.
        queue.markInFlight(id, attempt);
        if ("email".equals(channel)) {
            // The SMTP time-outs (spring.mail.properties) end a stuck session; this bounds the wait for a free sender.
            // An email still waiting for a sender when its time is up is not sent later: it is retried instead.
            CompletableFuture<Integer> email = new CompletableFuture<>();
            mailExecutor.execute(() -> {
                if (!email.isDone()) {
                    email.complete(sendEmail(target, delivery.getString("payload")));
                }
            });
            return email.orTimeout(timeout.toMillis() * 3, TimeUnit.MILLISECONDS)
                    .handle((status, error) -> {
                        settle(id, channel, error != null ? -1 : status, null, attempt, delivery.getDate("createdAt").toInstant(),
                                error == null ? null : cause(error));
                        return null;
                    });
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.getString("payload")));
        if ("webhook".equals(channel)) {
            String secret = preferences.of(delivery.getString("managerId")).map(p -> p.webhookSecret()).orElse(null);
            if (secret == null || secret.isBlank()) {
                queue.record(id, DeliveryStatus.FAILED, null, "no signing secret: the manager's preferences no longer have a webhook");
                return CompletableFuture.completedFuture(null);
            }
            // The same id on every attempt: a receiver drops a repeat (e.g. after a crash between send and log).
            request.header("X-SalesPulse-Delivery", id);
            request.header("X-SalesPulse-Signature", Renderers.signature(secret, clock.instant().getEpochSecond(), delivery.getString("payload")));
        }
        Instant queuedAt = delivery.getDate("createdAt").toInstant();
        // The request's own time-out stops at the response headers (JDK-8258397): the whole exchange, a body that
        // trickles in included, is bounded here, and the exchange is cancelled when it runs over.
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        return exchange.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        exchange.cancel(true);
                    }
                })
                .handle((response, error) -> {
                    settle(id, channel, error != null ? -1 : response.statusCode(),
                            error != null ? null : response.headers().firstValue("Retry-After").orElse(null), attempt, queuedAt,
                            error == null ? null : cause(error));
                    return null;
                });
    }

    private static String cause(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof java.net.http.HttpTimeoutException || cause instanceof TimeoutException ? "timed out" : "unreachable";
    }

    private void settle(String id, String channel, int status, String retryAfter, int attempt, Instant queuedAt, String networkError) {
        RetryPolicy.Outcome outcome = RetryPolicy.after(status, retryAfter, attempt, queuedAt, clock.instant(), RetryPolicy.jitter(),
                networkError, maxRetryAfter);
        DeliveryStatus next = switch (outcome.kind()) {
            case SENT -> DeliveryStatus.SENT;
            case RETRY -> DeliveryStatus.QUEUED;
            case FAILED -> DeliveryStatus.FAILED;
        };
        queue.record(id, next, outcome.retryAt(), outcome.detail());
        String metric = switch (outcome.kind()) {
            case SENT -> "salespulse.notifications.delivered";
            case RETRY -> "salespulse.notifications.retried";
            case FAILED -> "salespulse.notifications.failed";
        };
        Counter.builder(metric).tag("channel", channel).register(meters).increment();
    }

    /** Sends an email (HTML and text parts); 250 for accepted, -1 for a failure worth retrying. */
    private int sendEmail(String to, String payload) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 503;
        }
        try {
            Renderers.Email email = io.salespulse.contracts.EventCodec.mapper().readValue(payload, Renderers.Email.class);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(mailFrom);
            helper.setTo(to);
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            sender.send(message);
            return 250;
        } catch (MessagingException | MailException e) {
            log.warn("Email delivery failed, will retry: {}", e.getClass().getSimpleName());
            return -1;
        }
    }

    /**
     * At most the channel's messages per second per target (Bucket4j): the bucket is refilled whole each second, so
     * no second ever holds more than the limit.
     */
    private boolean allowed(String channel, String target) {
        int limit = PER_SECOND.getOrDefault(channel, 10);
        return recent.computeIfAbsent(target, key -> io.github.bucket4j.Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time).build()).tryConsume(1);
    }
}
