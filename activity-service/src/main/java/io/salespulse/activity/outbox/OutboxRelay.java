package io.salespulse.activity.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.kit.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * With several instances, only the holder of the {@link RelayLease} publishes.
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

    OutboxRelay(AcceptedEventLog acceptedEvents, EventPublisher publisher, RelayLease lease, MeterRegistry meters,
                Clock clock, @Value("${salespulse.outbox.batch-size:500}") int batchSize) {
        this.acceptedEvents = acceptedEvents;
        this.publisher = publisher;
        this.lease = lease;
        this.batchSize = batchSize;
        this.published = Counter.builder("salespulse.outbox.published").description("Events published to Kafka").register(meters);
        this.failures = Counter.builder("salespulse.outbox.failures").description("Relay rounds that failed and will be retried").register(meters);
        Gauge.builder("salespulse.outbox.backlog", acceptedEvents, AcceptedEventLog::backlog)
                .description("Accepted events not yet published").register(meters);
        Gauge.builder("salespulse.outbox.oldest.age", acceptedEvents, log -> log.oldestUnpublished()
                        .map(oldest -> (double) Duration.between(oldest, clock.instant()).toMillis() / 1000).orElse(0.0))
                .baseUnit("seconds").description("Age of the oldest unpublished accepted event").register(meters);
    }

    @Scheduled(fixedDelayString = "${salespulse.outbox.poll-interval-ms:100}")
    void relay() {
        try {
            // Renewed before every batch: a batch takes far less than the lease's term.
            while (lease.acquire() && relayOnce() == batchSize) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay round failed, will retry: {}", e.getMessage());
        }
    }

    /** Publishes one batch; returns how many entries it took. */
    int relayOnce() {
        List<AcceptedEventLog.PendingEntry> batch = acceptedEvents.unpublished(batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        List<EventEnvelope> events = batch.stream().flatMap(entry -> entry.events().stream()).toList();
        publisher.publishAll(events);
        acceptedEvents.markPublished(batch.stream().map(AcceptedEventLog.PendingEntry::key).toList());
        published.increment(events.size());
        return batch.size();
    }
}
