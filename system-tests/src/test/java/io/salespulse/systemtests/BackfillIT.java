package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.salespulse.backfill.BackfillCommand;
import io.salespulse.localrun.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team installs SalesPulse and loads six weeks of history from CSV files with the backfill command, on the real
 * local stack: the baselines speak on the first day (the SDR's activity drop, then a big win against the history's
 * wins), only signals still open are told to the manager (no storm of raised-then-resolved history), a bad line is
 * reported by its line and column while the others load, and loading the files again changes nothing.
 */
class BackfillIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path data;

    @Test
    void sixWeeksOfHistoryMakeTheBaselinesSpeakOnTheFirstDayWithoutANotificationStorm() throws Exception {
        Path root = Path.of(System.getProperty("salespulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        LocalStack.Options test = LocalStack.Options.forTest(root, data.resolve("run"));
        LocalStack.Options options = new LocalStack.Options(
                        test.root(),
                        test.dataDir(),
                        test.ports(),
                        test.ingestApiKey(),
                        test.jvmOptions(),
                        Map.of(
                                "SALESPULSE_SIGNALS_RULES_WINDOWS_BACKFILLSETTLE",
                                "PT30S",
                                "SALESPULSE_SIGNALS_BACKFILLCHECKMS",
                                "1000"))
                .at(StoryDay.NOW);
        List<String> slack = new CopyOnWriteArrayList<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/slack", exchange -> {
            slack.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        try (LocalStack stack = LocalStack.start(options, Duration.ofMinutes(3))) {
            String activity = stack.url("activity-service");
            String admin = stack.tokens().admin();
            send("PUT", activity + "/api/v1/teams/team-bf", admin, """
                    {"name":"Lyon","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-bf"]}""");
            send("PUT", activity + "/api/v1/reps/sdr-bf", admin, """
                    {"displayName":"Nina Roux","teamId":"team-bf","role":"SDR","seniority":"JUNIOR","startDate":"2025-01-06"}""");
            send("PUT", activity + "/api/v1/reps/ae-bf", admin, """
                    {"displayName":"Paul Girard","teamId":"team-bf","role":"AE","seniority":"SENIOR","startDate":"2024-03-04"}""");
            send("PUT", stack.url("notification-service") + "/api/v1/managers/mgr-bf/preferences", admin, """
                    {"slackWebhookUrl":"http://127.0.0.1:%d/slack","locale":"fr","timezone":"Europe/Paris","minSeverity":"WARNING"}""".formatted(
                            sink.getAddress().getPort()));

            Path history = Files.createDirectories(data.resolve("history"));
            int lines = writeHistory(history, LocalDate.now(stack.clock().withZone(PARIS)));
            BackfillCommand.Options backfill = new BackfillCommand.Options(
                    history, activity, options.ingestApiKey(), admin, "/demo/backfill", List.of("team-bf"));
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            BackfillCommand.Report first =
                    new BackfillCommand(backfill, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
            System.out.println(console.toString(StandardCharsets.UTF_8));
            // Every line read; the two bad ones refused by line and column, the rest accepted.
            assertThat(first.read()).isEqualTo(lines);
            assertThat(first.rejected())
                    .extracting(
                            BackfillCommand.Rejected::file,
                            BackfillCommand.Rejected::line,
                            BackfillCommand.Rejected::column)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("calls.csv", 2L, "occurredAt"),
                            org.assertj.core.groups.Tuple.tuple("calls.csv", 3L, "outcome"));
            assertThat(first.accepted()).isEqualTo(lines - 2);
            assertThat(console.toString(StandardCharsets.UTF_8))
                    .contains("100%", "line(s) refused", "calls.csv line 3, outcome");

            // Once judged: Nina's drop, told at once (CRITICAL), as the only thing told so far.
            String coaching = stack.url("coaching-service");
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> send(
                                    "GET",
                                    coaching + "/api/v1/teams/team-bf/signals?status=OPEN&type=ACTIVITY_DROP",
                                    admin,
                                    null)
                            .contains("\"repId\":\"sdr-bf\""));
            // A win today, against the history's six wins (10,000 to 20,000 EUR: the 75th percentile is 18,000): a big
            // win.
            Instant now = stack.clock().instant().truncatedTo(ChronoUnit.SECONDS);
            post(
                    activity,
                    options.ingestApiKey(),
                    dealEvent(
                            "live-1", "bf-live", "WON", "30000", now.minusSeconds(60), now.minus(Duration.ofDays(20))));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> send("GET", coaching + "/api/v1/teams/team-bf/signals?type=BIG_WIN", admin, null)
                            .contains("\"subjectId\":\"bf-live\""));

            // No storm: every delivery is of a signal still open now, each told once.
            String notifications = stack.url("notification-service") + "/api/v1/managers/mgr-bf/notifications";
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> send("GET", notifications, admin, null).contains("\"type\":\"BIG_WIN\""));
            String open = send("GET", coaching + "/api/v1/teams/team-bf/signals?status=OPEN", admin, null);
            String log = send("GET", notifications, admin, null);
            List<String> delivered = ids(log);
            assertThat(delivered).doesNotHaveDuplicates().isNotEmpty();
            assertThat(ids(open))
                    .as("the deliveries %s, the open signals %s", log, open)
                    .containsAll(delivered);
            assertThat(send("GET", notifications, admin, null)).doesNotContain("resolved before it was sent");
            assertThat(slack).anySatisfy(body -> assertThat(body).contains("Baisse d'activité de Nina Roux"));

            // The same files again: all duplicates, nothing counted twice.
            BackfillCommand.Report again = new BackfillCommand(
                            backfill, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run();
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(first.accepted());
        } finally {
            sink.stop(0);
        }
    }

    /**
     * Six weeks up to yesterday: Nina (SDR) calls 20 times a working day, then twice a day over the last five working
     * days; Paul (AE) writes an email a day and won six deals (10,000 to 20,000 EUR), each created in PROPOSAL ten days
     * before it was won. Two bad
     * lines: a call without its time, a call with an outcome that does not exist. Returns the lines written.
     */
    private static int writeHistory(Path folder, LocalDate today) throws IOException {
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate day = today.minusDays(1); working.size() < 30; day = day.minusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                working.add(0, day);
            }
        }
        StringBuilder calls = new StringBuilder("callId,repId,occurredAt,outcome,durationSeconds,dealId\n");
        calls.append("bad-1,sdr-bf,,CONNECTED,60,\n");
        calls.append("bad-2,sdr-bf,").append(at(working.get(0), 9)).append(",SHOUTED,60,\n");
        int count = 2;
        for (int d = 0; d < working.size(); d++) {
            int perDay = d < 25 ? 20 : 2;
            for (int i = 0; i < perDay; i++) {
                boolean connected = i % 3 == 0;
                calls.append("c-")
                        .append(d)
                        .append('-')
                        .append(i)
                        .append(",sdr-bf,")
                        .append(at(working.get(d), 9 + i % 8))
                        .append(',')
                        .append(connected ? "CONNECTED" : "NO_ANSWER")
                        .append(',')
                        .append(connected ? "120" : "")
                        .append(",\n");
                count++;
            }
        }
        Files.writeString(folder.resolve("calls.csv"), calls.toString());
        // Paul writes an email a day: he is not silent.
        StringBuilder emails = new StringBuilder("emailId,repId,occurredAt,dealId\n");
        for (int d = 0; d < working.size(); d++) {
            emails.append("e-")
                    .append(d)
                    .append(",ae-bf,")
                    .append(at(working.get(d), 11))
                    .append(",\n");
            count++;
        }
        Files.writeString(folder.resolve("emails.csv"), emails.toString());
        StringBuilder deals = new StringBuilder(
                "dealId,ownerRepId,name,stage,amount,currency,expectedCloseDate,createdAt,updatedAt\n");
        for (int n = 0; n < 6; n++) {
            LocalDate won = working.get(4 + n * 4);
            String amount = String.valueOf(10000 + n * 2000);
            String created = at(won.minusDays(10), 10);
            deals.append("bf-")
                    .append(n)
                    .append(",ae-bf,Affaire ")
                    .append(n)
                    .append(",PROPOSAL,")
                    .append(amount)
                    .append(",EUR,")
                    .append(won)
                    .append(',')
                    .append(created)
                    .append(',')
                    .append(created)
                    .append('\n');
            deals.append("bf-")
                    .append(n)
                    .append(",ae-bf,Affaire ")
                    .append(n)
                    .append(",WON,")
                    .append(amount)
                    .append(",EUR,")
                    .append(won)
                    .append(',')
                    .append(created)
                    .append(',')
                    .append(at(won, 16))
                    .append('\n');
            count += 2;
        }
        Files.writeString(folder.resolve("deals.csv"), deals.toString());
        return count;
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(PARIS).toOffsetDateTime().toString();
    }

    private static String dealEvent(
            String id, String dealId, String stage, String amount, Instant at, Instant created) {
        return """
                {"specversion":"1.0","id":"%s","source":"/demo/crm","type":"salespulse.deal.updated.v1","time":"%s",
                 "data":{"dealId":"%s","ownerRepId":"ae-bf","name":"Grand compte","stage":"%s","amount":%s,"currency":"EUR",
                         "createdAt":"%s"}}""".formatted(id, at, dealId, stage, amount, created);
    }

    private static void post(String activity, String key, String events) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(activity + "/api/v1/events"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + events + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"signalId\":\"([^\"]+)\"").matcher(json);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String send(String method, String url, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
