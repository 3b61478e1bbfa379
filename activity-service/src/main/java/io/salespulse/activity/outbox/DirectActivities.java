package io.salespulse.activity.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.activity.ActivityEvent;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.web.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The short path of activity events (calls, emails, meetings): they carry no aggregate state at ingest, so they go
 * to Kafka at once (idempotent producer, {@code acks=all}) instead of through the accepted-event log and its relay. A
 * request's activities are acknowledged once the broker has them; when it does not confirm them within
 * {@code salespulse.ingest.publish-wait} (default 5 s), the request is answered {@code 503} with {@code Retry-After}
 * and nothing unconfirmed is acknowledged. Duplicates are told from {@link ActivityKeys}, which keeps (source, id)
 * alone: a key is held by one request from its reservation to its publication; another request carrying it meanwhile
 * is answered 503 too (sent again, it is a duplicate, or new if the first gave up), so two deliveries racing never
 * publish it twice. An activity no retry can publish (too large for the broker) goes into the accepted-event log instead, where
 * the relay parks it with its reason, as it parks any entry that can never go out. With
 * {@code salespulse.ingest.activities=log} activities take the log's path as every other event.
 */
@Component
public class DirectActivities {

    private static final Logger log = LoggerFactory.getLogger(DirectActivities.class);

    private final ActivityKeys keys;
    private final AcceptedEventLog acceptedEvents;
    private final EventPublisher publisher;
    private final boolean enabled;
    private final Duration wait;
    private final Duration hold;
    private final long retryAfterSeconds;
    private final Counter published;
    private final Counter refused;

    DirectActivities(
            ActivityKeys keys,
            AcceptedEventLog acceptedEvents,
            EventPublisher publisher,
            MeterRegistry meters,
            @Value("${salespulse.ingest.activities:direct}") String path,
            @Value("${salespulse.ingest.publish-wait:5s}") Duration wait,
            @Value("${salespulse.ingest.retry-after-seconds:5}") long retryAfterSeconds) {
        if (!path.equals("direct") && !path.equals("log")) {
            throw new IllegalArgumentException("salespulse.ingest.activities must be direct or log, not " + path);
        }
        this.keys = keys;
        this.acceptedEvents = acceptedEvents;
        this.publisher = publisher;
        this.enabled = path.equals("direct");
        this.wait = wait;
        // Longer than a request holds its keys: its publish wait, and the writes around it.
        this.hold = wait.plusSeconds(10);
        this.retryAfterSeconds = retryAfterSeconds;
        this.published = Counter.builder("salespulse.ingest.direct.published")
                .description("Activity events published to Kafka at ingest (the short path)")
                .register(meters);
        this.refused = Counter.builder("salespulse.ingest.direct.unconfirmed")
                .description("Activity events the broker did not confirm at ingest: answered 503, not acknowledged")
                .register(meters);
    }

    /** Whether an entry takes the short path: it only holds activity events and moves no aggregate. */
    public boolean takes(AcceptedEventLog.Entry entry) {
        return enabled
                && entry.versioned() == null
                && !entry.events().isEmpty()
                && entry.events().stream().allMatch(event -> event.data() instanceof ActivityEvent);
    }

    /**
     * Publishes entries the short path {@link #takes} (of distinct keys) and returns the keys of those accepted before:
     * duplicates. When this returns, every other entry is durable in Kafka; throws {@link UnavailableException} when
     * some are not (those that were are duplicates when sent again).
     */
    public Set<String> publish(List<AcceptedEventLog.Entry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        ActivityKeys.Reservation reservation =
                keys.reserve(entries.stream().map(AcceptedEventLog.Entry::key).toList(), hold);
        if (!reservation.inFlight().isEmpty()) {
            // Another request is publishing some of them: this one waits for it to be done (or to give up).
            keys.release(reservation, reservation.ours());
            throw new UnavailableException(
                    reservation.inFlight().size() + " of this request's activities are being accepted by another"
                            + " request: nothing of it was accepted. Send it again; what the other accepted counts as"
                            + " duplicates then.",
                    retryAfterSeconds);
        }
        Set<String> duplicates = new HashSet<>(reservation.duplicates());
        List<AcceptedEventLog.Entry> fresh = entries.stream()
                .filter(entry -> !duplicates.contains(entry.key()))
                .toList();
        List<EventEnvelope> events = new ArrayList<>();
        List<AcceptedEventLog.Entry> owners = new ArrayList<>();
        for (AcceptedEventLog.Entry entry : fresh) {
            for (EventEnvelope event : entry.events()) {
                events.add(event);
                owners.add(entry);
            }
        }
        Map<Integer, Throwable> failures = publisher.publishWithin(events, wait);
        Set<String> failed = new HashSet<>();
        List<AcceptedEventLog.Entry> neverPublishable = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        Throwable away = null;
        for (Map.Entry<Integer, Throwable> failure : failures.entrySet()) {
            AcceptedEventLog.Entry entry = owners.get(failure.getKey());
            if (!failed.add(entry.key())) {
                continue;
            }
            if (EventPublisher.isPermanent(failure.getValue())) {
                neverPublishable.add(entry);
            } else {
                unconfirmed.add(entry.key());
                away = failure.getValue();
            }
        }
        List<String> durable = fresh.stream()
                .map(AcceptedEventLog.Entry::key)
                .filter(key -> !failed.contains(key))
                .toList();
        published.increment(events.size() - failures.size());
        keys.published(durable);
        if (!neverPublishable.isEmpty()) {
            // Kept in the log, where the relay parks them with their reason; the log tells its own duplicates.
            duplicates.addAll(acceptedEvents.append(neverPublishable));
            keys.published(
                    neverPublishable.stream().map(AcceptedEventLog.Entry::key).toList());
        }
        if (away != null) {
            // Given back, so the sender's retry publishes them at once (a record the producer still holds may yet
            // reach the broker: the retry's copy carries the same id, which consumers drop).
            keys.release(reservation, unconfirmed);
            refused.increment(unconfirmed.size());
            log.warn(
                    "{} activities not confirmed by the broker, answered 503: {}", unconfirmed.size(), away.toString());
            throw new UnavailableException(
                    "The event broker did not confirm " + unconfirmed.size() + " of this request's activities in "
                            + wait
                            + ": they were not accepted. Send the request again; what was accepted counts as"
                            + " duplicates then.",
                    retryAfterSeconds);
        }
        return duplicates;
    }
}
