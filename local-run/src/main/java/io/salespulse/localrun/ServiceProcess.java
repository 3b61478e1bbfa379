package io.salespulse.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One SalesPulse service running as its own JVM from its runnable jar, its output in a log file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path jar;
    private final Map<String, String> env;
    private final List<String> jvmOptions;

    private ServiceProcess(
            String name,
            int port,
            Process process,
            Path log,
            Path jar,
            Map<String, String> env,
            List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.jar = jar;
        this.env = env;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Stops service JVMs a previous run left behind (its launcher killed with -9, or its broker gone): their pids
     * are in {@code <data>/pids}, and each is stopped only if it is still one of our service jars.
     */
    static void stopLeftovers(Path dataDir) throws IOException {
        Path pids = dataDir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (var files = Files.list(pids)) {
            for (Path file : files.toList()) {
                long pid = Long.parseLong(Files.readString(file).trim());
                ProcessHandle.of(pid)
                        .filter(p -> p.info()
                                .commandLine()
                                .map(c -> c.contains("-exec.jar"))
                                .orElse(false))
                        .ifPresent(p -> {
                            System.out.println("SalesPulse: stopping " + file.getFileName()
                                    + " left by a previous run (pid " + pid + ")");
                            p.destroy();
                            p.onExit()
                                    .orTimeout(20, TimeUnit.SECONDS)
                                    .exceptionally(t -> {
                                        p.destroyForcibly();
                                        return p;
                                    })
                                    .join();
                        });
                Files.delete(file);
            }
        } catch (NumberFormatException e) {
            // a damaged pid file: ignore it
        }
    }

    static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> env, Path logDir, List<String> jvmOptions)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + ": build first (./mvnw install -DskipTests)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        Path pids = logDir.getParent().resolve("pids");
        Files.createDirectories(pids);
        Files.writeString(pids.resolve(name), String.valueOf(process.pid()));
        return new ServiceProcess(name, port, process, log, jar, Map.copyOf(env), List.copyOf(jvmOptions));
    }

    /**
     * Another instance of this service, with the same jar and settings on its own ports and log ({@code <name>-2}):
     * one more member of its consumer groups.
     */
    ServiceProcess another(int port, int managementPort) throws IOException {
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.put("MANAGEMENT_PORT", String.valueOf(managementPort));
        return start(name + "-2", jar, port, settings, log.getParent(), jvmOptions);
    }

    /** The same service started again, with the same jar, port and settings (after {@link #kill} or {@link #close}). */
    ServiceProcess startAgain() throws IOException {
        return start(name, jar, port, env, log.getParent(), jvmOptions);
    }

    /**
     * The same service started again with some settings changed ({@code changed} over its environment); started again
     * after that ({@link #startAgain}), it keeps them.
     */
    ServiceProcess startAgain(Map<String, String> changed) throws IOException {
        Map<String, String> settings = new java.util.HashMap<>(env);
        settings.putAll(changed);
        return start(name, jar, port, settings, log.getParent(), jvmOptions);
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hook, no graceful stop, as a crash or an OOM kill would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Metrics and health details: the management port the service was given ({@code MANAGEMENT_PORT}). */
    String managementUrl() {
        return "http://localhost:" + env.get("MANAGEMENT_PORT");
    }

    Path log() {
        return log;
    }

    boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + "/readyz"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM: a graceful Spring shutdown), and forces it after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
