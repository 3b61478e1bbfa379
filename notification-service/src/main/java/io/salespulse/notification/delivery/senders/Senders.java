package io.salespulse.notification.delivery.senders;

import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.config.NotificationSettings;
import io.salespulse.notification.outbound.OutboundPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channels whose message is posted as it is: a Slack incoming webhook and a Teams workflow webhook. */
@Configuration
class Senders {

    @Bean
    ChannelSender slackSender(NotificationSettings settings, OutboundPolicy outbound) {
        return new HttpSender(Channel.SLACK, settings.httpTimeout(), outbound);
    }

    @Bean
    ChannelSender teamsSender(NotificationSettings settings, OutboundPolicy outbound) {
        return new HttpSender(Channel.TEAMS, settings.httpTimeout(), outbound);
    }
}
