package io.salespulse.bench;

import io.salespulse.bench.BenchProbes.KpiWatch;
import io.salespulse.bench.BenchProbes.Percentiles;
import io.salespulse.bench.BenchProbes.SlackStandIn;
import io.salespulse.localrun.DemoOrganisation;
import io.salespulse.localrun.LocalRun;
import io.salespulse.localrun.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./bench}: starts the whole local stack in {@code .bench/} (wiped first), measures it, prints the figures and
 * writes them to {@code docs/benchmarks.md}. Every rate is also given as a ratio to the raw Kafka rate measured in the
 * same run on the same broker, the ceiling on this machine, so runs on different machines compare.
 * <ol>
 *   <li>raw Kafka: CloudEvent-sized records with {@code ce_*} headers, produced (idempotent, acks=all, linger 5 ms, as
 *   the relay does) and consumed;</li>
 *   <li>a round on fresh data: ingest of CloudEvents batches and of signed HubSpot webhook batches; first post to all
 *   counted; then each stage alone on the same kind of events, kpi-service down: activities straight to Kafka (their
 *   short path), then on the log's path (activity-service restarted with {@code SALESPULSE_INGEST_ACTIVITIES=log})
 *   ingest into the store with Kafka stopped and the relay draining that backlog, and kpi-service counting both
 *   (restarted); every stage profiled with JDK Flight Recorder ({@link StageProfile});</li>
 *   <li>post-to-KPI latency at 100, 500, 1,000 and 5,000 events/s; signal-to-Slack latency at a local stand-in;
 *   heap and resident memory per service; a soak at the fresh round's ingest rate, how far behind the counts are and
 *   the heaps sampled every 10 s;</li>
 *   <li>{@code --history} events (500,000 by default) loaded over 60 past days, idle CPU with that history, and the
 *   round again.</li>
 * </ol>
 * Options: {@code --history=<n>}, {@code --quick} (small figures, to check the benchmark itself), {@code --out=<file>},
 * {@code --soak-seconds=<n>} (the soak's length: 600, or 60 with {@code --quick}), {@code --soak=<seconds>} (steady
 * traffic for a profiler, no report).
 */
public final class Benchmark {

    private static final String TEAM = "team-bench";
    private static final String SLACK_TEAM = "team-bench-slack";
    private static final String SLACK_MANAGER = "mgr-bench-slack";
    private static final int THREADS = 4;
    /**
     * How often a wait reads a service's metric: each read is a whole Prometheus scrape of that service (the registry
     * collects every meter before it filters), which the first profiles found taking a fifth of kpi-service's CPU
     * when polled every 50 ms. At 250 ms a rate over a stage of several seconds is off by a few percent at most.
     */
    private static final long POLL_MILLIS = 250;

    private static final int BATCH = 500;
    private static final List<Integer> LATENCY_RATES = List.of(100, 500, 1000, 5000);
    private static final List<String> SERVICES =
            List.of("activity-service", "kpi-service", "coaching-service", "notification-service");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalStack stack;
    private final LocalStack.Options options;
    private final BenchLoad load;
    private final Settings settings;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private final Map<String, List<String>> repsByGroup = new LinkedHashMap<>();
    private final String[] args;
    private StageProfile recorder;

    record Settings(
            int rawRecords,
            int roundEvents,
            int hubspotDeals,
            int history,
            Duration latencyPhase,
            int slackSamples,
            Duration soak,
            Path report) {

        static Settings of(String[] args, Path root) {
            boolean quick = Arrays.asList(args).contains("--quick");
            int history = Integer.parseInt(LocalRun.option(args, "--history=", quick ? "20000" : "500000"));
            Path report = Path.of(LocalRun.option(
                    args,
                    "--out=",
                    root.resolve("docs").resolve("benchmarks.md").toString()));
            Duration soak =
                    Duration.ofSeconds(Long.parseLong(LocalRun.option(args, "--soak-seconds=", quick ? "60" : "600")));
            return quick
                    ? new Settings(50_000, 5_000, 200, history, Duration.ofSeconds(8), 3, soak, report)
                    : new Settings(300_000, 20_000, 1_000, history, Duration.ofSeconds(20), 5, soak, report);
        }
    }

    private Benchmark(LocalStack stack, LocalStack.Options options, Settings settings, PrintStream out, String[] args) {
        this.args = args;
        this.stack = stack;
        this.options = options;
        this.settings = settings;
        this.out = out;
        this.load = new BenchLoad(stack.url("activity-service"), options.ingestApiKey(), LocalStack.HUBSPOT_SECRET);
    }

    public static void main(String[] args) throws Exception {
        Path root = LocalRun.root();
        Settings settings = Settings.of(args, root);
        Path dataDir = root.resolve(".bench");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        // The per-source ingest rate limit (1,000 events/s by default) is lifted: the benchmark measures capacity.
        LocalStack.Options options = new LocalStack.Options(
                root,
                dataDir,
                LocalStack.Ports.free(),
                "bench-ingest-key",
                LocalStack.Options.LONG_RUNNING,
                Map.of(
                        "SALESPULSE_INGEST_RATELIMIT_EVENTSPERSECOND",
                        "1000000",
                        "SALESPULSE_INGEST_RATELIMIT_BURST",
                        "1000000"));
        System.out.println("Benchmark: starting Kafka, the Mongo-wire server and four services in " + dataDir + " ...");
        // Whatever ends the run (the end, a failure, Ctrl-C), no service JVM outlives it.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                        "bench-stop"));
        try (LocalStack stack = LocalStack.start(options, Duration.ofMinutes(3))) {
            Benchmark benchmark = new Benchmark(stack, options, settings, System.out, args);
            String report = benchmark.run();
            if (report.isEmpty()) {
                System.exit(0);
            }
            Files.createDirectories(settings.report().getParent());
            Files.writeString(settings.report(), report + analysisKeptFrom(settings.report()));
            System.out.println();
            System.out.println(report);
            System.out.println("Written to " + settings.report());
        }
        System.exit(0);
    }

    /** Below this line, docs/benchmarks.md is written by people (what the figures mean): a new run keeps it. */
    static final String ANALYSIS = "<!-- Written by people, kept by ./bench: what the figures mean. -->";

    private static String analysisKeptFrom(Path report) throws IOException {
        if (!Files.exists(report)) {
            return "";
        }
        String existing = Files.readString(report);
        int at = existing.indexOf(ANALYSIS);
        return at < 0 ? "" : "\n" + existing.substring(at);
    }

    // --- the run ------------------------------------------------------------------------------------------------

    private String run() throws Exception {
        setUp();
        int soak = Integer.parseInt(LocalRun.option(args, "--soak=", "0"));
        if (soak > 0) {
            // Steady CloudEvents traffic for a profiler to look at; no report.
            long until = System.nanoTime() + Duration.ofSeconds(soak).toNanos();
            while (System.nanoTime() < until) {
                EndToEnd round = endToEnd("warm", settings.roundEvents());
                progress("soak: ingest %.0f/s, post to counted %.0f/s".formatted(round.ingest(), round.counted()));
            }
            return "";
        }
        Report report = new Report(settings);
        progress("raw Kafka: producing and consuming " + settings.rawRecords() + " records");
        report.raw = rawKafka();
        progress("raw Kafka: producer %.0f records/s, consumer %.0f records/s"
                .formatted(report.raw.producer(), report.raw.consumer()));

        // Recording from here on, the raw figures measured without it; the warm-up takes the recordings' start.
        recorder = StageProfile.start(options.dataDir().resolve("profiles"));
        for (String service : SERVICES) {
            recorder.record(service, stack.pidOf(service));
        }
        progress("warming up (not measured)");
        endToEnd("warm", settings.roundEvents() / 2);
        report.fresh = round("fresh", report.freshProfiles);
        report.two = twoKpiInstances("fresh-two");

        try (KpiWatch watch = new KpiWatch(stack.kafkaBootstrapServers())) {
            for (int rate : LATENCY_RATES) {
                report.latency.put(rate, latency(watch, rate));
            }
        }
        awaitConsumersCaughtUp(Duration.ofMinutes(30));
        report.slack = slackLatency();
        report.memory = memory();
        report.soak = soak(report.fresh.ingest(), settings.soak());
        awaitConsumersCaughtUp(Duration.ofMinutes(60));

        loadHistory(settings.history());
        recorder.pause("before-idle");
        report.idleCpu = idleCpu(Duration.ofSeconds(30));
        recorder.resume();
        report.withHistory = round("history", report.historyProfiles);
        report.memoryAfter = memory();
        report.elapsed = Duration.ofNanos(System.nanoTime() - started);
        return report.markdown();
    }

    private void setUp() throws Exception {
        String admin = stack.tokens().admin();
        String activity = stack.url("activity-service");
        put(activity + "/api/v1/teams/" + TEAM, admin, """
                {"name":"Bench","timezone":"UTC","locale":"en","managerIds":["mgr-bench"],"workingDays":["MON","TUE","WED","THU","FRI"]}""");
        put(activity + "/api/v1/teams/" + SLACK_TEAM, admin, """
                {"name":"Bench Slack","timezone":"UTC","locale":"en","managerIds":["%s"],"workingDays":["MON","TUE","WED","THU","FRI"]}""".formatted(SLACK_MANAGER));
        List<String> groups = new ArrayList<>(
                List.of("warm", "fresh", "fresh-alone", "fresh-two", "soak", "history", "history-alone", "past"));
        LATENCY_RATES.forEach(rate -> groups.add("lat" + rate));
        int hubspotId = 800_000;
        for (String group : groups) {
            int size = group.equals("past") ? 100 : group.startsWith("lat") ? 20 : 50;
            List<String> reps = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String rep = "bench-" + group + "-" + i;
                reps.add(rep);
                putRep(activity, admin, rep, TEAM, String.valueOf(hubspotId++));
            }
            repsByGroup.put(group, reps);
        }
        for (int i = 0; i < settings.slackSamples(); i++) {
            putRep(activity, admin, "bench-slack-" + i, SLACK_TEAM, String.valueOf(hubspotId++));
        }
    }

    private static void putRep(String activity, String admin, String rep, String team, String hubspotId)
            throws Exception {
        put(activity + "/api/v1/reps/" + rep, admin, """
                {"displayName":"%s","teamId":"%s","role":"SDR","seniority":"SENIOR","startDate":"2024-01-08",
                 "externalIds":{"hubspot":"%s"},"active":true}""".formatted(rep, team, hubspotId));
    }

    private static void put(String url, String token, String json) throws IOException, InterruptedException {
        DemoOrganisation.put(token, url, json);
    }

    // --- raw Kafka ----------------------------------------------------------------------------------------------

    record Raw(double producer, double consumer) {}

    private Raw rawKafka() throws Exception {
        String topic = "bench.raw";
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        byte[] value = load.call("bench-raw-0", Instant.now()).getBytes(StandardCharsets.UTF_8);
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        int records = settings.rawRecords();
        long producing;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < records; i++) {
                ProducerRecord<byte[], byte[]> record =
                        new ProducerRecord<>(topic, ("bench-raw-" + i % 50).getBytes(StandardCharsets.UTF_8), value);
                record.headers()
                        .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", ("raw-" + i).getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", "salespulse.call.logged.v1".getBytes(StandardCharsets.UTF_8))
                        .add("ce_source", BenchLoad.SOURCE.getBytes(StandardCharsets.UTF_8))
                        .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                        .add("ce_subject", ("bench-raw-" + i % 50).getBytes(StandardCharsets.UTF_8))
                        .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
            producing = System.nanoTime() - t0;
        }
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + System.nanoTime());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long consuming;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            long read = 0;
            long t0 = 0;
            while (read < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty() && t0 == 0) {
                    t0 = System.nanoTime();
                }
                read += batch.count();
            }
            consuming = System.nanoTime() - t0;
        }
        return new Raw(records / (producing / 1e9), records / (consuming / 1e9));
    }

    // --- a round of rates ---------------------------------------------------------------------------------------

    /** Rates of one round, in events per second. */
    record Rates(
            double ingest,
            double hubspot,
            double firstPostToCounted,
            double ingestAlone,
            double logIngestAlone,
            double relayBacklog,
            double kpiBacklog) {}

    /** A round of rates; each stage is also profiled ({@link StageProfile}), its summaries kept in the report. */
    private Rates round(String label, Map<String, List<StageProfile.Summary>> profiles) throws Exception {
        awaitConsumersCaughtUp(Duration.ofMinutes(60));
        progress(label + ": CloudEvents ingest and first post to counted");
        Instant together = Instant.now();
        EndToEnd e2e = endToEnd(label, settings.roundEvents());
        profiles.put("post to counted, every stage at once", profiled(label + "-together", SERVICES, together));
        progress(label + ": signed HubSpot webhook batches");
        double hubspot = hubspot(label);
        Alone alone = stagesAlone(label, profiles);
        Rates rates = new Rates(
                e2e.ingest(),
                hubspot,
                e2e.counted(),
                alone.ingest(),
                alone.logIngest(),
                alone.relay(),
                alone.counting());
        progress(
                ("%s: ingest %.0f/s, HubSpot %.0f/s, post to counted %.0f/s, ingest alone %.0f/s, the log's ingest alone"
                                + " %.0f/s, relay %.0f/s, kpi %.0f/s")
                        .formatted(
                                label,
                                rates.ingest(),
                                rates.hubspot(),
                                rates.firstPostToCounted(),
                                rates.ingestAlone(),
                                rates.logIngestAlone(),
                                rates.relayBacklog(),
                                rates.kpiBacklog()));
        return rates;
    }

    /** The profiles of one stage, cut out of the running recordings. */
    private List<StageProfile.Summary> profiled(String stage, List<String> services, Instant from) throws IOException {
        return recorder.stage(stage, services, from, Instant.now());
    }

    record EndToEnd(double ingest, double counted) {}

    private EndToEnd endToEnd(String group, int events) throws Exception {
        List<String> reps = repsByGroup.get(group);
        double countedBefore = counted();
        Instant now = Instant.now();
        AtomicLong accepted = new AtomicLong();
        long t0 = System.nanoTime();
        load.sendCalls(
                events, BATCH, THREADS, i -> load.call(reps.get(i % reps.size()), now.minusSeconds(i % 600)), accepted);
        long ingested = System.nanoTime() - t0;
        awaitAtLeast("counted", this::counted, countedBefore + events, Duration.ofMinutes(10));
        long counted = System.nanoTime() - t0;
        return new EndToEnd(events / (ingested / 1e9), events / (counted / 1e9));
    }

    private double hubspot(String label) throws Exception {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            owners.add(String.valueOf(800_000 + i));
        }
        long t0 = System.nanoTime();
        long accepted = load.sendHubSpotDeals(settings.hubspotDeals(), owners, THREADS);
        double rate = accepted / ((System.nanoTime() - t0) / 1e9);
        awaitAtMost(
                "outbox backlog",
                () -> BenchProbes.metric(stack.managementUrl("activity-service"), "salespulse_outbox_backlog", null),
                0,
                Duration.ofMinutes(5));
        return rate;
    }

    record Alone(double ingest, double logIngest, double relay, double counting) {}

    /**
     * Each stage of the path alone, on the same kind of events, kpi-service down: activities accepted straight to Kafka
     * (ingest alone, their short path); then, activity-service started again with activities on the log's path
     * ({@code SALESPULSE_INGEST_ACTIVITIES=log}, the path deals and every stateful event take), accepted into the store
     * with Kafka stopped (the log's ingest alone) and drained to Kafka by the relay (relay alone); then both counted by
     * a restarted kpi-service from its committed offsets (counting alone; coaching-service reacts to its updates).
     * activity-service is started again with its own settings at the end.
     */
    private Alone stagesAlone(String label, Map<String, List<StageProfile.Summary>> profiles) throws Exception {
        List<String> reps = repsByGroup.get(label + "-alone");
        int events = settings.roundEvents();
        stack.kill("kpi-service");
        progress(label + ": ingest alone, straight to Kafka (kpi-service down)");
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        load.sendCalls(
                events,
                BATCH,
                THREADS,
                i -> load.call(reps.get(i % reps.size()), now.minusSeconds(i % 600)),
                new AtomicLong());
        double ingest = events / ((System.nanoTime() - t0) / 1e9);
        profiles.put("ingest alone, straight to Kafka", profiled(label + "-ingest", List.of("activity-service"), now));

        progress(label + ": the log's path: ingest into the store alone (Kafka stopped)");
        stack.restartWith("activity-service", Map.of("SALESPULSE_INGEST_ACTIVITIES", "log"), Duration.ofMinutes(3));
        recorder.record("activity-service", stack.pidOf("activity-service"));
        // A fresh JVM: its counters start at zero.
        stack.stopKafka();
        Instant logStart = Instant.now();
        t0 = System.nanoTime();
        load.sendCalls(
                events,
                BATCH,
                THREADS,
                i -> load.call(reps.get(i % reps.size()), logStart.minusSeconds(600 + i % 600)),
                new AtomicLong());
        double logIngest = events / ((System.nanoTime() - t0) / 1e9);
        profiles.put(
                "the log's ingest alone, into the store",
                profiled(label + "-log-ingest", List.of("activity-service"), logStart));
        progress(label + ": relay alone, draining the backlog to Kafka");
        Instant relayStart = Instant.now();
        stack.startKafka();
        long firstPublished = awaitAbove("first published", this::published, 0, Duration.ofMinutes(5));
        awaitAtLeast("published", this::published, events, Duration.ofMinutes(10));
        double relay = events / ((System.nanoTime() - firstPublished) / 1e9);
        profiles.put(
                "relay alone, store to Kafka", profiled(label + "-relay", List.of("activity-service"), relayStart));
        stack.restartWith("activity-service", Map.of("SALESPULSE_INGEST_ACTIVITIES", "direct"), Duration.ofMinutes(3));
        recorder.record("activity-service", stack.pidOf("activity-service"));

        progress(label + ": kpi-service counting the backlog alone");
        Instant countingStart = Instant.now();
        stack.restart("kpi-service", Duration.ofMinutes(3));
        recorder.record("kpi-service", stack.pidOf("kpi-service"));
        // A fresh JVM: its counter starts at zero, and it resumes from the group's committed offsets.
        long firstCounted = awaitAbove("first counted", this::counted, 0, Duration.ofMinutes(5));
        awaitAtLeast("counted", this::counted, 2.0 * events, Duration.ofMinutes(10));
        double counting = 2.0 * events / ((System.nanoTime() - firstCounted) / 1e9);
        profiles.put(
                "counting alone, Kafka to rep-days",
                profiled(label + "-counting", List.of("kpi-service"), countingStart));
        return new Alone(ingest, logIngest, relay, counting);
    }

    record TwoInstances(double rate, long sent, long inApi) {}

    /**
     * kpi-service counting a backlog with two instances in its consumer group (started together from the group's
     * committed offsets), and the counts they leave in the API against what was sent: the scale-out, measured.
     */
    private TwoInstances twoKpiInstances(String group) throws Exception {
        progress("two kpi-service instances counting a backlog");
        List<String> reps = repsByGroup.get(group);
        int events = settings.roundEvents();
        double publishedBefore = published();
        stack.kill("kpi-service");
        Instant now = Instant.now();
        load.sendCalls(
                events,
                BATCH,
                THREADS,
                i -> load.call(reps.get(i % reps.size()), now.minusSeconds(i % 600)),
                new AtomicLong());
        awaitAtLeast("published", this::published, publishedBefore + events, Duration.ofMinutes(10));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try {
                return stack.startAnotherInstance("kpi-service", Duration.ofMinutes(3));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        stack.restart("kpi-service", Duration.ofMinutes(3));
        recorder.record("kpi-service", stack.pidOf("kpi-service"));
        String other = second.get(3, TimeUnit.MINUTES);
        DoubleSupplier both = () -> counted() + BenchProbes.metric(other, "salespulse_kpi_events_counted_total", null);
        long firstCounted = awaitAbove("first counted", both, 0, Duration.ofMinutes(5));
        awaitAtLeast("counted by the two", both, events, Duration.ofMinutes(10));
        double rate = events / ((System.nanoTime() - firstCounted) / 1e9);
        long inApi = 0;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String rep : reps) {
            for (LocalDate day : List.of(today.minusDays(1), today)) {
                inApi += BenchProbes.calls(
                        stack.url("kpi-service"), stack.tokens().admin(), rep, day);
            }
        }
        stack.stopOtherInstances();
        progress("  two instances: %.0f/s; %d sent, %d in the API".formatted(rate, events, inApi));
        return new TwoInstances(rate, events, inApi);
    }

    private double counted() {
        return BenchProbes.metric(stack.managementUrl("kpi-service"), "salespulse_kpi_events_counted_total", null);
    }

    /** Events activity-service put on Kafka since it started: by its relay, and activities at ingest. */
    private double published() {
        String url = stack.managementUrl("activity-service");
        return BenchProbes.metric(url, "salespulse_outbox_published_total", null)
                + BenchProbes.metric(url, "salespulse_ingest_direct_published_total", null);
    }

    // --- latency ------------------------------------------------------------------------------------------------

    record Latency(double achievedRate, Percentiles percentiles, int missing) {}

    /** Posts calls at a pace (a batch every 20 ms) and notes when each is visible in its rep's KPIs. */
    private Latency latency(KpiWatch watch, int rate) throws Exception {
        progress("post-to-KPI latency at " + rate + " events/s for "
                + settings.latencyPhase().toSeconds() + " s");
        List<String> reps = repsByGroup.get("lat" + rate);
        int perTick = Math.max(1, rate / 50);
        int ticks = (int) (settings.latencyPhase().toMillis() / 20);
        Map<String, List<Long>> sentAt = new LinkedHashMap<>();
        reps.forEach(rep -> sentAt.put(rep, new ArrayList<>()));
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong tick = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        var schedule = ticker.scheduleAtFixedRate(
                () -> {
                    if (tick.getAndIncrement() >= ticks) {
                        return;
                    }
                    List<String> events = new ArrayList<>();
                    long now = System.nanoTime();
                    for (int i = 0; i < perTick; i++) {
                        String rep = reps.get((int) (next.getAndIncrement() % reps.size()));
                        List<Long> times = sentAt.get(rep);
                        synchronized (times) {
                            times.add(now);
                        }
                        events.add(load.call(rep, Instant.now()));
                    }
                    senders.submit(() -> {
                        load.postBatch(events);
                        return null;
                    });
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        while (tick.get() < ticks) {
            Thread.sleep(100);
        }
        schedule.cancel(false);
        ticker.shutdown();
        senders.shutdown();
        senders.awaitTermination(1, TimeUnit.MINUTES);
        double achieved = next.get() / ((System.nanoTime() - t0) / 1e9);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Long> latencies = new ArrayList<>();
        int missing;
        do {
            Thread.sleep(500);
            latencies.clear();
            missing = 0;
            for (Map.Entry<String, List<Long>> rep : sentAt.entrySet()) {
                List<Long> times = rep.getValue();
                for (int n = 0; n < times.size(); n++) {
                    Long visible = watch.visible(rep.getKey(), n);
                    if (visible == null) {
                        missing++;
                    } else {
                        latencies.add(Math.max(0, visible - times.get(n)));
                    }
                }
            }
        } while (missing > 0 && System.nanoTime() < deadline);
        Percentiles percentiles = Percentiles.of(latencies);
        progress("  %d events/s achieved: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%s"
                .formatted(
                        (long) achieved,
                        percentiles.p50(),
                        percentiles.p95(),
                        percentiles.p99(),
                        percentiles.max(),
                        missing > 0 ? ", " + missing + " not visible" : ""));
        return new Latency(achieved, percentiles, missing);
    }

    /** From an objective's post to the Slack message about it being off track, at a local stand-in. */
    private Percentiles slackLatency() throws Exception {
        progress("signal-to-Slack latency, " + settings.slackSamples() + " objectives off track");
        List<Long> latencies = new ArrayList<>();
        try (SlackStandIn slack = new SlackStandIn()) {
            put(
                    stack.url("notification-service") + "/api/v1/managers/" + SLACK_MANAGER + "/preferences",
                    stack.tokens().admin(),
                    """
                    {"slackWebhookUrl":"%s","locale":"en","timezone":"UTC","minSeverity":"INFO"}""".formatted(slack.url()));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i < settings.slackSamples(); i++) {
                Thread.sleep(1_500);
                slack.arrivals.clear();
                long t0 = System.nanoTime();
                load.postOne(load.objectiveOffTrack("bench-objective-" + i, "bench-slack-" + i, today));
                Long arrived = slack.arrivals.poll(30, TimeUnit.SECONDS);
                if (arrived != null) {
                    latencies.add(arrived - t0);
                }
            }
        }
        Percentiles percentiles = Percentiles.of(latencies);
        progress("  p50 %.0f ms, max %.0f ms (%d of %d arrived)"
                .formatted(percentiles.p50(), percentiles.max(), latencies.size(), settings.slackSamples()));
        return percentiles;
    }

    // --- soak ---------------------------------------------------------------------------------------------------

    /**
     * One look at the soak: seconds since it began, events acknowledged and counted by then, how far behind the counts
     * are (the age of the oldest acknowledged event not yet counted), and each service's heap in use and live after its
     * last collection.
     */
    record SoakSample(
            long second,
            long acknowledged,
            long counted,
            double behindSeconds,
            Map<String, Double> heapMib,
            Map<String, Double> liveMib) {}

    record Soak(double rate, double achieved, List<SoakSample> samples) {

        double maxBehind() {
            return samples.stream().mapToDouble(SoakSample::behindSeconds).max().orElse(0);
        }
    }

    /**
     * Calls posted at a steady rate (a batch every 20 ms) for a while, with how far behind the counts are and each
     * service's heap sampled every 10 s: whether counting keeps up at that rate, and whether anything grows.
     */
    private Soak soak(double rate, Duration length) throws Exception {
        awaitConsumersCaughtUp(Duration.ofMinutes(30));
        int perTick = Math.max(1, (int) Math.round(rate / 50));
        progress("soak: %d events/s for %d s, lag and heap every 10 s".formatted(perTick * 50, length.toSeconds()));
        List<String> reps = repsByGroup.get("soak");
        double countedBefore = counted();
        // When the acknowledged total reached each value: (nanoTime, acknowledged), appended as answers arrive.
        List<long[]> acknowledgedAt = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong next = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        long end = t0 + length.toNanos();
        var schedule = ticker.scheduleAtFixedRate(
                () -> {
                    if (System.nanoTime() >= end) {
                        return;
                    }
                    List<String> events = new ArrayList<>();
                    for (int i = 0; i < perTick; i++) {
                        events.add(load.call(reps.get((int) (next.getAndIncrement() % reps.size())), Instant.now()));
                    }
                    senders.submit(() -> {
                        int accepted = load.postBatch(events);
                        synchronized (acknowledgedAt) {
                            acknowledgedAt.add(new long[] {System.nanoTime(), acknowledged.addAndGet(accepted)});
                        }
                        return null;
                    });
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        List<SoakSample> samples = new ArrayList<>();
        try {
            for (long at = t0 + Duration.ofSeconds(10).toNanos();
                    at <= end;
                    at += Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(Math.max(0, (at - System.nanoTime()) / 1_000_000));
                long counted = (long) (counted() - countedBefore);
                long now = System.nanoTime();
                long acked = acknowledged.get();
                double behind = 0;
                synchronized (acknowledgedAt) {
                    for (long[] point : acknowledgedAt) {
                        if (point[1] > counted) {
                            behind = (now - point[0]) / 1e9;
                            break;
                        }
                    }
                }
                Map<String, Double> heap = new LinkedHashMap<>();
                Map<String, Double> live = new LinkedHashMap<>();
                for (String service : SERVICES) {
                    String url = stack.managementUrl(service);
                    heap.put(
                            service, BenchProbes.metric(url, "jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024));
                    live.put(service, BenchProbes.metric(url, "jvm_gc_live_data_size_bytes", null) / (1024 * 1024));
                }
                SoakSample sample = new SoakSample((now - t0) / 1_000_000_000L, acked, counted, behind, heap, live);
                samples.add(sample);
                progress("  soak %d s: %d acknowledged, %d counted, %.1f s behind"
                        .formatted(sample.second(), acked, counted, behind));
            }
        } finally {
            schedule.cancel(false);
            ticker.shutdown();
            senders.shutdown();
            senders.awaitTermination(1, TimeUnit.MINUTES);
        }
        // Acknowledged within the soak (answers still on their way when it ended are left out).
        SoakSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        double achieved = last == null || last.second() == 0 ? 0 : (double) last.acknowledged() / last.second();
        return new Soak(perTick * 50, achieved, samples);
    }

    // --- memory and CPU -----------------------------------------------------------------------------------------

    record Memory(String process, double heapMib, double residentMib) {}

    private List<Memory> memory() {
        List<Memory> memory = new ArrayList<>();
        for (String service : SERVICES) {
            double heap = BenchProbes.metric(stack.managementUrl(service), "jvm_memory_used_bytes", "area=\"heap\"")
                    / (1024 * 1024);
            memory.add(new Memory(service, heap, BenchProbes.residentMib(stack.pidOf(service))));
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        memory.add(new Memory(
                "Kafka + Mongo-wire server (+ this benchmark)",
                heap.getUsed() / (1024.0 * 1024),
                BenchProbes.residentMib(ProcessHandle.current().pid())));
        return memory;
    }

    /** Waits until every consumer group has read everything on its topics: until then nothing is idle. */
    private void awaitConsumersCaughtUp(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        long lastReport = 0;
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            while (true) {
                long lag = 0;
                for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                    for (var entry : committed.entrySet()) {
                        if (entry.getValue() != null && !entry.getKey().topic().startsWith("bench.")) {
                            lag += Math.max(
                                    0,
                                    ends.get(entry.getKey()).offset()
                                            - entry.getValue().offset());
                        }
                    }
                }
                if (lag == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consumers still " + lag + " records behind after " + within);
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    progress("waiting for every consumer to catch up: " + lag + " records behind");
                    lastReport = System.nanoTime();
                }
                Thread.sleep(1_000);
            }
        }
    }

    private Map<String, Double> idleCpu(Duration window) throws Exception {
        awaitConsumersCaughtUp(Duration.ofMinutes(60));
        progress("idle CPU over " + window.toSeconds() + " s, after 20 s of rest");
        Thread.sleep(20_000);
        Map<String, Long> pids = new LinkedHashMap<>();
        SERVICES.forEach(service -> pids.put(service, stack.pidOf(service)));
        pids.put(StageProfile.INFRASTRUCTURE, ProcessHandle.current().pid());
        Map<String, Double> before = new LinkedHashMap<>();
        pids.forEach((name, pid) -> before.put(name, BenchProbes.cpuSeconds(pid)));
        Thread.sleep(window.toMillis());
        Map<String, Double> percent = new LinkedHashMap<>();
        pids.forEach((name, pid) ->
                percent.put(name, 100 * (BenchProbes.cpuSeconds(pid) - before.get(name)) / window.toSeconds()));
        StringBuilder line = new StringBuilder(" ");
        percent.forEach((name, cpu) -> line.append(" %s %.1f%%".formatted(name, cpu)));
        progress(line.toString());
        return percent;
    }

    // --- history ------------------------------------------------------------------------------------------------

    /** Calls over the 60 days before today by 100 reps, as fast as they are accepted, then until all are counted. */
    private void loadHistory(int events) throws Exception {
        progress("history: loading " + events + " events over 60 past days");
        List<String> reps = repsByGroup.get("past");
        Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        double countedBefore = counted();
        AtomicLong accepted = new AtomicLong();
        var reporter = Executors.newSingleThreadScheduledExecutor();
        reporter.scheduleAtFixedRate(
                () -> progress("history: %d of %d accepted, %d counted"
                        .formatted(accepted.get(), events, (long) (counted() - countedBefore))),
                10,
                10,
                TimeUnit.SECONDS);
        try {
            load.sendCalls(
                    events,
                    BATCH,
                    THREADS,
                    i -> load.call(
                            reps.get(i % reps.size()),
                            midnight.minus(1 + (i / reps.size()) % 60, ChronoUnit.DAYS)
                                    .plusSeconds(8 * 3600 + i % 36_000)),
                    accepted);
            awaitAtLeast("history counted", this::counted, countedBefore + events, Duration.ofMinutes(60));
        } finally {
            reporter.shutdownNow();
        }
        progress("history: " + events + " events accepted and counted");
    }

    // --- waiting ------------------------------------------------------------------------------------------------

    private static void awaitAtLeast(String what, DoubleSupplier value, double target, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!(value.getAsDouble() >= target)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not reach " + (long) target + " within " + within + " (at "
                        + value.getAsDouble() + ")");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static void awaitAtMost(String what, DoubleSupplier value, double target, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!(value.getAsDouble() <= target)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not come down to " + (long) target + " within " + within);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Waits until a value passes a mark; returns when (System.nanoTime). */
    private static long awaitAbove(String what, DoubleSupplier value, double mark, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!(value.getAsDouble() > mark)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen within " + within);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return System.nanoTime();
    }

    private void progress(String line) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        out.printf("[%02d:%02d] %s%n", seconds / 60, seconds % 60, line);
        out.flush();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // --- the report ---------------------------------------------------------------------------------------------

    static final class Report {

        private final Settings settings;
        Raw raw;
        Rates fresh;
        Rates withHistory;
        TwoInstances two;
        final Map<Integer, Latency> latency = new LinkedHashMap<>();
        Percentiles slack;
        List<Memory> memory;
        List<Memory> memoryAfter;
        Map<String, Double> idleCpu;
        Soak soak;
        final Map<String, List<StageProfile.Summary>> freshProfiles = new LinkedHashMap<>();
        final Map<String, List<StageProfile.Summary>> historyProfiles = new LinkedHashMap<>();
        Duration elapsed;

        Report(Settings settings) {
            this.settings = settings;
        }

        private static String pct(double rate, double ceiling) {
            return "%.1f%%".formatted(100 * rate / ceiling);
        }

        private static String verdict(boolean met) {
            return met ? "met" : "**missed**";
        }

        private static double change(double withHistory, double fresh) {
            return 100 * (withHistory - fresh) / fresh;
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("# Benchmarks\n\n");
            md.append(
                            "Written by `./bench` (the whole local stack, as `./run-local` starts it, in `.bench/`). Every rate is also given as a ")
                    .append(
                            "share of the raw Kafka rate measured in the same run on the same broker: the ceiling on the machine that ran it, ")
                    .append(
                            "so runs on different machines compare by their ratios. Figures are noisy from run to run; compare ratios ")
                    .append("taken in one run.\n\n");
            md.append("## Machine and run\n\n");
            md.append("| | |\n|---|---|\n");
            md.append("| date | ")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .append(" |\n");
            md.append("| cores | ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(" |\n");
            md.append("| memory | ").append(totalMemory()).append(" |\n");
            md.append("| Java | ")
                    .append(System.getProperty("java.vm.name"))
                    .append(' ')
                    .append(System.getProperty("java.version"))
                    .append(" |\n");
            md.append("| services' JVM options | `")
                    .append(String.join(" ", LocalStack.Options.LONG_RUNNING))
                    .append("` |\n");
            md.append("| history loaded | ").append(settings.history()).append(" events |\n");
            md.append("| duration | ")
                    .append(elapsed.toMinutes())
                    .append(" min ")
                    .append(elapsed.toSecondsPart())
                    .append(" s |\n\n");

            md.append("## Rates\n\n");
            md.append(
                            "Raw Kafka, ~300-byte records with `ce_*` headers, 3 partitions, idempotent producer, `acks=all`, `linger.ms=5`: ")
                    .append("producer **%.0f records/s**, consumer **%.0f records/s**.\n\n"
                            .formatted(raw.producer(), raw.consumer()));
            md.append(
                    "| rate | fresh | share of raw | with history | share of raw | change | target |\n|---|---|---|---|---|---|---|\n");
            row(
                    md,
                    "ingest, CloudEvents batches of 500, 4 clients",
                    fresh.ingest(),
                    withHistory.ingest(),
                    raw.producer(),
                    0.25,
                    "25% of the producer");
            row(
                    md,
                    "ingest, signed HubSpot batches of 100, 4 clients",
                    fresh.hubspot(),
                    withHistory.hubspot(),
                    raw.producer(),
                    0.05,
                    "5% of the producer");
            row(
                    md,
                    "ingest alone, activities straight to Kafka (nothing counting)",
                    fresh.ingestAlone(),
                    withHistory.ingestAlone(),
                    raw.producer(),
                    0.0,
                    "");
            row(
                    md,
                    "the log's path: ingest alone, into the store (Kafka stopped)",
                    fresh.logIngestAlone(),
                    withHistory.logIngestAlone(),
                    raw.producer(),
                    0.0,
                    "");
            row(
                    md,
                    "the log's path: relay alone, draining a backlog to Kafka",
                    fresh.relayBacklog(),
                    withHistory.relayBacklog(),
                    raw.producer(),
                    0.0,
                    "");
            row(
                    md,
                    "kpi-service alone, counting a backlog",
                    fresh.kpiBacklog(),
                    withHistory.kpiBacklog(),
                    raw.consumer(),
                    0.10,
                    "10% of the consumer");
            row(
                    md,
                    "first post to all counted",
                    fresh.firstPostToCounted(),
                    withHistory.firstPostToCounted(),
                    raw.consumer(),
                    0.03,
                    "3% of the consumer");
            md.append(
                    "| kpi-service, two instances, counting a backlog | %.0f/s | %s | | | | counts exact: %s (%d sent, %d in the API); against one instance alone: %+.0f%% |\n"
                            .formatted(
                                    two.rate(),
                                    pct(two.rate(), raw.consumer()),
                                    two.sent() == two.inApi() ? "yes" : "**no**",
                                    two.sent(),
                                    two.inApi(),
                                    change(two.rate(), fresh.kpiBacklog())));
            md.append(
                            "\nThe ingest and relay rates are shares of the raw producer rate, the counting rates shares of the raw consumer rate. ")
                    .append("\"With history\" is the same round after ")
                    .append(settings.history())
                    .append(" events of history were loaded; the target there is every rate within 20% of fresh.\n\n");

            md.append("## Post-to-KPI latency\n\n");
            md.append(
                            "Calls posted in small batches every 20 ms; an event is visible when the KPI update counting it is published ")
                    .append("(kpi-service writes the rep-day before it publishes, so the API shows it by then).\n\n");
            md.append(
                    "| target rate | achieved | p50 | p95 | p99 | max | not visible | p99 target |\n|---|---|---|---|---|---|---|---|\n");
            latency.forEach((rate, l) ->
                    md.append("| %d/s | %.0f/s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d | %s |\n"
                            .formatted(
                                    rate,
                                    l.achievedRate(),
                                    l.percentiles().p50(),
                                    l.percentiles().p95(),
                                    l.percentiles().p99(),
                                    l.percentiles().max(),
                                    l.missing(),
                                    rate == 5000
                                            ? "1 s: " + verdict(l.percentiles().p99() <= 1000 && l.missing() == 0)
                                            : "")));
            md.append(
                    "\nSignal to Slack (an objective posted off track, to the message at a local stand-in), %d samples: p50 %.0f ms, max %.0f ms; target 2 s: %s.\n\n"
                            .formatted(
                                    slack.samples(),
                                    slack.p50(),
                                    slack.max(),
                                    verdict(slack.samples() == settings.slackSamples() && slack.max() <= 2000)));

            soakSection(md);

            md.append("## Memory\n\n");
            md.append(
                    "| process | heap used, fresh | resident, fresh | heap used, with history | resident, with history |\n|---|---|---|---|---|\n");
            for (int i = 0; i < memory.size(); i++) {
                Memory before = memory.get(i);
                Memory after = memoryAfter.get(i);
                md.append("| %s | %.0f MiB | %.0f MiB | %.0f MiB | %.0f MiB |\n"
                        .formatted(
                                before.process(),
                                before.heapMib(),
                                before.residentMib(),
                                after.heapMib(),
                                after.residentMib()));
            }
            boolean heapMet = Stream.concat(memory.stream(), memoryAfter.stream())
                    .filter(m -> m.process().endsWith("-service"))
                    .allMatch(m -> m.heapMib() < 256);
            md.append("\nTarget: each service's heap under 256 MiB: ")
                    .append(verdict(heapMet))
                    .append(".\n\n");

            md.append("## Idle, with history\n\n");
            md.append("CPU used over 30 s with no traffic after the history was loaded, as a share of one core:\n\n");
            md.append("| process | CPU |\n|---|---|\n");
            idleCpu.forEach((process, cpu) -> md.append("| %s | %.1f%% |\n".formatted(process, cpu)));
            double total =
                    idleCpu.values().stream().mapToDouble(Double::doubleValue).sum();
            md.append("| all | %.1f%% |\n\nTarget: under 5%% of one core: %s.\n".formatted(total, verdict(total < 5)));
            profiles(md, "fresh", freshProfiles);
            profiles(md, "with history", historyProfiles);
            return md.toString();
        }

        /** The soak: how far behind the counts were, and the heaps, every 10 s. */
        private void soakSection(StringBuilder md) {
            md.append("## Soak\n\n");
            md.append(
                    ("Calls posted at the fresh round's CloudEvents ingest rate (%.0f events/s asked, %.0f/s acknowledged)"
                                    + " for %d s; every 10 s, how far behind the counts are (the age of the oldest acknowledged call"
                                    + " not yet counted) and each service's heap (in use / live after its last full collection,"
                                    + " MiB; 0 before the first).\n\n")
                            .formatted(
                                    soak.rate(),
                                    soak.achieved(),
                                    settings.soak().toSeconds()));
            md.append("| s | acknowledged | counted | behind |");
            SERVICES.forEach(service -> md.append(" ").append(service).append(" |"));
            md.append("\n|---|---|---|---|");
            SERVICES.forEach(service -> md.append("---|"));
            md.append("\n");
            for (SoakSample sample : soak.samples()) {
                md.append("| %d | %d | %d | %.1f s |"
                        .formatted(sample.second(), sample.acknowledged(), sample.counted(), sample.behindSeconds()));
                SERVICES.forEach(service -> md.append(" %.0f / %.0f |"
                        .formatted(
                                sample.heapMib().get(service), sample.liveMib().get(service))));
                md.append("\n");
            }
            List<SoakSample> samples = soak.samples();
            boolean grows = samples.size() >= 2
                    && SERVICES.stream()
                            .anyMatch(service -> samples.get(samples.size() - 1)
                                            .liveMib()
                                            .get(service)
                                    > 1.5 * Math.max(1, samples.get(0).liveMib().get(service)));
            md.append("\nTarget: never more than 5 s behind: %s (at most %.1f s); no heap growth (live data at the end"
                            .formatted(verdict(soak.maxBehind() <= 5), soak.maxBehind()))
                    .append(" within 1.5 times the first look): ")
                    .append(verdict(!grows))
                    .append(".\n\n");
        }

        /** Where each stage spends its CPU, from its JDK Flight Recorder recordings. */
        private static void profiles(StringBuilder md, String round, Map<String, List<StageProfile.Summary>> stages) {
            md.append("\n## Profiles, ").append(round).append("\n\n");
            md.append(
                            "JDK Flight Recorder (`settings=profile`, Java execution samples) in every process a stage runs in; the files ")
                    .append(
                            "are in `.bench/profiles/`. A sample's component is the innermost frame in a known library or in our code; ")
                    .append("the hottest methods are the top frames.\n\n");
            md.append("| stage | process | samples | by component | hottest methods |\n|---|---|---|---|---|\n");
            stages.forEach((stage, summaries) -> summaries.forEach(summary -> md.append("| %s | %s | %d | %s | %s |\n"
                    .formatted(
                            stage,
                            summary.process(),
                            summary.samples(),
                            StageProfile.Summary.top(summary.components(), 4),
                            StageProfile.Summary.top(summary.methods(), 3)))));
        }

        private static void row(
                StringBuilder md,
                String name,
                double fresh,
                double withHistory,
                double ceiling,
                double target,
                String targetText) {
            double change = change(withHistory, fresh);
            String verdict = target == 0
                    ? "within 20% of fresh: " + verdict(change >= -20)
                    : targetText + ": " + verdict(fresh >= target * ceiling && withHistory >= target * ceiling)
                            + "; within 20%: " + verdict(change >= -20);
            md.append("| %s | %.0f/s | %s | %.0f/s | %s | %+.0f%% | %s |\n"
                    .formatted(
                            name, fresh, pct(fresh, ceiling), withHistory, pct(withHistory, ceiling), change, verdict));
        }

        private static String totalMemory() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        return "%.1f GiB".formatted(Long.parseLong(line.replaceAll("\\D", "")) / (1024.0 * 1024));
                    }
                }
            } catch (IOException e) {
                // not on Linux
            }
            return "unknown";
        }
    }
}
