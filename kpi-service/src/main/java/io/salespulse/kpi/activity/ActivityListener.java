package io.salespulse.kpi.activity;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#ACTIVITIES} in batches and hands them to {@link ActivityKpis}. */
@Component
class ActivityListener {

    private final ActivityKpis kpis;
    private final EventBatches batches;

    ActivityListener(ActivityKpis kpis, EventBatches batches) {
        this.kpis = kpis;
        this.batches = batches;
    }

    @KafkaListener(id = "kpi-activities", idIsGroup = false, topics = Topics.ACTIVITIES)
    void onActivities(List<ConsumerRecord<String, byte[]>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        // Poison is found (and dead-lettered) before anything of the batch is counted.
        batches.forEach(records, events::add);
        kpis.count(events);
    }
}
