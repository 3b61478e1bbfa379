package io.salespulse.notification.kpis;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#KPIS} into {@link TeamFiguresStore}. */
@Component
class KpiListener {

    private final TeamFiguresStore figures;
    private final EventBatches batches;

    KpiListener(TeamFiguresStore figures, EventBatches batches) {
        this.figures = figures;
        this.batches = batches;
    }

    @KafkaListener(id = "notification-kpis", idIsGroup = false, topics = Topics.KPIS)
    void onKpis(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, figures::record);
    }
}
