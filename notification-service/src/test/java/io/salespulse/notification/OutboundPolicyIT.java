package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The outbound policy as production runs it (loopback not allowed): a manager cannot save a webhook URL that points
 * inside the network, and a delivery whose target is such a URL (saved before the policy, or a name that came to
 * resolve inside) fails without a call and without saying what it found there. Nothing of a URL, a token or an email
 * address reaches the logs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "salespulse.notifications.outbound.allow-loopback=false",
            "salespulse.notifications.digest-initial-delay-ms=3600000"
        })
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class OutboundPolicyIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpServer inside;
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startInside() throws IOException {
        inside = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        inside.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        inside.start();
    }

    @AfterEach
    void stopInside() {
        inside.stop(0);
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                Arguments.of("webhookUrl", "https://127.0.0.1/hook"),
                Arguments.of("webhookUrl", "https://[::1]/hook"),
                Arguments.of("webhookUrl", "https://10.0.0.5/hook"),
                Arguments.of("webhookUrl", "https://169.254.169.254/latest/meta-data/"),
                Arguments.of("webhookUrl", "https://localhost/hook"),
                Arguments.of("webhookUrl", "http://crm.example.org/hook"),
                Arguments.of("slackWebhookUrl", "https://127.0.0.1/services/T/B/X"),
                Arguments.of("slackWebhookUrl", "https://hooks.slack.com.example.org/services/T/B/X"),
                Arguments.of("teamsWebhookUrl", "https://10.0.0.5/workflows/x"),
                Arguments.of("teamsWebhookUrl", "https://localhost/workflows/x"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forbidden")
    void aForbiddenTargetIsA400NamingTheFieldAndNothingIsStored(String field, String url) {
        String manager = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String preferences = "http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences";
        Http.Answer answer = Http.put(preferences, """
                {"%s":"%s","webhookSecret":"shh","locale":"en","timezone":"UTC"}""".formatted(field, url));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(answer.body()).doesNotContain(url);
        assertThat(Http.get(preferences).status()).isEqualTo(404);
    }

    @Test
    void noSecretAndNoEmailAddressReachesTheLogs(CapturedOutput output) {
        try (var levels = io.salespulse.testsupport.LogLevels.everythingSalesPulseLogs()) {
            sendSecretsEverywhere();
        }
        assertThat(output.getAll()).doesNotContain("SECRETPATH", "SECRETTOKEN", "secret.person@");
    }

    private void sendSecretsEverywhere() {
        String manager = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String preferences = "http://localhost:" + port + "/api/v1/managers/" + manager + "/preferences";
        for (String url : List.of(
                "https://10.0.0.5/services/T0/B0/SECRETPATH1",
                "https://hooks.slack.com/%zz/SECRETPATH2",
                "http://hooks.slack.com/services/T0/B0/SECRETPATH3")) {
            assertThat(Http.put(preferences, """
                    {"email":"secret.person@example.org","slackWebhookUrl":"%s","locale":"en","timezone":"UTC"}""".formatted(url)).status()).isEqualTo(400);
        }
        assertThat(Http.put(
                                preferences,
                                "{\"email\":\"secret.person@example.org\",\"locale\":\"en\",\"timezone\":\"UTC\"}")
                        .status())
                .isEqualTo(200);
        QueuedDeliveries.queue(
                mongo,
                manager + "|slack",
                manager,
                "slack",
                "https://%zz/SECRETPATH4",
                "{\"text\":\"x\"}",
                false,
                false);
        QueuedDeliveries.queue(
                mongo,
                manager + "|teams",
                manager,
                "teams",
                "http://127.0.0.1:1/SECRETPATH5",
                "{\"text\":\"x\"}",
                false,
                false);
        QueuedDeliveries.queue(
                mongo,
                manager + "|webhook",
                manager,
                "webhook",
                "https://not-yet.example.net/SECRETPATH6",
                "{\"text\":\"x\"}",
                false,
                false);
        QueuedDeliveries.queue(
                mongo,
                manager + "|email",
                manager,
                "email",
                "secret.person@example.org",
                "{\"subject\":\"x\"}",
                false,
                false);
        assertThat(Http.get(preferences, "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.SECRETTOKEN")
                        .status())
                .isEqualTo(401);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String channel : List.of("slack", "teams", "webhook", "email")) {
                assertThat(QueuedDeliveries.delivery(port, manager, channel).get("attempts"))
                        .as(channel)
                        .isNotEmpty();
            }
        });
    }

    @Test
    void aDeliveryToAnInsideTargetFailsWithoutACallAndSaysNothingOfWhatIsThere() {
        String manager = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "http://127.0.0.1:" + inside.getAddress().getPort();
        String named = "https://localhost:" + inside.getAddress().getPort();
        // The webhook's manager has its signing secret: the delivery gets as far as resolving the name, where it stops.
        mongo.getCollection("preferences")
                .insertOne(new org.bson.Document("_id", manager)
                        .append("managerId", manager)
                        .append("webhookUrl", named + "/webhook")
                        .append("webhookSecret", "s3cret")
                        .append("locale", "en"));
        for (String channel : List.of("slack", "teams", "webhook")) {
            QueuedDeliveries.queue(
                    mongo,
                    manager + "|" + channel,
                    manager,
                    channel,
                    (channel.equals("webhook") ? named : base) + "/" + channel,
                    "{\"text\":\"x\"}",
                    false,
                    false);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String channel : List.of("slack", "teams", "webhook")) {
                JsonNode delivery = QueuedDeliveries.delivery(port, manager, channel);
                assertThat(delivery.get("status").asString()).as(channel).isEqualTo("FAILED");
                assertThat(delivery.get("attempts").toString())
                        .contains("refused by the outbound policy")
                        .doesNotContain("127.0.0.1");
            }
        });
        assertThat(calls).hasValue(0);
    }
}
