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
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.io.IOException;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Recognition that reaches the team: a manager names the team's Slack channel (a local stand-in here), a big win is
 * posted there in the team's language as well as told to the manager; a rep who opted out is not posted (the manager
 * still hears of it); back-on-track, which says the rep had been off track, is never posted.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.notifications.digest-initial-delay-ms=3600000")
@RealInfrastructure
class CelebrationsIT {

    @LocalServerPort
    int port;

    HttpServer stub;
    final List<String> teamPosts = new CopyOnWriteArrayList<>();
    final List<String> managerPosts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/team", exchange -> {
            teamPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stub.createContext("/manager", exchange -> {
            managerPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private String stubUrl(String path) {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + path;
    }

    @Test
    void aBigWinIsPostedToTheTeamsChannelAndARepWhoOptedOutIsNot() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String team = "team-" + s;
        String manager = "mgr-" + s;
        String lea = "lea-" + s;
        String hugo = "hugo-" + s;
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "t-" + s,
                        "/t",
                        new TeamChanged(
                                team,
                                "Lyon",
                                "Europe/Paris",
                                Language.fr,
                                List.of(manager),
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                at)),
                EventEnvelope.of(
                        "r1-" + s,
                        "/t",
                        new RepChanged(
                                lea,
                                "Léa Martin",
                                team,
                                RepRole.AE,
                                Seniority.SENIOR,
                                LocalDate.parse("2024-01-08"),
                                Map.of(),
                                true,
                                at)),
                EventEnvelope.of(
                        "r2-" + s,
                        "/t",
                        new RepChanged(
                                hugo,
                                "Hugo Bernard",
                                team,
                                RepRole.AE,
                                Seniority.JUNIOR,
                                LocalDate.parse("2025-01-06"),
                                Map.of(),
                                true,
                                at)));
        String managerToken = "Bearer " + TestTokens.manager(manager, team);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.get(url("/reps/" + hugo + "/celebrations"), "Authorization", managerToken)
                                .status()
                        == 200);
        assertThat(Http.put(
                                url("/managers/" + manager + "/preferences"),
                                """
                {"slackWebhookUrl":"%s","locale":"fr","timezone":"UTC"}""".formatted(stubUrl("/manager")),
                                "Authorization",
                                managerToken)
                        .status())
                .isEqualTo(200);

        // The manager turns celebrations on: a channel is needed; the URL comes back by its host only, and is kept so.
        Http.Answer refused =
                Http.put(url("/teams/" + team + "/celebrations"), "{\"enabled\":true}", "Authorization", managerToken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("slackWebhookUrl");
        Http.Answer on = Http.put(
                url("/teams/" + team + "/celebrations"),
                """
                {"enabled":true,"slackWebhookUrl":"%s"}""".formatted(stubUrl("/team")),
                "Authorization",
                managerToken);
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("slackWebhookUrl").asString()).isEqualTo("http://127.0.0.1/…");
        assertThat(Http.put(url("/teams/" + team + "/celebrations"), """
                {"enabled":true,"slackWebhookUrl":"http://127.0.0.1/…"}""", "Authorization", managerToken)
                        .status())
                .isEqualTo(200);
        // Hugo would rather not be posted.
        assertThat(Http.put(
                                url("/reps/" + hugo + "/celebrations"),
                                "{\"publicPosts\":false}",
                                "Authorization",
                                managerToken)
                        .json()
                        .get("publicPosts")
                        .asBoolean())
                .isFalse();

        KafkaProbe.publish(
                EventEnvelope.of(
                        "w-" + s,
                        "/coaching-service",
                        recognition(
                                "win-" + s,
                                SignalType.BIG_WIN,
                                lea,
                                team,
                                Evidence.of("amount", new BigDecimal("68000")))),
                EventEnvelope.of(
                        "p-" + s,
                        "/coaching-service",
                        recognition("best-" + s, SignalType.PERSONAL_BEST, hugo, team, Evidence.of("weekTotal", 142))),
                EventEnvelope.of(
                        "b-" + s,
                        "/coaching-service",
                        recognition(
                                "back-" + s,
                                SignalType.BACK_ON_TRACK,
                                lea,
                                team,
                                Evidence.of("ratio", new BigDecimal("1.1")))),
                EventEnvelope.of(
                        "o-" + s,
                        "/coaching-service",
                        new SignalRaised(
                                "team-goal-" + s,
                                SignalType.OBJECTIVE_ACHIEVED,
                                SubjectKind.OBJECTIVE,
                                "obj-" + s,
                                null,
                                team,
                                Severity.INFO,
                                List.of(Evidence.of("milestone", BigDecimal.ONE)),
                                Map.of(Language.fr, "Fêtez-le.", Language.en, "Celebrate."),
                                Instant.now())));

        // The manager hears of all four at once (recognitions' default); the team sees Léa's win and its own objective.
        await().atMost(Duration.ofSeconds(30)).until(() -> managerPosts.size() == 4 && teamPosts.size() == 2);
        List<String> texts = teamPosts.stream()
                .map(body -> EventCodec.mapper().readTree(body).get("text").asString())
                .toList();
        assertThat(texts)
                .containsExactlyInAnyOrder("🎉 Belle signature de Léa Martin", "🎉 Lyon atteint 100 % de son objectif");
        String win = teamPosts.stream()
                .filter(body -> body.contains("Léa"))
                .findFirst()
                .orElseThrow();
        assertThat(win).contains("Bravo de toute l'équipe").doesNotContain("68000", "68 000", "/signals/");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> teamPosts.size() == 2);
        assertThat(Http.get(url("/teams/" + team + "/celebrations"), "Authorization", managerToken)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(Http.get(url("/teams/" + team + "/celebrations"), "Authorization", managerToken)
                        .json()
                        .get("repsNotPosted")
                        .toString())
                .isEqualTo("[\"" + hugo + "\"]");
    }

    private static SignalRaised recognition(String id, SignalType type, String rep, String team, Evidence evidence) {
        return new SignalRaised(
                id,
                type,
                SubjectKind.REP,
                rep,
                rep,
                team,
                Severity.INFO,
                List.of(evidence),
                Map.of(Language.fr, "Félicitez-le.", Language.en, "Congratulate them."),
                Instant.now());
    }
}
