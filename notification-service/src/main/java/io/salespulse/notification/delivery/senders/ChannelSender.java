package io.salespulse.notification.delivery.senders;

import io.salespulse.notification.channels.Channel;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one delivery on one channel. Each sender bounds its own attempt (a time-out for the whole exchange) and
 * settles with an {@link Attempt}, never with an exception.
 */
public interface ChannelSender {

    /** The channel it serves. */
    Channel channel();

    CompletableFuture<Attempt> send(Outgoing outgoing);

    /**
     * One delivery to send.
     *
     * @param id        the delivery's id (a webhook receiver sees it, the same on every attempt)
     * @param managerId whose delivery it is
     * @param target    the URL or the email address
     * @param payload   the rendered message
     */
    record Outgoing(String id, String managerId, String target, String payload) {}
}
