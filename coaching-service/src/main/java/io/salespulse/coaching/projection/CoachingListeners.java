package io.salespulse.coaching.projection;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes the KPI and deal topics into {@link CoachingFacts}. */
@Component
class CoachingListeners {

    private final CoachingFacts facts;
    private final EventBatches batches;

    CoachingListeners(CoachingFacts facts, EventBatches batches) {
        this.facts = facts;
        this.batches = batches;
    }

    @KafkaListener(id = "coaching-kpis", idIsGroup = false, topics = Topics.KPIS)
    void onKpis(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, facts::record);
    }

    @KafkaListener(id = "coaching-deals", idIsGroup = false, topics = Topics.DEALS)
    void onDeals(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, facts::record);
    }
}
