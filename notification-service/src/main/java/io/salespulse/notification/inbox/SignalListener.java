package io.salespulse.notification.inbox;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#SIGNALS} into the {@link SignalInbox}. */
@Component
class SignalListener {

    private final SignalInbox inbox;
    private final SignalRouting routing;
    private final EventBatches batches;

    SignalListener(SignalInbox inbox, SignalRouting routing, EventBatches batches) {
        this.inbox = inbox;
        this.routing = routing;
        this.batches = batches;
    }

    @KafkaListener(id = "notification-signals", idIsGroup = false, topics = Topics.SIGNALS)
    void onSignals(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> {
            inbox.record(envelope);
            routing.on(envelope.dataAs(io.salespulse.contracts.signal.SignalEvent.class));
        });
    }
}
