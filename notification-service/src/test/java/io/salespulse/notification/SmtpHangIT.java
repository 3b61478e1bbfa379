package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An SMTP server that accepts connections and never says a word: the email attempts time out (SMTP time-outs), are
 * retried later, and the other managers' Slack messages go out in time all the same.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.mail.properties.mail.smtp.connectiontimeout=1000", "spring.mail.properties.mail.smtp.timeout=1500",
            "spring.mail.properties.mail.smtp.writetimeout=1500",
                    "salespulse.notifications.digest-initial-delay-ms=3600000"
        })
@RealInfrastructure
class SmtpHangIT {

    /** Accepts and holds every connection, silent. */
    static final ServerSocket SILENT_SMTP;

    static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    static {
        try {
            SILENT_SMTP = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(
                () -> {
                    while (!SILENT_SMTP.isClosed()) {
                        try {
                            HELD.add(SILENT_SMTP.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SILENT_SMTP::getLocalPort);
    }

    @AfterAll
    static void stop() throws IOException {
        SILENT_SMTP.close();
        for (Socket socket : HELD) {
            socket.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private void queue(String id, String manager, String channel, String target) {
        QueuedDeliveries.queue(
                mongo,
                id,
                manager,
                channel,
                target,
                "email".equals(channel)
                        ? "{\"subject\":\"s\",\"text\":\"t\",\"html\":\"<p>t</p>\"}"
                        : "{\"text\":\"x\"}",
                false,
                false);
    }

    private JsonNode delivery(String manager, String channel) {
        return QueuedDeliveries.delivery(port, manager, channel);
    }

    @Test
    void anSmtpServerThatNeverAnswersHoldsUpNoOtherManager() throws IOException {
        AtomicInteger slackCalls = new AtomicInteger();
        HttpServer slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            slackCalls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        slack.start();
        try {
            String[] emailed = new String[3];
            for (int i = 0; i < emailed.length; i++) {
                emailed[i] = "m-mail-" + UUID.randomUUID().toString().substring(0, 8);
                queue(emailed[i] + "|email", emailed[i], "email", emailed[i] + "@example.com");
            }
            // Once the silent server holds the email sessions, other managers' messages are queued.
            await().atMost(Duration.ofSeconds(10)).until(() -> !HELD.isEmpty());
            int others = 5;
            List<String> managers = new ArrayList<>();
            Instant queued = Instant.now();
            for (int i = 0; i < others; i++) {
                String manager = "m-slack-" + UUID.randomUUID().toString().substring(0, 8);
                managers.add(manager);
                queue(
                        manager + "|slack",
                        manager,
                        "slack",
                        "http://127.0.0.1:" + slack.getAddress().getPort() + "/slack/" + manager);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (String manager : managers) {
                    assertThat(delivery(manager, "slack").get("status").asString())
                            .isEqualTo("SENT");
                }
            });
            Instant lastSent = managers.stream()
                    .map(m -> Instant.parse(delivery(m, "slack").get("sentAt").asString()))
                    .max(Instant::compareTo)
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                for (String manager : emailed) {
                    JsonNode attempts = delivery(manager, "email").path("attempts");
                    assertThat(attempts.size()).isPositive();
                    assertThat(attempts.get(0).get("detail").asString()).isIn("timed out", "unreachable");
                }
            });
            System.out.printf(
                    "fault SMTP server that never answers: sent %d, accepted %d, counted %d (Slack messages to the other managers, "
                            + "last %d ms after queueing), lost %d, doubled %d%n",
                    others,
                    others,
                    slackCalls.get(),
                    Duration.between(queued, lastSent).toMillis(),
                    Math.max(0, others - slackCalls.get()),
                    Math.max(0, slackCalls.get() - others));
            assertThat(slackCalls.get()).isEqualTo(others);
            assertThat(Duration.between(queued, lastSent)).isLessThan(Duration.ofSeconds(5));
        } finally {
            slack.stop(0);
        }
    }
}
