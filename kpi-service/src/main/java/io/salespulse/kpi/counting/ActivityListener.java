package io.salespulse.kpi.counting;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#ACTIVITIES} and {@link Topics#DEALS} in batches and hands them to {@link KpiCounting}. */
@Component
class ActivityListener {

    static final String ACTIVITIES_LISTENER = "kpi-activities";
    static final String DEALS_LISTENER = "kpi-deals";

    private final KpiCounting counting;
    private final EventBatches batches;

    ActivityListener(KpiCounting counting, EventBatches batches) {
        this.counting = counting;
        this.batches = batches;
    }

    @KafkaListener(id = ACTIVITIES_LISTENER, idIsGroup = false, topics = Topics.ACTIVITIES)
    void onActivities(List<ConsumerRecord<String, byte[]>> records) {
        count(records);
    }

    @KafkaListener(id = DEALS_LISTENER, idIsGroup = false, topics = Topics.DEALS)
    void onDeals(List<ConsumerRecord<String, byte[]>> records) {
        count(records);
    }

    private void count(List<ConsumerRecord<String, byte[]>> records) {
        batches.forConsumedBatch(records, counting::count);
    }
}
