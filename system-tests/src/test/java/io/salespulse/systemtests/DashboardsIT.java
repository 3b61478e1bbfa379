package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.salespulse.localrun.DemoOrganisation;
import io.salespulse.localrun.LocalStack;
import io.salespulse.localrun.demo.Demo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel of every Grafana dashboard is backed by data: the local run plays the demo while a real Prometheus
 * (Debian's) scrapes the four services and loads the alert rules; then each PromQL query of each panel, the team
 * variable set to one team and to all, returns at least one series.
 */
class DashboardsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern EXPR = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path data;

    @Test
    void everyDashboardPanelQueryReturnsDataAfterTheDemo() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/prometheus"));
        if (System.getenv("SALESPULSE_REQUIRE_DEPLOY_TOOLS") != null) {
            assertThat(installed)
                    .as("prometheus is required (apt-get install prometheus)")
                    .isTrue();
        }
        assumeTrue(installed, "prometheus is not installed: apt-get install prometheus");
        Path root = Path.of(System.getProperty("salespulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        LocalStack.Options options =
                LocalStack.Options.forTest(root, data.resolve("run")).at(StoryDay.NOW);
        try (LocalStack stack = LocalStack.start(options, Duration.ofMinutes(3))) {
            int prometheusPort = freePort();
            Process prometheus = startPrometheus(root, stack, prometheusPort);
            String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
            try {
                DemoOrganisation.load(
                        stack.url("activity-service"), stack.tokens().admin(), stack.clock());
                try (Demo demo = Demo.start(
                        stack.demoTarget(options),
                        new Demo.Options(7, 20, 0),
                        new PrintStream(OutputStream.nullOutputStream()))) {
                    // The alert rules loaded, and every target is up.
                    assertThat(get(api + "rules"))
                            .contains("SalesPulseConsumerLagGrowing", "SalesPulseSignalsPilingUp");
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> get(api + "query?query=" + encode("sum(up)"))
                                    .contains("\"4\""));
                    // The KPI gauges refresh every 30 s: wait until the team variable has both teams.
                    await().atMost(Duration.ofSeconds(90))
                            .until(() -> get(api + "label/team/values?match[]=salespulse_team_activity_today")
                                            .contains("team-nyc")
                                    && get(api + "label/team/values?match[]=salespulse_team_activity_today")
                                            .contains("team-paris"));

                    Map<String, List<String>> queries = new LinkedHashMap<>();
                    for (String dashboard : List.of("leadership.json", "operations.json")) {
                        Matcher m = EXPR.matcher(Files.readString(
                                root.resolve("deploy/grafana/dashboards").resolve(dashboard)));
                        List<String> exprs = new ArrayList<>();
                        while (m.find()) {
                            exprs.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
                        }
                        queries.put(dashboard, exprs);
                    }
                    assertThat(queries.get("leadership.json")).hasSizeGreaterThanOrEqualTo(10);
                    assertThat(queries.get("operations.json")).hasSizeGreaterThanOrEqualTo(14);
                    await().atMost(Duration.ofSeconds(90))
                            .pollInterval(Duration.ofSeconds(3))
                            .untilAsserted(() -> {
                                for (Map.Entry<String, List<String>> dashboard : queries.entrySet()) {
                                    for (String expr : dashboard.getValue()) {
                                        for (String team : List.of("team-paris", ".*")) {
                                            String query = expr.replace("$team", team);
                                            String answer = get(api + "query?query=" + encode(query));
                                            assertThat(answer)
                                                    .as(dashboard.getKey() + ": " + query)
                                                    .contains("\"status\":\"success\"")
                                                    .doesNotContain("\"result\":[]");
                                        }
                                    }
                                }
                            });
                }
            } finally {
                prometheus.destroy();
                prometheus.waitFor();
            }
        }
    }

    private Process startPrometheus(Path root, LocalStack stack, int port) throws IOException {
        Path dir = data.resolve("prometheus");
        Files.createDirectories(dir);
        StringBuilder targets = new StringBuilder();
        for (String service : LocalStack.SERVICES) {
            targets.append("          - ")
                    .append(URI.create(stack.managementUrl(service)).getAuthority())
                    .append('\n');
        }
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: salespulse
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets:
                %s""".formatted(
                        root.resolve("deploy/prometheus/rules/salespulse.rules.yml"), targets));
        return new ProcessBuilder(
                        "/usr/bin/prometheus",
                        "--config.file=" + dir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
