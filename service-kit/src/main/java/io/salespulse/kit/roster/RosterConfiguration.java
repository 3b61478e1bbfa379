package io.salespulse.kit.roster;

import io.salespulse.kit.kafka.EventBatches;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    RosterStore rosterStore(MongoTemplate mongo) {
        return new RosterStore(mongo);
    }

    @Bean
    RosterListener rosterListener(
            RosterStore rosterStore, EventBatches eventBatches, ApplicationEventPublisher events) {
        return new RosterListener(rosterStore, eventBatches, events);
    }
}
