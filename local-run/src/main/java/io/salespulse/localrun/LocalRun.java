package io.salespulse.localrun;

import io.salespulse.localrun.demo.Demo;
import io.salespulse.localrun.demo.DemoCast;
import io.salespulse.localrun.demo.DemoStory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: starts SalesPulse on this machine, loads the demo organisation, prints where to look, and
 * runs until Ctrl-C, which stops everything cleanly. Options (system properties): {@code salespulse.root},
 * {@code salespulse.data-dir}; arguments: {@code --demo} (the living demo, {@link Demo}), {@code --seed=<n>} (42),
 * {@code --pace=<events per second>} (2), {@code --today=<date>} (the day to play, ISO; the real one by default: a weekend or
 * a holiday plays the last working day before it, and every service's clock is shifted to it). The benchmark ({@code benchmark}, {@code ./bench}) and the backfill
 * command ({@code backfill-cli}, {@code ./backfill}) are modules of their own.
 */
public final class LocalRun {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private LocalRun() {}

    /** The value of a {@code --name=value} argument, or the fallback (the benchmark's arguments read the same way). */
    public static String option(String[] args, String prefix, String fallback) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .findFirst()
                .orElse(fallback);
    }

    /** The checkout the stack runs from ({@code salespulse.root}, else the working directory). */
    public static Path root() {
        return Path.of(System.getProperty("salespulse.root", "."))
                .toAbsolutePath()
                .normalize();
    }

    public static void main(String[] args) throws Exception {
        Path root = root();
        LocalStack.Options defaults = LocalStack.Options.defaults(root);
        Path dataDir = Path.of(
                System.getProperty("salespulse.data-dir", defaults.dataDir().toString()));
        LocalStack.Options options = new LocalStack.Options(root, dataDir, defaults.ports(), defaults.ingestApiKey());
        Files.createDirectories(dataDir);
        boolean demo = Arrays.asList(args).contains("--demo");
        LocalDate realToday = LocalDate.now(DemoCast.PARIS.zone());
        LocalDate asked;
        try {
            asked = LocalDate.parse(option(args, "--today=", realToday.toString()));
        } catch (DateTimeParseException e) {
            System.err.println("--today: not a date (" + e.getParsedString() + "); write it 2026-12-04");
            System.exit(2);
            return;
        }
        LocalDate today = demo ? DemoStory.storyDay(asked) : asked;
        if (!today.equals(asked)) {
            System.out.printf(
                    "%s is not a working day of both demo teams (a weekend, or a public holiday in Paris): the demo plays %s as today.%n",
                    DAY.format(asked), DAY.format(today));
        }
        if (!today.equals(realToday)) {
            options = options.on(today, DemoCast.PARIS.zone());
            long days = options.clockOffset().toDays();
            System.out.printf(
                    "Every service's clock is set %d day%s %s for this run, so that today is %s (tokens keep the real time).%n",
                    Math.abs(days), Math.abs(days) == 1 ? "" : "s", days < 0 ? "back" : "ahead", DAY.format(today));
        }

        System.out.println(
                "SalesPulse: starting Kafka, the Mongo-wire server and four services and the cockpit (data in "
                        + dataDir + ") ...");
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(options, Duration.ofMinutes(3));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nSalesPulse: stopping ...");
                            stack.close();
                            System.out.println("SalesPulse: stopped.");
                            stopped.countDown();
                        },
                        "salespulse-stop"));

        DemoOrganisation.load(stack.url("activity-service"), stack.tokens().admin(), stack.clock());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf(
                """

                SalesPulse is up (%ds). Demo team %s (Europe/Paris), manager %s, reps %s.

                  Cockpit (managers)    %s   sign in as Camille (Paris), Jordan (New York), Nadia (their director), leadership, admin or Léa (a rep)
                  activity-service      %s   ingest: POST /api/v1/events (Authorization: Bearer %s)
                  kpi-service           %s   GET /api/v1/reps/sdr-lea/kpis?period=day
                  coaching-service      %s
                  notification-service  %s
                  OpenAPI               <service>/v3/api-docs, <service>/swagger-ui.html
                  Probes                <service>/livez, <service>/readyz
                  Metrics, health       localhost:9081 to 9085 (each application's management port): /actuator/prometheus, /actuator/health
                  Kafka                 %s
                  Mongo (wire protocol) mongodb://127.0.0.1:%d
                  Logs                  %s

                Tokens for the read and admin APIs (Authorization: Bearer <token>), also in %s:
                  manager %s (team %s):
                    %s
                  leadership %s (every team):
                    %s
                  admin %s (roster, preferences, rebuild):
                    %s
                  director %s (the company unit: Paris and New York):
                    %s

                Ctrl-C stops everything; data is kept for the next start.
                """,
                seconds,
                DemoOrganisation.TEAM,
                DemoOrganisation.MANAGER,
                DemoOrganisation.REPS,
                stack.url("cockpit"),
                stack.url("activity-service"),
                options.ingestApiKey(),
                stack.url("kpi-service"),
                stack.url("coaching-service"),
                stack.url("notification-service"),
                stack.kafkaBootstrapServers(),
                options.ports().mongo(),
                dataDir.resolve("logs"),
                dataDir.resolve("tokens.env"),
                DemoOrganisation.MANAGER,
                DemoOrganisation.TEAM,
                stack.tokens().manager(),
                DemoOrganisation.LEADERSHIP,
                stack.tokens().leadership(),
                DemoOrganisation.ADMIN,
                stack.tokens().admin(),
                io.salespulse.localrun.demo.DemoCast.DIRECTOR,
                stack.tokens().director());
        if (demo) {
            Demo.Options demoOptions = new Demo.Options(
                    Long.parseLong(option(args, "--seed=", "42")),
                    Double.parseDouble(option(args, "--pace=", "2")),
                    options.ports().sink());
            Demo running = Demo.start(stack.demoTarget(options), demoOptions, System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "salespulse-demo-stop"));
        } else {
            System.out.println("Run ./run-local --demo to watch a sales team's story unfold (see the README).");
        }
        stopped.await();
    }
}
