package io.salespulse.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventType;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import io.salespulse.kit.mongo.LatestState;
import io.salespulse.kit.mongo.Retention;
import io.salespulse.notification.inbox.SignalInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log and the inbox of resolved signals to a window ({@code salespulse.retention.deliveries},
 * 90 days by default, never shorter than the topics' retention): every hour, deliveries that reached an end (sent,
 * failed, suppressed, sent in a digest) and were created before the window, and signals resolved before it, are
 * deleted in small batches. Deliveries still waiting are never deleted, whatever their age.
 */
@Component
class DeliveryRetention {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration window;
    private final Counter deliveries;
    private final Counter signals;

    DeliveryRetention(
            MongoTemplate mongo,
            KafkaTopicsProperties topics,
            Clock clock,
            MeterRegistry meters,
            @Value("${salespulse.retention.deliveries:90d}") Duration window) {
        this.mongo = mongo;
        this.clock = clock;
        this.window = Retention.window("salespulse.retention.deliveries", window, topics);
        this.deliveries = Retention.trimmed(meters, "deliveries");
        this.signals = Retention.trimmed(meters, "signal_inbox");
    }

    @Scheduled(
            fixedDelayString = "${salespulse.retention.every-ms:3600000}",
            initialDelayString = "${salespulse.retention.initial-delay-ms:300000}")
    void trim() {
        try {
            Instant cutoff = clock.instant().minus(window);
            long deletedDeliveries = Retention.delete(
                    mongo,
                    query(where("status")
                            .in(
                                    DeliveryStatus.SENT.name(),
                                    DeliveryStatus.FAILED.name(),
                                    DeliveryStatus.SUPPRESSED.name(),
                                    DeliveryStatus.DIGESTED.name())
                            .and("createdAt")
                            .lt(cutoff)),
                    DeliveryStore.COLLECTION);
            long deletedSignals = Retention.delete(
                    mongo,
                    query(where("lifecycle")
                            .is(EventType.SIGNAL_RESOLVED.typeName())
                            .and(LatestState.ORDER)
                            .lt(cutoff.toEpochMilli())),
                    SignalInbox.COLLECTION);
            deliveries.increment(deletedDeliveries);
            signals.increment(deletedSignals);
            if (deletedDeliveries + deletedSignals > 0) {
                log.info(
                        "Trimmed {} deliveries and {} resolved signals older than {}",
                        deletedDeliveries,
                        deletedSignals,
                        window);
            }
        } catch (RuntimeException e) {
            log.warn("Trimming the delivery log failed, will retry: {}", e.getMessage());
        }
    }
}
