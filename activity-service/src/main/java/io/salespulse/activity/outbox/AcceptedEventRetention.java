package io.salespulse.activity.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import io.salespulse.kit.mongo.Retention;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the accepted-event log, and the keys of the activities that took the short path ({@link ActivityKeys}), to what
 * is in flight plus a window ({@code salespulse.retention.accepted-events},
 * 30 days by default): entries published longer ago are trimmed every hour, in small deletes while ingest goes on.
 * The window is the dedupe memory (a CRM resending an event older than it is accepted again), so it may not be shorter
 * than the topics' retention: an event Kafka still holds is one a consumer may still be replaying.
 */
@Component
class AcceptedEventRetention {

    private static final Logger log = LoggerFactory.getLogger(AcceptedEventRetention.class);

    private final AcceptedEventLog acceptedEvents;
    private final ActivityKeys activityKeys;
    private final Clock clock;
    private final Duration window;
    private final Duration lookBack;
    private final Counter trimmed;
    private final Counter keysTrimmed;

    AcceptedEventRetention(
            AcceptedEventLog acceptedEvents,
            ActivityKeys activityKeys,
            KafkaTopicsProperties topics,
            Clock clock,
            MeterRegistry meters,
            @Value("${salespulse.retention.accepted-events:30d}") Duration window,
            @Value("${salespulse.retention.look-back:90d}") Duration lookBack) {
        this.acceptedEvents = acceptedEvents;
        this.activityKeys = activityKeys;
        this.clock = clock;
        this.window = Retention.window("salespulse.retention.accepted-events", window, topics);
        this.lookBack = lookBack;
        this.trimmed = Retention.trimmed(meters, "accepted_events");
        this.keysTrimmed = Retention.trimmed(meters, "activity_keys");
    }

    @Scheduled(
            fixedDelayString = "${salespulse.retention.every-ms:3600000}",
            initialDelayString = "${salespulse.retention.initial-delay-ms:300000}")
    void trim() {
        try {
            AcceptedEventLog.Trimmed done = acceptedEvents.trim(clock.instant().minus(window), lookBack);
            trimmed.increment(done.entries());
            if (done.entries() > 0) {
                log.info(
                        "Trimmed {} accepted events published more than {} ago ({} ledger pages)",
                        done.entries(),
                        window,
                        done.ledgerPages());
            }
        } catch (RuntimeException e) {
            log.warn("Trimming the accepted-event log failed, will retry: {}", e.getMessage());
        }
        try {
            long keys = activityKeys.trim(clock.instant().minus(window), lookBack);
            keysTrimmed.increment(keys);
            if (keys > 0) {
                log.info("Trimmed {} keys of activities accepted more than {} ago", keys, window);
            }
        } catch (RuntimeException e) {
            log.warn("Trimming the activity keys failed, will retry: {}", e.getMessage());
        }
    }
}
