package io.salespulse.notification.delivery.senders;

import io.salespulse.notification.outbound.OutboundPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channels whose message is posted as it is: a Slack incoming webhook and a Teams workflow webhook. */
@Configuration
class Senders {

    @Bean
    ChannelSender slackSender(
            @Value("${salespulse.notifications.http-timeout:10s}") Duration timeout, OutboundPolicy outbound) {
        return new HttpSender("slack", timeout, outbound);
    }

    @Bean
    ChannelSender teamsSender(
            @Value("${salespulse.notifications.http-timeout:10s}") Duration timeout, OutboundPolicy outbound) {
        return new HttpSender("teams", timeout, outbound);
    }
}
