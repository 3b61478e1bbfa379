package io.salespulse.activity.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.work.IdleBackoff;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the accepted-event log to Kafka: takes the oldest unpublished entries in batches, publishes their events
 * in order (idempotent producer, acks=all), then marks them published. A failure leaves them unpublished and the
 * next tick tries again, so an event accepted while Kafka is down goes out when it is back. A crash between publish
 * and mark republishes the same event ids, which consumers ignore as duplicates: none is lost, none counted twice.
 * An entry that can never be published (larger than the producer takes, or not encodable) is parked: kept with its
 * reason, counted ({@code salespulse_outbox_parked_total}), listed at {@code GET /api/v1/admin/outbox/parked}, and
 * out of the way of everything after it. With several instances, only the holder of the {@link RelayLease} publishes.
 * A batch is marked published while the next one is read and published (one batch in marking at most); a round ends
 * with its last mark, so the next round starts from marked entries only. Idle, it backs off ({@link IdleBackoff}): an
 * append in this process wakes it; entries accepted by another instance are found within
 * {@code salespulse.outbox.idle-poll-max-ms}.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final AcceptedEventLog acceptedEvents;
    private final EventPublisher publisher;
    private final RelayLease lease;
    private final int batchSize;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final IdleBackoff idle;
    private final ExecutorService marker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-marker");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(
            AcceptedEventLog acceptedEvents,
            EventPublisher publisher,
            RelayLease lease,
            MeterRegistry meters,
            Clock clock,
            @Value("${salespulse.outbox.batch-size:500}") int batchSize,
            @Value("${salespulse.outbox.poll-interval-ms:100}") long pollMillis,
            @Value("${salespulse.outbox.idle-poll-max-ms:1000}") long idleMaxMillis) {
        this.idle = new IdleBackoff(Duration.ofMillis(pollMillis), Duration.ofMillis(idleMaxMillis));
        acceptedEvents.whenAppended(idle::wake);
        this.acceptedEvents = acceptedEvents;
        this.publisher = publisher;
        this.lease = lease;
        this.batchSize = batchSize;
        this.published = Counter.builder("salespulse.outbox.published")
                .description("Events published to Kafka")
                .register(meters);
        this.failures = Counter.builder("salespulse.outbox.failures")
                .description("Relay rounds that failed and will be retried")
                .register(meters);
        this.parked = Counter.builder("salespulse.outbox.parked")
                .description("Accepted events set aside because they can never be published")
                .register(meters);
        Gauge.builder("salespulse.outbox.backlog", acceptedEvents, AcceptedEventLog::backlog)
                .description("Accepted events not yet published")
                .register(meters);
        Gauge.builder(
                        "salespulse.outbox.oldest.age",
                        acceptedEvents,
                        log -> log.oldestUnpublished()
                                .map(oldest -> (double) Duration.between(oldest, clock.instant())
                                                .toMillis()
                                        / 1000)
                                .orElse(0.0))
                .baseUnit("seconds")
                .description("Age of the oldest unpublished accepted event")
                .register(meters);
    }

    /**
     * A tick: a round when there may be work (an append in this process woke it, the last round found some, or the idle
     * wait is over: idle, the relay reads the log once per {@code salespulse.outbox.idle-poll-max-ms}).
     */
    @Scheduled(fixedDelayString = "${salespulse.outbox.poll-interval-ms:100}")
    void relay() {
        if (!idle.due()) {
            return;
        }
        boolean found = false;
        double failuresBefore = failures.count();
        // Pipelined: while one batch is being marked published, the next is read and published. Marking is the
        // costlier half (it rewrites every entry of the batch), so a backlog drains at the pace of the marks alone.
        CompletableFuture<Void> marking = CompletableFuture.completedFuture(null);
        try {
            long after = Long.MIN_VALUE;
            // Renewed before every batch: a batch takes far less than the lease's term.
            while (lease.acquire()) {
                List<AcceptedEventLog.PendingEntry> batch = acceptedEvents.unpublished(after, batchSize);
                if (batch.isEmpty()) {
                    break;
                }
                found = true;
                List<String> toMark = publish(batch);
                marking.join();
                marking = CompletableFuture.runAsync(() -> acceptedEvents.markPublished(toMark), marker);
                after = batch.get(batch.size() - 1).sequence();
                if (batch.size() < batchSize) {
                    break;
                }
            }
            marking.join();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay round failed, will retry: {}", e.getMessage());
        } finally {
            // The next round reads from the oldest unpublished entry again: what is being marked is marked first.
            try {
                marking.join();
            } catch (RuntimeException alreadyCounted) {
                // a failed mark leaves its entries unpublished: they go out again, and consumers drop the repeats
            }
            // A failed round backs off as an idle one does: the broker may be away a while.
            idle.looked(found && failuresBefore == failures.count());
        }
    }

    @PreDestroy
    void stop() {
        marker.shutdown();
    }

    /**
     * Publishes a batch, in order, and returns the keys to mark published. When some entry of it can never be
     * published, the batch goes entry by entry instead, parking that one, and is marked here (nothing left to mark).
     */
    private List<String> publish(List<AcceptedEventLog.PendingEntry> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (batch.stream().allMatch(entry -> entry.unreadable() == null)) {
            try {
                List<EventEnvelope> events =
                        batch.stream().flatMap(entry -> entry.events().stream()).toList();
                publisher.publishAll(events);
                published.increment(events.size());
                return batch.stream().map(AcceptedEventLog.PendingEntry::key).toList();
            } catch (RuntimeException e) {
                if (!EventPublisher.isPermanent(e)) {
                    throw e;
                }
                // Some entry of the batch can never go out: find it, entry by entry, below.
            }
        }
        relayOneByOne(batch);
        return List.of();
    }

    /**
     * Publishes entry by entry, in order, parking those that can never be published. A failure that may pass (the
     * broker unreachable) stops the round there, so entries keep their order for the next one.
     */
    private void relayOneByOne(List<AcceptedEventLog.PendingEntry> batch) {
        List<String> done = new ArrayList<>();
        try {
            for (AcceptedEventLog.PendingEntry entry : batch) {
                if (entry.unreadable() != null) {
                    park(entry.key(), entry.unreadable());
                    continue;
                }
                try {
                    publisher.publishAll(entry.events());
                } catch (RuntimeException e) {
                    if (!EventPublisher.isPermanent(e)) {
                        throw e;
                    }
                    park(entry.key(), reason(e));
                    continue;
                }
                done.add(entry.key());
                published.increment(entry.events().size());
            }
        } finally {
            acceptedEvents.markPublished(done);
        }
    }

    private void park(String key, String reason) {
        acceptedEvents.park(key, reason);
        parked.increment();
        log.error("Outbox entry {} parked, it can never be published: {}", key, reason);
    }

    private static String reason(Throwable failure) {
        Throwable cause = EventPublisher.permanentCause(failure);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
