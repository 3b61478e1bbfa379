package io.salespulse.kpi.accounts;

import io.salespulse.contracts.Topics;
import io.salespulse.kit.kafka.EventBatches;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@link Topics#ACCOUNTS} in batches into the {@link AccountBook}. */
@Component
class AccountListener {

    static final String ACCOUNTS_LISTENER = "kpi-accounts";

    private final AccountBook book;
    private final EventBatches batches;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final io.salespulse.kit.roster.RosterStore roster;

    private final io.salespulse.kpi.changes.FigureChanges changes;

    AccountListener(
            AccountBook book,
            EventBatches batches,
            org.springframework.context.ApplicationEventPublisher events,
            io.salespulse.kit.roster.RosterStore roster,
            io.salespulse.kpi.changes.FigureChanges changes) {
        this.book = book;
        this.batches = batches;
        this.events = events;
        this.roster = roster;
        this.changes = changes;
    }

    /** A batch's facts are all recorded, then the customer success objectives of the CSMs concerned are judged again. */
    @KafkaListener(id = ACCOUNTS_LISTENER, idIsGroup = false, topics = Topics.ACCOUNTS)
    void onAccounts(List<ConsumerRecord<String, byte[]>> records) {
        batches.forBatch(records, envelopes -> {
            java.util.Set<String> csms = new java.util.HashSet<>();
            java.util.Set<String> teams = new java.util.HashSet<>();
            for (io.salespulse.contracts.EventEnvelope envelope : envelopes) {
                book.apply(envelope);
                if (envelope.data() instanceof io.salespulse.contracts.account.ContractChanged changed
                        && changed.csmRepId() != null) {
                    csms.add(changed.csmRepId());
                    roster.teamOf(changed.csmRepId()).ifPresent(team -> teams.add(team.teamId()));
                }
            }
            if (!csms.isEmpty()) {
                events.publishEvent(new CustomersChanged(csms, teams));
            }
            changes.anyTeam();
        });
    }
}
