package io.salespulse.notification.delivery.senders;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.notification.channels.Channel;
import io.salespulse.notification.outbound.OutboundPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that resolved to a public address when it was checked and resolves to 127.0.0.1 when it is
 * called. The sender connects only to the addresses the outbound policy judged in the same resolution, so the server
 * listening on 127.0.0.1 is never called; with loopback allowed (the local run) the same server is reached, so the
 * refusals are not for want of a way there.
 */
class HttpSenderRebindingTest {

    HttpServer inside;
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        inside = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        inside.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        inside.start();
    }

    @AfterEach
    void stop() {
        inside.stop(0);
    }

    private ChannelSender.Outgoing to(String host) {
        return new ChannelSender.Outgoing(
                "d-1", "mgr-1", "http://" + host + ":" + inside.getAddress().getPort() + "/hook", "{}");
    }

    @Test
    void aNameThatResolvesOutsideThenTo127001IsNeverCalled() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        // First answer public (TEST-NET-3: nothing answers there), every later one the loopback where the server
        // listens.
        OutboundPolicy rebinding = new OutboundPolicy(
                false,
                List.of(),
                host -> lookups.getAndIncrement() == 0
                        ? new InetAddress[] {InetAddress.getByName("203.0.113.10")}
                        : new InetAddress[] {InetAddress.getByName("127.0.0.1")});
        HttpSender sender = new HttpSender(Channel.WEBHOOK, Duration.ofSeconds(1), rebinding);

        Attempt first = sender.send(to("localhost")).get();
        assertThat(first.result()).isEqualTo(Attempt.Result.RETRYABLE);
        Attempt second = sender.send(to("localhost")).get();
        assertThat(second.result()).isEqualTo(Attempt.Result.PERMANENT);
        assertThat(second.detail()).isEqualTo("refused by the outbound policy");
        assertThat(lookups).hasValue(2);
        assertThat(calls).hasValue(0);

        // The same server, the same name, loopback allowed: reached. The refusal above is the policy's.
        HttpSender local = new HttpSender(
                Channel.WEBHOOK, Duration.ofSeconds(1), new OutboundPolicy(true, List.of(), InetAddress::getAllByName));
        Attempt reached = local.send(to("localhost")).get();
        assertThat(reached.result()).as(reached.detail()).isEqualTo(Attempt.Result.DELIVERED);
        assertThat(calls).hasValue(1);
    }
}
