package io.salespulse.kpi.objectives;

import io.salespulse.contracts.Topics;
import io.salespulse.contracts.objective.ObjectiveEvent;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#OBJECTIVES} into the {@link ObjectiveTracker}. */
@Component
class ObjectiveListener {

    static final String LISTENER = "kpi-objectives";

    private final ObjectiveTracker tracker;
    private final EventBatches batches;

    ObjectiveListener(ObjectiveTracker tracker, EventBatches batches) {
        this.tracker = tracker;
        this.batches = batches;
    }

    @KafkaListener(id = LISTENER, idIsGroup = false, topics = Topics.OBJECTIVES)
    void onObjectives(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> tracker.apply(envelope.dataAs(ObjectiveEvent.class)));
    }
}
