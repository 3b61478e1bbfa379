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

    AccountListener(AccountBook book, EventBatches batches) {
        this.book = book;
        this.batches = batches;
    }

    @KafkaListener(id = ACCOUNTS_LISTENER, idIsGroup = false, topics = Topics.ACCOUNTS)
    void onAccounts(List<ConsumerRecord<String, byte[]>> records) {
        batches.forEach(records, book::apply);
    }
}
