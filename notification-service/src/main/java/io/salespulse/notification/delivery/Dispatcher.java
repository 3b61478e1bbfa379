package io.salespulse.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.delivery.senders.Attempt;
import io.salespulse.notification.delivery.senders.ChannelSender;
import io.salespulse.notification.outbound.OutboundPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, all of a round in parallel, each through its channel's {@link ChannelSender} (Slack, Teams, a
 * signed generic webhook, SMTP). Each send is bounded as a whole by its sender and settles on its own; a round waits
 * at most {@code round-timeout} (2 s) for its sends before the next one starts, so a dead, hanging or trickling
 * endpoint or SMTP server never holds up the others. Slack gets at most 1 message a second per webhook, Teams 4; a
 * delivery over its channel's rate waits a little without counting an attempt. Outcomes follow {@link RetryPolicy},
 * the same for every channel; every attempt is logged in the delivery. Nothing of the message is logged. A URL target
 * is checked against the {@link OutboundPolicy} before each attempt.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final int BATCH = 50;

    private final DeliveryStore queue;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Channel, ChannelSender> senders;
    private final Duration roundTimeout;
    private final Duration maxRetryAfter;
    private final TargetRateLimits recent;

    private final OutboundPolicy outbound;
    private final io.salespulse.kit.work.IdleBackoff idle;

    Dispatcher(
            DeliveryStore queue,
            List<ChannelSender> senders,
            Clock clock,
            MeterRegistry meters,
            OutboundPolicy outbound,
            NotificationSettings settings,
            @org.springframework.beans.factory.annotation.Value("${salespulse.notifications.dispatch-every-ms:500}")
                    long tickMillis,
            @org.springframework.beans.factory.annotation.Value("${salespulse.notifications.idle-dispatch-max-ms:1000}")
                    long idleMaxMillis) {
        this.idle = new io.salespulse.kit.work.IdleBackoff(
                Duration.ofMillis(tickMillis), Duration.ofMillis(Math.max(tickMillis, idleMaxMillis)));
        queue.whenAdded(idle::wake);
        this.maxRetryAfter = settings.maxRetryAfter();
        this.roundTimeout = settings.roundTimeout();
        this.outbound = outbound;
        this.senders = senders.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(ChannelSender::channel, sender -> sender));
        for (Channel channel : Channel.values()) {
            if (!this.senders.containsKey(channel)) {
                // A channel added without its sender would leave its deliveries queued for nothing: refuse to start.
                throw new IllegalStateException("No ChannelSender for the channel " + channel.key());
            }
        }
        this.queue = queue;
        this.clock = clock;
        this.recent = new TargetRateLimits(
                io.salespulse.kit.web.Buckets.time(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())));
        this.meters = meters;
        for (Channel channel : Channel.values()) {
            Gauge.builder("salespulse.notifications.queue.depth", queue, q -> q.depth(channel.key()))
                    .tag("channel", channel.key())
                    .register(meters);
            Gauge.builder(
                            "salespulse.notifications.queue.oldest.age",
                            queue,
                            q -> q.oldestQueued(channel.key())
                                    .map(oldest -> (double) Duration.between(oldest, clock.instant())
                                                    .toMillis()
                                            / 1000)
                                    .orElse(0.0))
                    .tag("channel", channel.key())
                    .baseUnit("seconds")
                    .register(meters);
        }
    }

    /**
     * A tick: a round when there may be work due (a delivery just queued in this process, the last round found some,
     * or the idle wait is over: idle, the queue is read once per {@code salespulse.notifications.idle-dispatch-max-ms},
     * which also bounds how late a retry or a delivery queued by another instance goes out).
     */
    @Scheduled(fixedDelayString = "${salespulse.notifications.dispatch-every-ms:500}")
    void dispatch() {
        if (!idle.due()) {
            return;
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        try {
            for (int i = 0; i < BATCH; i++) {
                Optional<Delivery> next = queue.claimDue();
                if (next.isEmpty()) {
                    break;
                }
                sends.add(sendSafely(next.get()));
            }
            // Each send settles on its own, within its own limit, and stays claimed until then: a round waits only
            // briefly for them, so a slow endpoint or SMTP server never delays the next round's deliveries.
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(roundTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("Dispatch round: sends still running after {} settle on their own", roundTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            log.warn("Dispatch round failed, will retry: {}", e.getMessage());
        } finally {
            idle.looked(!sends.isEmpty());
        }
    }

    /** One delivery's trouble never stops the round: it is put back for later and logged as an attempt. */
    private CompletableFuture<Void> sendSafely(Delivery delivery) {
        try {
            return send(delivery);
        } catch (RuntimeException e) {
            Instant created = delivery.createdAt();
            if (created != null && created.plus(RetryPolicy.GIVE_UP_AFTER).isBefore(clock.instant())) {
                log.warn(
                        "Delivery {} could not be attempted for 24 hours, given up: {}",
                        delivery.id(),
                        e.getClass().getSimpleName());
                queue.record(
                        delivery.id(),
                        DeliveryStatus.FAILED,
                        null,
                        "not attempted: internal error; gave up after 24 hours");
                return CompletableFuture.completedFuture(null);
            }
            log.warn(
                    "Delivery {} could not be attempted, will retry: {}",
                    delivery.id(),
                    e.getClass().getSimpleName());
            queue.record(
                    delivery.id(),
                    DeliveryStatus.QUEUED,
                    clock.instant().plusSeconds(30),
                    "not attempted: internal error");
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletableFuture<Void> send(Delivery delivery) {
        String id = delivery.id();
        Channel channel = Channel.of(delivery.channel()).orElse(null);
        ChannelSender sender = channel == null ? null : senders.get(channel);
        if (sender == null) {
            queue.record(id, DeliveryStatus.FAILED, null, "no sender for channel " + delivery.channel());
            return CompletableFuture.completedFuture(null);
        }
        String target = delivery.envelope().target();
        int attempt = delivery.tried().size() + 1;
        if (delivery.outcome().inFlight() != null && !channel.receiverDropsRepeats()) {
            // A sender stopped between sending this and logging the outcome: it most likely arrived. Slack, Teams and
            // email cannot tell a repeat from a new message, so it is not sent again (the manager is told once).
            queue.record(
                    id,
                    DeliveryStatus.SENT,
                    null,
                    "unconfirmed: the sender stopped during the attempt; not sent again");
            Counter.builder("salespulse.notifications.unconfirmed")
                    .tag("channel", channel.key())
                    .register(meters)
                    .increment();
            return CompletableFuture.completedFuture(null);
        }
        if (channel.isUrl() && outbound.checkUrl(channel, target) instanceof OutboundPolicy.Verdict.Refused) {
            // Saved before the policy: never called. (Where the name resolves is judged by the sender, as it connects:
            // a name that now resolves inside fails there the same way.) The detail does not say why, so the delivery
            // log tells nothing of the network behind it.
            queue.record(id, DeliveryStatus.FAILED, null, "refused by the outbound policy");
            Counter.builder("salespulse.notifications.failed")
                    .tag("channel", channel.key())
                    .register(meters)
                    .increment();
            return CompletableFuture.completedFuture(null);
        }
        if (!allowed(channel, target)) {
            queue.release(id, clock.instant().plusMillis(250));
            return CompletableFuture.completedFuture(null);
        }
        // Durable before the call leaves: if this instance stops before logging the outcome, the next one knows.
        queue.markInFlight(id, attempt);
        Instant queuedAt = delivery.createdAt();
        return sender.send(new ChannelSender.Outgoing(
                        id, delivery.managerId(), target, delivery.envelope().payload()))
                .thenAccept(result -> settle(id, channel, result, attempt, queuedAt));
    }

    private void settle(String id, Channel channel, Attempt result, int attempt, Instant queuedAt) {
        RetryPolicy.Outcome outcome =
                RetryPolicy.after(result, attempt, queuedAt, clock.instant(), RetryPolicy.jitter(), maxRetryAfter);
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
        Counter.builder(metric).tag("channel", channel.key()).register(meters).increment();
    }

    /** At most the channel's messages per second per target ({@link TargetRateLimits}). */
    private boolean allowed(Channel channel, String target) {
        return recent.tryConsume(target, channel.perSecond());
    }
}
