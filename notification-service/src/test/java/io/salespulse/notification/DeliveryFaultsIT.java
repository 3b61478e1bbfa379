package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Delivery faults against live local endpoints: a 429 with Retry-After is retried no sooner than it asks, a
 * time-out is retried, a redirect is not followed, and a crash between sending and logging tells the manager once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "salespulse.notifications.http-timeout=1s",
            "salespulse.notifications.digest-initial-delay-ms=3600000"
        })
@RealInfrastructure
class DeliveryFaultsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    MongoTemplate mongo;

    HttpServer stub;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<String> deliveryIds = new CopyOnWriteArrayList<>();
    final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        stub.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int call = calls.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            if (exchange.getRequestHeaders().getFirst("X-SalesPulse-Delivery") != null) {
                deliveryIds.add(exchange.getRequestHeaders().getFirst("X-SalesPulse-Delivery"));
            }
            if (path.startsWith("/redirect")) {
                // Sends the call on to another address: never followed, whatever it names.
                exchange.getResponseHeaders().add("Location", url("/landing" + path));
                exchange.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/busy") && call == 1) {
                exchange.getResponseHeaders().add("Retry-After", "2");
                exchange.sendResponseHeaders(429, -1);
            } else if (path.startsWith("/busy-for-an-hour")) {
                exchange.getResponseHeaders().add("Retry-After", "3600");
                exchange.sendResponseHeaders(429, -1);
            } else if (path.startsWith("/trickle")) {
                // Headers at once, then a body one byte at a time, for far longer than the 1 s limit.
                exchange.sendResponseHeaders(200, 0);
                try (var body = exchange.getResponseBody()) {
                    for (int i = 0; i < 80 && held.getCount() > 0; i++) {
                        body.write('.');
                        body.flush();
                        held.await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up: what this stub is for
                }
            } else if (path.startsWith("/hang")) {
                try {
                    held.await(8, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            } else if (path.startsWith("/slow") && call == 1) {
                // Holds the answer past the client's 1 s time-out (until the test ends, 3 s at most).
                try {
                    held.await(3, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        held.countDown();
        stub.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + path;
    }

    private void queue(String id, String manager, String channel, String target, boolean claimed, boolean inFlight) {
        QueuedDeliveries.queue(mongo, id, manager, channel, target, "{\"text\":\"x\"}", claimed, inFlight);
    }

    private JsonNode delivery(String manager, String channel) {
        return QueuedDeliveries.delivery(port, manager, channel);
    }

    @Test
    void aRedirectIsNeverFollowed() {
        String manager = "m-" + UUID.randomUUID().toString().substring(0, 8);
        queue(manager + "|slack", manager, "slack", url("/redirect-" + manager), false, false);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                delivery(manager, "slack").get("status").asString())
                        .isEqualTo("FAILED"));
        assertThat(delivery(manager, "slack")
                        .get("attempts")
                        .get(0)
                        .get("detail")
                        .asString())
                .isEqualTo("HTTP 302: permanent");
        assertThat(calls.get("/redirect-" + manager)).hasValue(1);
        assertThat(calls).doesNotContainKey("/landing/redirect-" + manager);
    }

    @Test
    void tooManyRequestsIsRetriedNoSoonerThanRetryAfterAndATimeOutIsRetried() {
        String manager = "m-" + UUID.randomUUID().toString().substring(0, 8);
        queue(manager + "|slack", manager, "slack", url("/busy-" + manager), false, false);
        queue(manager + "|teams", manager, "teams", url("/slow-" + manager), false, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(delivery(manager, "slack").get("status").asString()).isEqualTo("SENT");
            assertThat(delivery(manager, "teams").get("status").asString()).isEqualTo("SENT");
        });
        JsonNode busy = delivery(manager, "slack").get("attempts");
        assertThat(busy).hasSize(2);
        assertThat(busy.get(0).get("detail").asString()).isEqualTo("HTTP 429");
        Duration waited = Duration.between(
                Instant.parse(busy.get(0).get("at").asString()),
                Instant.parse(busy.get(1).get("at").asString()));
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        JsonNode slow = delivery(manager, "teams").get("attempts");
        assertThat(slow).hasSize(2);
        assertThat(slow.get(0).get("detail").asString()).isEqualTo("timed out");
        assertThat(slow.get(1).get("detail").asString()).isEqualTo("HTTP 200");
    }

    @Test
    void endpointsThatTrickleHangOrAskForAnHourNeverHoldAnotherManagersMessage() {
        String stuck = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "m-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.put("http://localhost:" + port + "/api/v1/managers/" + stuck + "/preferences", """
                {"webhookUrl":"%s","webhookSecret":"shh","locale":"fr","timezone":"UTC"}""".formatted(
                                        url("/busy-for-an-hour-" + stuck)))
                        .status())
                .isEqualTo(200);
        queue(stuck + "|slack", stuck, "slack", url("/trickle-" + stuck), false, false);
        queue(stuck + "|teams", stuck, "teams", url("/hang-" + stuck), false, false);
        queue(stuck + "|webhook", stuck, "webhook", url("/busy-for-an-hour-" + stuck), false, false);
        // Queued once the stuck ones are being sent: it comes in a later round, which must not wait for theirs.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> calls.containsKey("/trickle-" + stuck) && calls.containsKey("/hang-" + stuck));
        Instant start = Instant.now();
        queue(other + "|slack", other, "slack", url("/fine-" + other), false, false);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(delivery(other, "slack").get("status").asString()).isEqualTo("SENT");
            assertThat(delivery(stuck, "slack")
                            .path("attempts")
                            .path(0)
                            .path("detail")
                            .asString())
                    .isEqualTo("timed out");
            assertThat(delivery(stuck, "teams")
                            .path("attempts")
                            .path(0)
                            .path("detail")
                            .asString())
                    .isEqualTo("timed out");
            assertThat(delivery(stuck, "webhook")
                            .path("attempts")
                            .path(0)
                            .path("detail")
                            .asString())
                    .isEqualTo("HTTP 429");
        });
        // Sent within a couple of rounds: the trickle and the hang, unbounded, would have held it for 8 s.
        Instant sent = Instant.parse(
                delivery(other, "slack").get("attempts").get(0).get("at").asString());
        int received = calls.get("/fine-" + other).get();
        for (String fault : List.of(
                "Slack endpoint that trickles its body",
                "Teams endpoint that hangs",
                "webhook answering 429 with Retry-After: 3600")) {
            System.out.printf(
                    "fault %s: sent 1, accepted 1, counted %d (another manager's message, %d ms after queueing), lost %d, doubled %d%n",
                    fault,
                    received,
                    Duration.between(start, sent).toMillis(),
                    Math.max(0, 1 - received),
                    Math.max(0, received - 1));
        }
        assertThat(received).isEqualTo(1);
        assertThat(Duration.between(start, sent)).isLessThan(Duration.ofSeconds(4));
        // An hour's Retry-After is capped: tried again within 15 minutes.
        Document busy = mongo.getCollection("deliveries")
                .find(new Document("_id", stuck + "|webhook"))
                .first();
        assertThat(busy.getDate("dueAt").toInstant())
                .isBefore(Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(5));
    }

    @Test
    void aCrashBetweenSendAndLogStillTellsTheManagerOnce() {
        String manager = "m-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Http.put("http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences", """
                {"webhookUrl":"%s","webhookSecret":"shh","locale":"fr","timezone":"UTC"}""".formatted(
                                        url("/hook-" + manager)))
                        .status())
                .isEqualTo(200);
        // The crashed sender's Slack call left (the stub got it), its outcome was never logged.
        calls.computeIfAbsent("/slack-" + manager, key -> new AtomicInteger()).incrementAndGet();
        queue(manager + "|slack", manager, "slack", url("/slack-" + manager), true, true);
        // Its webhook call too: the webhook is sent again with the same delivery id, which the receiver drops.
        queue(manager + "|webhook", manager, "webhook", url("/hook-" + manager), true, true);
        // A sender that claimed a Teams delivery and stopped before sending: it is sent by the next one.
        queue(manager + "|teams", manager, "teams", url("/teams-" + manager), true, false);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(delivery(manager, "slack").get("status").asString()).isEqualTo("SENT");
            assertThat(delivery(manager, "webhook").get("status").asString()).isEqualTo("SENT");
            assertThat(delivery(manager, "teams").get("status").asString()).isEqualTo("SENT");
        });
        assertThat(calls.get("/slack-" + manager).get()).isEqualTo(1);
        assertThat(delivery(manager, "slack").get("detail").asString()).startsWith("unconfirmed");
        assertThat(calls.get("/teams-" + manager).get()).isEqualTo(1);
        assertThat(calls.get("/hook-" + manager).get()).isEqualTo(1);
        assertThat(deliveryIds).contains(manager + "|webhook");
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body())
                .contains("salespulse_notifications_unconfirmed_total{channel=\"slack\"");
    }
}
