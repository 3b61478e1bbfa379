package io.salespulse.kit.kafka;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.core.JacksonException;

/**
 * The one way a service puts events on Kafka: CloudEvents binary mode, keyed by the event's aggregate id, on the
 * topic its type belongs to. The producer is idempotent with acks=all (see service-kit's salespulse-kit-defaults.yml).
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /**
     * Sends one event; the future completes when the broker has it. Throws {@link EventEncodingException} when the
     * event cannot be made a record at all.
     */
    public CompletableFuture<SendResult<String, byte[]>> publish(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record;
        try {
            record = toRecord(envelope);
        } catch (RuntimeException e) {
            throw new EventEncodingException("Event " + envelope.id() + " cannot be encoded: " + e.getMessage(), e);
        }
        return kafka.send(record);
    }

    /**
     * Sends events in order and waits until the broker has them all. Records for one key keep their order
     * (idempotent producer), so a batch is as ordered as a sequence of single sends, at a fraction of the cost.
     */
    public void publishAll(List<EventEnvelope> envelopes) {
        CompletableFuture<?>[] sends = envelopes.stream().map(this::publish).toArray(CompletableFuture[]::new);
        kafka.flush();
        CompletableFuture.allOf(sends).join();
    }

    /**
     * Sends events in order and waits at most {@code wait} for the broker to have them; returns the failures by the
     * index of their event (a send the producer refused, or one the broker did not confirm in time: a
     * {@link TimeoutException}), none when all are durable. Never flushes the producer, so one caller waits for its own
     * records only. A send refused at once for a reason that may pass (the broker unreachable) fails the rest of the
     * list with it, unsent: each would wait {@code max.block.ms} again.
     */
    public Map<Integer, Throwable> publishWithin(List<EventEnvelope> envelopes, Duration wait) {
        Map<Integer, Throwable> failures = new TreeMap<>();
        List<CompletableFuture<?>> sends = new ArrayList<>(envelopes.size());
        for (int i = 0; i < envelopes.size(); i++) {
            Throwable refused;
            try {
                CompletableFuture<?> send = publish(envelopes.get(i));
                refused = send.isCompletedExceptionally() ? failureOf(send) : null;
                sends.add(refused == null ? send : null);
            } catch (RuntimeException e) {
                refused = e;
                sends.add(null);
            }
            if (refused != null) {
                failures.put(i, refused);
                if (!isPermanent(refused)) {
                    for (int rest = i + 1; rest < envelopes.size(); rest++) {
                        failures.put(rest, refused);
                    }
                    break;
                }
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            CompletableFuture<?> send = sends.get(i);
            if (send == null) {
                continue;
            }
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failures.put(i, e.getCause() == null ? e : e.getCause());
            } catch (TimeoutException e) {
                failures.put(i, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(i, e);
            }
        }
        return failures;
    }

    private static Throwable failureOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /**
     * Whether a failure to publish is one no retry can cure: the record is too large, or the event cannot be turned into
     * a record.
     */
    public static boolean isPermanent(Throwable failure) {
        return permanentCause(failure) != null;
    }

    /** The cause that makes a failure permanent, or {@code null}. */
    public static Throwable permanentCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof SerializationException
                    || cause instanceof InvalidRecordException
                    || cause instanceof JacksonException
                    || cause instanceof EventEncodingException) {
                return cause;
            }
        }
        return null;
    }

    /** The Kafka record of an event: topic by type, key by aggregate, CloudEvents binary-mode headers. */
    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(envelope.topic(), envelope.key(), EventCodec.toJson(envelope.data()));
        EventCodec.headers(envelope)
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, EventCodec.bytes(value))));
        return record;
    }
}
