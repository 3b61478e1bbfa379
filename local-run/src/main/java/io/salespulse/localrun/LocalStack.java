package io.salespulse.localrun;

import io.salespulse.kit.security.TokenMint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole system on this machine: Kafka and the Mongo-wire server in this JVM, the four services as child JVMs.
 * Starting it twice on the same data folder finds the data of the first run.
 */
public final class LocalStack implements AutoCloseable {

    /** The services, in start order, with their default ports. */
    public static final List<String> SERVICES =
            List.of("activity-service", "kpi-service", "coaching-service", "notification-service");
    /** The services and the managers' cockpit, each a JVM of its own, started in this order. */
    public static final List<String> APPS =
            List.of("activity-service", "kpi-service", "coaching-service", "notification-service", "cockpit");

    /**
     * Every port the stack listens on, each given on its own: none is derived from another, so a port in use is
     * always named, never stumbled on.
     *
     * @param kafka           the broker's client port
     * @param kafkaController the broker's controller port
     * @param mongo           the Mongo-wire server's port
     * @param services        each application's port, in {@link #APPS} order (the cockpit last)
     * @param sink            the demo's notification sink
     */
    public record Ports(
            int kafka, int kafkaController, int mongo, List<Integer> services, List<Integer> management, int sink) {

        public Ports {
            services = List.copyOf(services);
            management = List.copyOf(management);
            if (services.size() != APPS.size() || management.size() != APPS.size()) {
                throw new IllegalArgumentException("One port and one management port per application: " + APPS);
            }
        }

        /**
         * The documented ports: Kafka 9092 (controller 9093), Mongo 27017, services 8081 to 8084 (their metrics and
         * health details on 9081 to 9084), the cockpit 8080 (9085), sink 8089.
         */
        public static Ports defaults() {
            return new Ports(
                    9092,
                    9093,
                    27017,
                    List.of(8081, 8082, 8083, 8084, 8080),
                    List.of(9081, 9082, 9083, 9084, 9085),
                    8089);
        }

        /**
         * Ports the operating system reports free right now, all distinct: every socket is held open until all are
         * chosen, so no two can be the same (for tests, which run beside other servers).
         */
        public static Ports free() throws IOException {
            List<Integer> ports = freePorts(4 + 2 * APPS.size());
            return new Ports(
                    ports.get(0),
                    ports.get(1),
                    ports.get(2),
                    ports.subList(4, 4 + APPS.size()),
                    ports.subList(4 + APPS.size(), 4 + 2 * APPS.size()),
                    ports.get(3));
        }

        /** {@code count} distinct ports free right now (each socket held open until all are chosen). */
        static List<Integer> freePorts(int count) throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    ServerSocket socket = new ServerSocket();
                    sockets.add(socket);
                    socket.bind(new InetSocketAddress("127.0.0.1", 0));
                }
                return sockets.stream().map(ServerSocket::getLocalPort).toList();
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /**
     * Where and how to run.
     *
     * @param root         the project folder (holds each service's {@code target/<name>-exec.jar})
     * @param dataDir      where Kafka's log, the Mongo file and the service logs go
     * @param ports        where everything listens
     * @param ingestApiKey the ingest API key of the {@code demo} source
     * @param jvmOptions   the services' JVM options
     * @param environment  settings added to every service's environment
     * @param clockOffset  how far the stack's clock is from the real one (zero: today is today): every service, the
     *                     cockpit and the demo read the same shifted clock ({@code salespulse.clock.offset}), so a demo
     *                     or a test can play a chosen day; tokens keep the real clock
     */
    public record Options(
            Path root,
            Path dataDir,
            Ports ports,
            String ingestApiKey,
            List<String> jvmOptions,
            Map<String, String> environment,
            Duration clockOffset) {

        /** For a run that lasts: the JIT's full optimisation (C2) once the code is hot. */
        public static final List<String> LONG_RUNNING = List.of("-Xmx384m", "-XX:+UseSerialGC");
        /** For a run of a few minutes: the quick compiler only, so start-up competes less for the cores. */
        public static final List<String> QUICK_START =
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

        public Options(Path root, Path dataDir, Ports ports, String ingestApiKey) {
            this(root, dataDir, ports, ingestApiKey, LONG_RUNNING, Map.of());
        }

        public Options(
                Path root,
                Path dataDir,
                Ports ports,
                String ingestApiKey,
                List<String> jvmOptions,
                Map<String, String> environment) {
            this(root, dataDir, ports, ingestApiKey, jvmOptions, environment, Duration.ZERO);
        }

        /** The same stack, its clock reading {@code now} at this moment and going on from there. */
        public Options at(Instant now) {
            return new Options(
                    root, dataDir, ports, ingestApiKey, jvmOptions, environment, Duration.between(Instant.now(), now));
        }

        /** The same stack, its clock shifted by whole days so that today (in {@code zone}) is {@code day}; the hour is kept. */
        public Options on(LocalDate day, ZoneId zone) {
            return new Options(
                    root,
                    dataDir,
                    ports,
                    ingestApiKey,
                    jvmOptions,
                    environment,
                    Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(zone), day)));
        }

        /** The clock of this stack: the real one, shifted by {@link #clockOffset}. */
        public Clock clock() {
            return io.salespulse.kit.time.ClockConfiguration.shifted(clockOffset);
        }

        public static Options defaults(Path root) {
            return new Options(root, root.resolve(".local-run"), Ports.defaults(), "local-dev-ingest-key");
        }

        /** A stack for a test: its own data folder and free ports. */
        public static Options forTest(Path root, Path dataDir) throws IOException {
            return new Options(root, dataDir, Ports.free(), "it-key", QUICK_START, Map.of());
        }
    }

    /** The local run's CRM webhook credentials (the Pipedrive user is the service's default, {@code salespulse}). */
    public static final String HUBSPOT_SECRET = "local-dev-hubspot-secret";

    public static final String PIPEDRIVE_USER = "salespulse";
    public static final String PIPEDRIVE_PASSWORD = "local-dev-pipedrive-password";

    /** The issuer of the local run's tokens. */
    public static final String ISSUER = "salespulse-local";

    /**
     * Ready tokens of the local run (valid 30 days, signed with the key in {@code <data>/jwt}).
     *
     * @param manager    the demo team's manager ({@code MANAGER} of {@code team-paris})
     * @param leadership a leadership user (reads every team)
     * @param admin      an administrator (writes the roster and preferences)
     * @param rep        a rep reading its own figures ({@code REP}, Léa of {@code team-paris})
     */
    /** The local run's tokens: the demo's manager, leadership, admin, rep and director (of the company unit). */
    public record Tokens(String manager, String leadership, String admin, String rep, String director) {}

    private final Options options;
    private volatile LocalKafka kafka;
    private volatile LocalMongo mongo;
    private final List<ServiceProcess> services;
    private final List<ServiceProcess> others = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Tokens tokens;

    private LocalStack(
            Options options, LocalKafka kafka, LocalMongo mongo, List<ServiceProcess> services, Tokens tokens) {
        this.options = options;
        this.kafka = kafka;
        this.mongo = mongo;
        this.services = services;
        this.tokens = tokens;
    }

    /** Starts everything and returns once every service is ready; on failure, stops what it started. */
    public static LocalStack start(Options options, Duration readyWithin) throws IOException, InterruptedException {
        ServiceProcess.stopLeftovers(options.dataDir());
        Ports ports = options.ports();
        requireFree(ports.kafka(), "Kafka");
        requireFree(ports.kafkaController(), "the Kafka controller");
        requireFree(ports.mongo(), "the Mongo-wire server");
        for (int i = 0; i < APPS.size(); i++) {
            requireFree(ports.services().get(i), APPS.get(i));
            requireFree(ports.management().get(i), APPS.get(i) + " (management)");
        }
        LocalKafka kafka = LocalKafka.start(options.dataDir(), ports.kafka(), ports.kafkaController());
        LocalMongo mongo;
        try {
            mongo = LocalMongo.start(options.dataDir(), ports.mongo());
        } catch (IOException | RuntimeException e) {
            kafka.close();
            throw e;
        }
        Path keys = options.dataDir().resolve("jwt");
        TokenMint mint = TokenMint.inFolder(keys, ISSUER);
        Duration validity = Duration.ofDays(30);
        Tokens tokens = new Tokens(
                mint.token(DemoOrganisation.MANAGER, List.of("MANAGER"), List.of(DemoOrganisation.TEAM), validity),
                mint.token(DemoOrganisation.LEADERSHIP, List.of("LEADERSHIP"), List.of(), validity),
                mint.token(DemoOrganisation.ADMIN, List.of("ADMIN"), List.of(), validity),
                mint.token(DemoOrganisation.REP, List.of("REP"), List.of(DemoOrganisation.TEAM), validity),
                mint.token(
                        io.salespulse.localrun.demo.DemoCast.DIRECTOR,
                        List.of("DIRECTOR"),
                        List.of(),
                        List.of(io.salespulse.localrun.demo.DemoCast.COMPANY.unitId()),
                        validity));
        Files.writeString(options.dataDir().resolve("tokens.env"), """
                # The local run's tokens (./run-local writes them at each start); source this file to use them.
                MANAGER_TOKEN=%s
                LEADERSHIP_TOKEN=%s
                ADMIN_TOKEN=%s
                REP_TOKEN=%s
                DIRECTOR_TOKEN=%s
                """.formatted(
                        tokens.manager(), tokens.leadership(), tokens.admin(), tokens.rep(), tokens.director()));
        List<ServiceProcess> services = new ArrayList<>();
        LocalStack stack = new LocalStack(options, kafka, mongo, services, tokens);
        try {
            for (int i = 0; i < APPS.size(); i++) {
                String name = APPS.get(i);
                Map<String, String> env = new java.util.HashMap<>(options.environment());
                env.putAll(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS",
                        kafka.bootstrapServers(),
                        "MONGODB_URI",
                        mongo.uri("salespulse-" + name.replace("-service", "")),
                        "INGEST_API_KEY_DEMO",
                        options.ingestApiKey(),
                        "KAFKA_PARTITIONS",
                        "3",
                        "JWT_PUBLIC_KEY_LOCATION",
                        TokenMint.publicKey(keys).toUri().toString(),
                        "JWT_ISSUER",
                        ISSUER,
                        "HUBSPOT_CLIENT_SECRET",
                        HUBSPOT_SECRET,
                        "PIPEDRIVE_WEBHOOK_PASSWORD",
                        PIPEDRIVE_PASSWORD,
                        // The demo's New York team is on HubSpot, in dollars.
                        "HUBSPOT_CURRENCY",
                        "USD"));
                // The local run on this machine: the local-dev defaults are allowed, notifications reach the demo's
                // sink on loopback, and the demo tokens live 30 days.
                env.put("SPRING_PROFILES_ACTIVE", "local");
                env.put("MANAGEMENT_PORT", String.valueOf(ports.management().get(i)));
                env.put("JWT_MAX_LIFETIME", "31d");
                // The local run's demo credential may write the CRMs' deals: ./backfill from HubSpot or Pipedrive sends
                // them.
                env.put("SALESPULSE_INGEST_SCOPES_DEMO_CRMDEALS", "hubspot-,pipedrive-,twenty-,salesforce-");
                if (!options.clockOffset().isZero()) {
                    env.put("SALESPULSE_CLOCK_OFFSET", options.clockOffset().toMillis() + "ms");
                }
                // Every notification links to the cockpit; the cockpit calls the services and signs the demo users in.
                env.put("COCKPIT_URL", "http://localhost:" + ports.services().get(APPS.indexOf("cockpit")));
                if ("cockpit".equals(name)) {
                    for (String service : SERVICES) {
                        env.put(
                                service.replace("-service", "").toUpperCase(java.util.Locale.ROOT) + "_URL",
                                "http://localhost:" + ports.services().get(APPS.indexOf(service)));
                    }
                    env.put(
                            "JWT_PRIVATE_KEY_LOCATION",
                            keys.resolve("jwt-private.pem").toUri().toString());
                }
                services.add(ServiceProcess.start(
                        name,
                        options.root().resolve(name).resolve("target").resolve(name + "-exec.jar"),
                        ports.services().get(i),
                        env,
                        options.dataDir().resolve("logs"),
                        options.jvmOptions()));
            }
            long deadline = System.nanoTime() + readyWithin.toNanos();
            for (ServiceProcess service : services) {
                awaitReady(service, deadline, readyWithin);
            }
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void awaitReady(ServiceProcess service, long deadline, Duration readyWithin)
            throws InterruptedException {
        while (!service.isReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        service.name() + " not ready within " + readyWithin + "; see " + service.log());
            }
            Thread.sleep(250);
        }
    }

    // --- faults, for the fault suite ---------------------------------------------------------------------------

    /** Kills a service's JVM at once (SIGKILL), as a crash would. */
    public void kill(String service) throws InterruptedException {
        services.get(indexOf(service)).kill();
    }

    /** Starts a killed service again, with the same port and settings; returns once it is ready. */
    public void restart(String service, Duration readyWithin) throws IOException, InterruptedException {
        int index = indexOf(service);
        ServiceProcess started = services.get(index).startAgain();
        services.set(index, started);
        awaitReady(started, System.nanoTime() + readyWithin.toNanos(), readyWithin);
    }

    /**
     * Stops a service and starts it again with some of its settings changed (environment variables over those it had;
     * {@code Map.of()} keeps them); returns once it is ready.
     */
    public void restartWith(String service, Map<String, String> changed, Duration readyWithin)
            throws IOException, InterruptedException {
        int index = indexOf(service);
        ServiceProcess running = services.get(index);
        running.close();
        ServiceProcess started = running.startAgain(changed);
        services.set(index, started);
        awaitReady(started, System.nanoTime() + readyWithin.toNanos(), readyWithin);
    }

    /** Stops the broker cleanly and starts it again on the same ports and data. */
    public void restartKafka() throws IOException {
        kafka.close();
        kafka = LocalKafka.start(
                options.dataDir(), options.ports().kafka(), options.ports().kafkaController());
    }

    /** Stops the broker cleanly; {@link #startKafka} starts it again on the same ports and data. */
    public void stopKafka() {
        kafka.close();
    }

    public void startKafka() throws IOException {
        kafka = LocalKafka.start(
                options.dataDir(), options.ports().kafka(), options.ports().kafkaController());
    }

    /**
     * Starts one more instance of a service (its own ports, the same settings: a second member of its consumer groups,
     * as a second replica would be); returns its management URL once it is ready. {@link #stopOtherInstances} or
     * {@link #close} stops it.
     */
    public String startAnotherInstance(String service, Duration readyWithin) throws IOException, InterruptedException {
        List<Integer> ports = Ports.freePorts(2);
        ServiceProcess another = services.get(indexOf(service)).another(ports.get(0), ports.get(1));
        others.add(another);
        awaitReady(another, System.nanoTime() + readyWithin.toNanos(), readyWithin);
        return another.managementUrl();
    }

    /** Stops the instances {@link #startAnotherInstance} started. */
    public void stopOtherInstances() {
        others.forEach(ServiceProcess::close);
        others.clear();
    }

    /** The process id of a service's JVM. */
    public long pidOf(String service) {
        return services.get(indexOf(service)).pid();
    }

    /** Stops the Mongo-wire server (its file closed) and starts it again on the same port and file. */
    public void restartMongo() throws IOException {
        mongo.close();
        mongo = LocalMongo.start(options.dataDir(), options.ports().mongo());
    }

    private static int indexOf(String service) {
        int index = APPS.indexOf(service);
        if (index < 0) {
            throw new IllegalArgumentException("No service " + service);
        }
        return index;
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Port " + port + " (for " + what + ") is in use: is SalesPulse already running?", e);
        }
    }

    public String url(String service) {
        return services.get(indexOf(service)).url();
    }

    /** Where a service's metrics and health details are (its management port). */
    public String managementUrl(String service) {
        return services.get(indexOf(service)).managementUrl();
    }

    /** What the demo needs to reach this stack. */
    public io.salespulse.localrun.demo.Demo.Target demoTarget(Options options) {
        return new io.salespulse.localrun.demo.Demo.Target(
                url("activity-service"),
                url("kpi-service"),
                url("coaching-service"),
                url("notification-service"),
                tokens.admin(),
                tokens.leadership(),
                tokens.director(),
                new io.salespulse.localrun.demo.DemoTraffic.Endpoints(
                        url("activity-service"),
                        options.ingestApiKey(),
                        PIPEDRIVE_USER,
                        PIPEDRIVE_PASSWORD,
                        HUBSPOT_SECRET),
                options.dataDir(),
                clock());
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The clock every service of this stack reads (the real one unless the options shift it). */
    public Clock clock() {
        return options.clock();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops the services (gracefully), then the broker and the Mongo-wire server. */
    @Override
    public void close() {
        stopOtherInstances();
        services.parallelStream().forEach(ServiceProcess::close);
        kafka.close();
        mongo.close();
    }
}
