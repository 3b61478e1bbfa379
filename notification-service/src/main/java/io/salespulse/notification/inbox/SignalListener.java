package io.salespulse.notification.inbox;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#SIGNALS} into the {@link SignalInbox}, and hands the team pulse's invitations on. */
@Component
class SignalListener {

    private final SignalInbox inbox;
    private final SignalRouting routing;
    private final EventBatches batches;

    private final org.springframework.context.ApplicationEventPublisher events;

    SignalListener(
            SignalInbox inbox,
            SignalRouting routing,
            EventBatches batches,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.inbox = inbox;
        this.routing = routing;
        this.batches = batches;
    }

    @KafkaListener(id = "notification-signals", idIsGroup = false, topics = Topics.SIGNALS)
    void onSignals(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> {
            if (envelope.data() instanceof io.salespulse.contracts.pulse.PulseInvited invited) {
                events.publishEvent(invited); // a rep's pulse question, not a signal: sent by the pulse package
                return;
            }
            inbox.record(envelope);
            routing.on(envelope.dataAs(io.salespulse.contracts.signal.SignalEvent.class));
        });
    }
}
