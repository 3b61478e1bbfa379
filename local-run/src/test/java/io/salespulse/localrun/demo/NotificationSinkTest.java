package io.salespulse.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationSinkTest {

    @TempDir
    Path dir;

    @Test
    void eachMessageIsLoggedAndToldWithTheLinksItCarries() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path log = dir.resolve("notifications.log");
        // A message as notification-service renders it for Slack: a header, the figures, the advice, two buttons.
        String slack = """
                {"text":"Baisse d'activité de Léa Martin","blocks":[
                 {"type":"header","text":{"type":"plain_text","text":"Baisse d'activité de Léa Martin"}},
                 {"type":"section","text":{"type":"mrkdwn","text":"*Ratio* 25 %"}},
                 {"type":"actions","elements":[
                  {"type":"button","url":"http://localhost:8080/teams/team-paris/signals/sig-1",
                   "text":{"type":"plain_text","text":"Ouvrir dans SalesPulse"}},
                  {"type":"button","url":"https://crm.example/deals/42",
                   "text":{"type":"plain_text","text":"Ouvrir dans le CRM"}}]}]}""";
        try (NotificationSink sink = NotificationSink.start(
                0,
                log,
                new PrintStream(console, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC))) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(sink.url("mgr-camille")))
                                    .POST(HttpRequest.BodyPublishers.ofString(slack))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(log))
                .contains("to mgr-camille: Baisse d'activité de Léa Martin")
                .contains("Ouvrir dans SalesPulse: http://localhost:8080/teams/team-paris/signals/sig-1")
                .contains("Ouvrir dans le CRM: https://crm.example/deals/42");
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("[notification] to mgr-camille: Baisse d'activité de Léa Martin"
                        + " (http://localhost:8080/teams/team-paris/signals/sig-1)");
    }
}
