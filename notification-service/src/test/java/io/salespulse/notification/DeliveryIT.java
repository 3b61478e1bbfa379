package io.salespulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalRaised;
import io.salespulse.contracts.signal.SignalResolved;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SignalUpdated;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Signals from the real broker to local HTTP servers standing in for Slack (answering 500 once, then 200), a
 * generic webhook (200, checking the signature) and a dead Teams endpoint (410): one delivery per manager and
 * channel however often the signal arrives, the 500 retried, the dead endpoint failed while the others got theirs,
 * every attempt in the log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The daily digest is DailyDigestIT's business: here the kept signals must stay kept.
        properties = "salespulse.notifications.digest-initial-delay-ms=3600000")
@RealInfrastructure
class DeliveryIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    HttpServer stub;
    final List<String> slackBodies = new CopyOnWriteArrayList<>();
    final List<String> webhookSignatures = new CopyOnWriteArrayList<>();
    final AtomicInteger slackCalls = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/slack", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = slackCalls.incrementAndGet() == 1 ? 500 : 200;
            if (status == 200) {
                slackBodies.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        stub.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookSignatures.add(exchange.getRequestHeaders().getFirst("X-SalesPulse-Signature"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stub.createContext("/dead", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private String base() {
        return "http://localhost:" + port + "/api/v1/managers/";
    }

    private String stubUrl(String path) {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + path;
    }

    @Test
    void eachManagerGetsTheSignalOnceOnEachChannelDespiteRedeliveryRetriesAndADeadEndpoint() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + s;
        String bob = "bob-" + s;
        String team = "team-" + s;
        assertThat(Http.put(base() + alice + "/preferences", """
                {"slackWebhookUrl":"%s","webhookUrl":"%s","webhookSecret":"shh","locale":"fr","timezone":"UTC","minSeverity":"WARNING"}""".formatted(stubUrl("/slack"), stubUrl("/hook")))
                        .status())
                .isEqualTo(200);
        assertThat(Http.put(base() + bob + "/preferences", """
                {"teamsWebhookUrl":"%s","locale":"en","timezone":"UTC","minSeverity":"CRITICAL"}""".formatted(stubUrl("/dead")))
                        .status())
                .isEqualTo(200);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Paris",
                                "Europe/Paris",
                                Language.fr,
                                List.of(alice, bob),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r-" + s,
                        "/t",
                        new RepChanged(
                                "lea-" + s,
                                "Léa",
                                team,
                                RepRole.SDR,
                                Seniority.JUNIOR,
                                LocalDate.parse("2026-01-05"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                        .body()
                        .contains("type=\"salespulse.rep.changed.v1\""));

        SignalRaised critical = new SignalRaised(
                "sig-" + s,
                SignalType.SILENCE,
                SubjectKind.REP,
                "lea-" + s,
                "lea-" + s,
                team,
                Severity.CRITICAL,
                List.of(Evidence.of("workingDaysSilent", 3)),
                Map.of(Language.fr, "Prenez des nouvelles de Léa.", Language.en, "Check in on Léa."),
                Instant.now());
        SignalRaised warning = new SignalRaised(
                "sig2-" + s,
                SignalType.STALLED_DEAL,
                SubjectKind.DEAL,
                "d-" + s,
                "lea-" + s,
                team,
                Severity.WARNING,
                List.of(Evidence.of("daysInStage", 30)),
                Map.of(Language.fr, "x", Language.en, "x"),
                Instant.now());
        EventEnvelope raised = EventEnvelope.of("e1-" + s, "/coaching-service", critical);
        KafkaProbe.publish(raised, raised, EventEnvelope.of("e2-" + s, "/coaching-service", warning));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log =
                    Http.get(base() + alice + "/notifications?status=SENT").json();
            assertThat(log).hasSize(2);
            JsonNode bobFailed =
                    Http.get(base() + bob + "/notifications?status=FAILED").json();
            assertThat(bobFailed).hasSize(1);
        });
        assertThat(slackBodies).hasSize(1);
        JsonNode slack = EventCodec.mapper().readTree(slackBodies.get(0));
        assertThat(slack.get("text").asString()).isEqualTo("Pas d'activité de Léa");
        assertThat(webhookSignatures).hasSize(1);
        assertThat(webhookSignatures.get(0)).matches("t=\\d+,v1=[0-9a-f]{64}");

        JsonNode aliceLog = Http.get(base() + alice + "/notifications").json();
        JsonNode slackDelivery = null;
        for (JsonNode delivery : aliceLog) {
            if ("slack".equals(delivery.get("channel").asString())) {
                slackDelivery = delivery;
            }
        }
        assertThat(slackDelivery.get("attempts")).hasSize(2);
        assertThat(slackDelivery.get("attempts").get(0).get("detail").asString())
                .isEqualTo("HTTP 500");
        // The warning goes to Alice's daily digest, and is below Bob's minimum.
        assertThat(Http.get(base() + alice + "/notifications?status=DIGEST").json())
                .hasSize(2);
        JsonNode suppressed = Http.get(base() + bob + "/notifications?status=SUPPRESSED")
                .json()
                .get(0);
        assertThat(suppressed.get("detail").asString()).contains("minimum severity");
        // Why, as a code the cockpit words in the manager's language.
        assertThat(suppressed.get("reason").asString()).isEqualTo("BELOW_MINIMUM_SEVERITY");
        assertThat(Http.get(base() + bob + "/notifications?status=FAILED")
                        .json()
                        .get(0)
                        .get("detail")
                        .asString())
                .contains("410");

        // Resolved before the digest: not sent.
        KafkaProbe.publish(EventEnvelope.of(
                "e3-" + s,
                "/coaching-service",
                new SignalResolved(
                        "sig2-" + s, SignalType.STALLED_DEAL, "lea-" + s, team, "deal moved", Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(base() + alice + "/notifications?status=DIGEST")
                        .json()
                        .isEmpty());
        assertThat(slackCalls.get()).isEqualTo(2);
    }

    @Test
    void aSignalRaisedBeforeItsTeamReachesTheRosterWaitsAndGoesOutAsItNowIsOnceTheTeamArrives() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String manager = "dana-" + s;
        String team = "team-" + s;
        slackCalls.set(1); // the stub's first-call 500 is the first test's business
        assertThat(Http.put(base() + manager + "/preferences", """
                {"slackWebhookUrl":"%s","locale":"en","timezone":"UTC","minSeverity":"WARNING"}""".formatted(stubUrl("/slack")))
                        .status())
                .isEqualTo(200);
        // The signal comes first (the topics are not ordered together), as a warning, then is escalated: both wait.
        double updatesBefore = Http.scrapeSum(
                "http://localhost:" + managementPort,
                "salespulse_events_consumed_total",
                "type=\"salespulse.signal.updated.v1\"");
        KafkaProbe.publish(EventEnvelope.of(
                "w-" + s,
                "/coaching-service",
                new SignalRaised(
                        "early-" + s,
                        SignalType.SILENCE,
                        SubjectKind.REP,
                        "nina-" + s,
                        "nina-" + s,
                        team,
                        Severity.WARNING,
                        List.of(Evidence.of("workingDaysSilent", 2)),
                        Map.of(Language.fr, "x", Language.en, "Check in on Nina."),
                        Instant.now())));
        KafkaProbe.publish(EventEnvelope.of(
                "c-" + s,
                "/coaching-service",
                new SignalUpdated(
                        "early-" + s,
                        SignalType.SILENCE,
                        "nina-" + s,
                        team,
                        Severity.CRITICAL,
                        List.of(Evidence.of("workingDaysSilent", 3)),
                        Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.scrapeSum(
                                "http://localhost:" + managementPort,
                                "salespulse_events_consumed_total",
                                "type=\"salespulse.signal.updated.v1\"")
                        > updatesBefore);
        assertThat(Http.get(base() + manager + "/notifications").json()).isEmpty();

        // The team arrives: the signal goes out at once, as the CRITICAL one it now is.
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Nantes",
                                "Europe/Paris",
                                Language.en,
                                List.of(manager),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r-" + s,
                        "/t",
                        new RepChanged(
                                "nina-" + s,
                                "Nina",
                                team,
                                RepRole.SDR,
                                Seniority.JUNIOR,
                                LocalDate.parse("2026-01-05"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(base() + manager + "/notifications?status=SENT")
                                .json()
                                .size()
                        == 1);
        JsonNode sent =
                Http.get(base() + manager + "/notifications?status=SENT").json().get(0);
        assertThat(sent.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(Http.get(base() + manager + "/notifications").json()).hasSize(1);
        assertThat(slackBodies).anySatisfy(body -> assertThat(body).contains("No activity from Nina"));
    }

    @Test
    void aSignalEscalatedToCriticalLeavesTheDigestAndGoesAtOnceWithItsNewFigures() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String manager = "carla-" + s;
        String team = "team-" + s;
        slackCalls.set(1); // the stub's first-call 500 is the other test's business
        assertThat(Http.put(base() + manager + "/preferences", """
                {"slackWebhookUrl":"%s","locale":"en","timezone":"UTC","minSeverity":"WARNING"}""".formatted(stubUrl("/slack")))
                        .status())
                .isEqualTo(200);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        double repsBefore = repChangesConsumed();
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Lyon",
                                "Europe/Paris",
                                Language.en,
                                List.of(manager),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r-" + s,
                        "/t",
                        new RepChanged(
                                "tom-" + s,
                                "Tom",
                                team,
                                RepRole.SDR,
                                Seniority.SENIOR,
                                LocalDate.parse("2024-01-08"),
                                Map.of(),
                                true,
                                at)));
        await().atMost(Duration.ofSeconds(30)).until(() -> repChangesConsumed() > repsBefore);
        KafkaProbe.publish(EventEnvelope.of(
                "w-" + s,
                "/coaching-service",
                new SignalRaised(
                        "drop-" + s,
                        SignalType.ACTIVITY_DROP,
                        SubjectKind.REP,
                        "tom-" + s,
                        "tom-" + s,
                        team,
                        Severity.WARNING,
                        List.of(Evidence.of("ratio", new java.math.BigDecimal("0.55"))),
                        Map.of(Language.fr, "x", Language.en, "Talk to Tom."),
                        Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(base() + manager + "/notifications?status=DIGEST")
                                .json()
                                .size()
                        == 1);
        assertThat(slackBodies).isEmpty();

        KafkaProbe.publish(EventEnvelope.of(
                "c-" + s,
                "/coaching-service",
                new SignalUpdated(
                        "drop-" + s,
                        SignalType.ACTIVITY_DROP,
                        "tom-" + s,
                        team,
                        Severity.CRITICAL,
                        List.of(Evidence.of("ratio", new java.math.BigDecimal("0.3"))),
                        Instant.now())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(base() + manager + "/notifications?status=SENT")
                                .json()
                                .size()
                        == 1);
        JsonNode sent =
                Http.get(base() + manager + "/notifications?status=SENT").json().get(0);
        assertThat(sent.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(sent.get("detail").asString()).isEqualTo("HTTP 200");
        assertThat(Http.get(base() + manager + "/notifications?status=DIGEST").json())
                .isEmpty();
        assertThat(slackBodies).hasSize(1);
        assertThat(slackBodies.get(0))
                .contains("Tom's activity is dropping", "*Ratio*\\n30%", "Talk to Tom.")
                .doesNotContain("55%");
    }

    private double repChangesConsumed() {
        return Http.scrapeSum(
                "http://localhost:" + managementPort,
                "salespulse_events_consumed_total",
                "type=\"salespulse.rep.changed.v1\"");
    }

    private JsonNode unroutable(String team) {
        return Http.get("http://localhost:" + port + "/api/v1/admin/notifications/unroutable?teamId=" + team)
                .json();
    }

    private static TeamChanged lyon(String team, List<String> managers, int second) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return new TeamChanged(
                team,
                "Lyon",
                "Europe/Paris",
                Language.fr,
                managers,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                at.plusSeconds(second));
    }

    /**
     * A signal for a team with no manager, then for a manager with no preferences, reaches no one: it is kept as an
     * UNROUTABLE delivery with its reason (listed for admins, counted), and delivered as soon as a manager with a channel
     * appears. One resolved while it waited is never sent.
     */
    @Test
    void aSignalNobodyCanReceiveIsKeptAndDeliveredOnceAManagerWithAChannelAppears() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "lyon-" + s;
        String carla = "carla-" + s;
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        try (SlackRecorder sink = SlackRecorder.start()) {
            List<String> slack = sink.bodies();
            KafkaProbe.publish(
                    EventEnvelope.of("t1-" + s, "/t", lyon(team, List.of(), 0)),
                    EventEnvelope.of(
                            "r-" + s,
                            "/t",
                            new RepChanged(
                                    "lea-" + s,
                                    "Léa Martin",
                                    team,
                                    RepRole.SDR,
                                    Seniority.JUNIOR,
                                    LocalDate.parse("2026-01-05"),
                                    Map.of(),
                                    true,
                                    at)));
            SignalRaised silence = new SignalRaised(
                    "sil-" + s,
                    SignalType.SILENCE,
                    SubjectKind.REP,
                    "lea-" + s,
                    "lea-" + s,
                    team,
                    Severity.CRITICAL,
                    List.of(Evidence.of("workingDaysSilent", 3)),
                    Map.of(Language.fr, "Prenez des nouvelles de Léa.", Language.en, "Check in on Léa."),
                    Instant.now());
            SignalRaised stalled = new SignalRaised(
                    "st-" + s,
                    SignalType.STALLED_DEAL,
                    SubjectKind.DEAL,
                    "d-" + s,
                    "lea-" + s,
                    team,
                    Severity.WARNING,
                    List.of(Evidence.of("daysInStage", 30)),
                    Map.of(Language.fr, "x", Language.en, "x"),
                    Instant.now());
            KafkaProbe.publish(
                    EventEnvelope.of("e1-" + s, "/coaching-service", silence),
                    EventEnvelope.of("e2-" + s, "/coaching-service", stalled));

            // The team has no manager: both kept, with the reason, counted.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode waiting = unroutable(team);
                assertThat(waiting).hasSize(2);
                assertThat(waiting).allSatisfy(row -> {
                    assertThat(row.get("reason").asString()).isEqualTo("the team has no manager");
                    assertThat(row.get("managerId").isNull()).isTrue();
                });
            });
            String metrics = Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                    .body();
            assertThat(metrics)
                    .contains(
                            "salespulse_notifications_unroutable_total{reason=\"no_manager\"",
                            "salespulse_notifications_unroutable_waiting");

            // The deal moves meanwhile: that one is resolved and will never be sent.
            KafkaProbe.publish(EventEnvelope.of(
                    "e3-" + s,
                    "/coaching-service",
                    new SignalResolved(
                            "st-" + s, SignalType.STALLED_DEAL, "lea-" + s, team, "deal moved", Instant.now())));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(unroutable(team))
                            .extracting(row -> row.get("signalId").asString())
                            .containsExactly("sil-" + s));

            // A manager is named, without preferences yet: still unroutable, now for her.
            KafkaProbe.publish(EventEnvelope.of("t2-" + s, "/t", lyon(team, List.of(carla), 1)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode waiting = unroutable(team);
                assertThat(waiting).hasSize(1);
                assertThat(waiting.get(0).get("managerId").asString()).isEqualTo(carla);
                assertThat(waiting.get(0).get("reason").asString()).isEqualTo("the manager has no preferences");
            });
            assertThat(slack).isEmpty();

            // She sets her Slack channel: the silence reaches her, once, and nothing waits any more.
            assertThat(Http.put(
                                    "http://localhost:" + port + "/api/v1/managers/" + carla + "/preferences",
                                    """
                    {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris","minSeverity":"WARNING"}""".formatted(sink.port()))
                            .status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(slack).hasSize(1));
            assertThat(slack.get(0)).contains("Léa Martin");
            assertThat(unroutable(team)).isEmpty();
            JsonNode log = Http.get("http://localhost:" + port + "/api/v1/managers/" + carla + "/notifications")
                    .json();
            assertThat(log)
                    .extracting(row -> row.get("signalId").asString() + " "
                            + row.get("status").asString())
                    .containsExactly("sil-" + s + " SENT");
            // And only once: nothing more arrives while the sweep and the dispatcher go on.
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(slack).hasSize(1));
        }
    }
}
