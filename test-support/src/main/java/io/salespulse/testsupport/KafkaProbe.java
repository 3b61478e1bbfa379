package io.salespulse.testsupport;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.kit.kafka.EventPublisher;
import io.salespulse.kit.kafka.EventRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Reads and writes SalesPulse events on the shared broker, for assertions and for feeding consumers. */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private final List<EventEnvelope> events = new ArrayList<>();

    private KafkaProbe(String bootstrapServers, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    /** A probe reading these topics from their beginning. */
    public static KafkaProbe reading(String... topics) {
        return new KafkaProbe(TestInfrastructure.kafkaBootstrapServers(), List.of(topics));
    }

    /** A probe reading these topics of another broker from their beginning. */
    public static KafkaProbe readingFrom(String bootstrapServers, String... topics) {
        return new KafkaProbe(bootstrapServers, List.of(topics));
    }

    /**
     * Waits until at least {@code atLeast} events matching the predicate have been read (since the probe started),
     * and returns all of those read so far, in read order.
     */
    public List<EventEnvelope> awaitEvents(Predicate<EventEnvelope> wanted, int atLeast, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            pollOnce();
            return matching(wanted).size() >= atLeast;
        });
        return matching(wanted);
    }

    /**
     * Keeps reading for a while, then returns every matching event read since the probe started: after
     * {@link #awaitEvents}, the check that nothing more (no duplicate) arrives.
     */
    public List<EventEnvelope> drain(Predicate<EventEnvelope> wanted, Duration during) {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            pollOnce();
        }
        return matching(wanted);
    }

    /** Waits until a raw record (poison included) matching the predicate has been read. */
    public ConsumerRecord<String, byte[]> awaitRecord(
            Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            pollOnce();
            return seen.stream().anyMatch(wanted);
        });
        return seen.stream().filter(wanted).findFirst().orElseThrow();
    }

    private List<EventEnvelope> matching(Predicate<EventEnvelope> wanted) {
        return new ArrayList<>(events.stream().filter(wanted).toList());
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(record);
            try {
                events.add(decode(record));
            } catch (RuntimeException poison) {
                // kept in seen() for raw checks
            }
        }
    }

    /** Raw records read so far (dead-letter checks look at headers). */
    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    public static EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return EventRecords.decode(record);
    }

    /** Publishes events as a SalesPulse producer would (binary-mode CloudEvents). */
    public static void publish(EventEnvelope... envelopes) {
        publishRaw(List.of(envelopes).stream().map(KafkaProbe::toRecord).toList());
    }

    /** Publishes records as given: for poison and malformed input. */
    public static void publishRaw(List<ProducerRecord<String, byte[]>> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    public static ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope) {
        return EventPublisher.toRecord(envelope);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
