package io.salespulse.coaching.signals;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.kit.kafka.KafkaTopicsProperties;
import io.salespulse.kit.mongo.Retention;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps resolved signals for a window ({@code salespulse.retention.resolved-signals}, 180 days by default, never
 * shorter than the topics' retention) and deletes older ones every hour, in small batches. Open and acknowledged
 * signals are never deleted; the rules' cool-downs look back far less than the window.
 */
@Component
class SignalRetention {

    private static final Logger log = LoggerFactory.getLogger(SignalRetention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration window;
    private final Counter trimmed;

    SignalRetention(
            MongoTemplate mongo,
            KafkaTopicsProperties topics,
            Clock clock,
            MeterRegistry meters,
            @Value("${salespulse.retention.resolved-signals:180d}") Duration window) {
        this.mongo = mongo;
        this.clock = clock;
        this.window = Retention.window("salespulse.retention.resolved-signals", window, topics);
        this.trimmed = Retention.trimmed(meters, "resolved_signals");
    }

    @Scheduled(
            fixedDelayString = "${salespulse.retention.every-ms:3600000}",
            initialDelayString = "${salespulse.retention.initial-delay-ms:300000}")
    void trim() {
        try {
            long deleted = Retention.delete(
                    mongo,
                    query(where("status")
                            .is(SignalStatus.RESOLVED)
                            .and("resolvedAt")
                            .lt(clock.instant().minus(window))),
                    SignalStore.COLLECTION);
            trimmed.increment(deleted);
            if (deleted > 0) {
                log.info("Trimmed {} signals resolved more than {} ago", deleted, window);
            }
        } catch (RuntimeException e) {
            log.warn("Trimming resolved signals failed, will retry: {}", e.getMessage());
        }
    }
}
