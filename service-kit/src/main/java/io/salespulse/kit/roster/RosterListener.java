package io.salespulse.kit.roster;

import io.salespulse.contracts.Topics;
import io.salespulse.contracts.org.OrgEvent;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

/** Keeps the service's roster copy current from {@link Topics#ORG}, and tells the service of each change ({@link RosterApplied}). */
public class RosterListener {

    private static final Logger log = LoggerFactory.getLogger(RosterListener.class);
    private final RosterStore roster;
    private final EventBatches batches;
    private final ApplicationEventPublisher events;

    public RosterListener(RosterStore roster, EventBatches batches, ApplicationEventPublisher events) {
        this.roster = roster;
        this.batches = batches;
        this.events = events;
    }

    @KafkaListener(id = "${spring.application.name}-org", idIsGroup = false, topics = Topics.ORG)
    void onOrg(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, envelope -> {
            OrgEvent event = envelope.dataAs(OrgEvent.class);
            roster.apply(event);
            events.publishEvent(new RosterApplied(event));
            log.debug("Roster change {} applied", envelope.id());
        });
    }
}
