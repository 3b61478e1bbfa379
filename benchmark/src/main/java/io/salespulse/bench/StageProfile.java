package io.salespulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder through the benchmark: in the service JVMs (started and dumped with {@code jcmd}) and in this
 * one, which runs Kafka and the Mongo-wire server (the {@code jdk.jfr} API). Each recording is
 * read back into a {@link Summary}: how many Java execution samples the process took, their share by component (the
 * innermost frame that belongs to a known library or to our code) and the hottest methods (the top frame). The
 * {@code .jfr} files stay in {@code .bench/profiles/} for {@code jfr print} or a flame graph.
 */
final class StageProfile {

    /** The process named for Kafka and the Mongo-wire server (this JVM). */
    static final String INFRASTRUCTURE = "Kafka + Mongo-wire server";

    /** Packages to components, most specific first; a frame in none of them (the JDK) is looked through. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("org.h2.", "H2 (the Mongo-wire server's store)"),
            Map.entry("io.salespulse.devmongo.", "Mongo-wire server"),
            Map.entry("de.bwaldvogel.", "Mongo-wire server"),
            Map.entry("io.netty.", "Netty (Mongo-wire server)"),
            Map.entry("kafka.", "Kafka broker"),
            Map.entry("org.apache.kafka.storage.", "Kafka broker"),
            Map.entry("org.apache.kafka.server.", "Kafka broker"),
            Map.entry("org.apache.kafka.raft.", "Kafka broker"),
            Map.entry("org.apache.kafka.metadata.", "Kafka broker"),
            Map.entry("org.apache.kafka.coordinator.", "Kafka broker"),
            Map.entry("org.apache.kafka.clients.", "Kafka client"),
            Map.entry("org.apache.kafka.common.", "Kafka client / common"),
            Map.entry("org.springframework.kafka.", "Spring Kafka"),
            Map.entry("org.bson.", "MongoDB driver (BSON)"),
            Map.entry("com.mongodb.", "MongoDB driver"),
            Map.entry("org.springframework.data.mongodb.", "Spring Data MongoDB"),
            Map.entry("org.springframework.data.", "Spring Data MongoDB"),
            Map.entry("tools.jackson.", "Jackson"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("org.apache.catalina.", "Tomcat"),
            Map.entry("org.apache.coyote.", "Tomcat"),
            Map.entry("org.apache.tomcat.", "Tomcat"),
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.springframework.web.", "Spring MVC"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("io.salespulse.bench.", "the benchmark's clients"),
            Map.entry("io.salespulse.", "SalesPulse code"),
            Map.entry("org.springframework.", "Spring (other)"));

    /** What one process did during a stage. */
    record Summary(String process, long samples, Map<String, Double> components, Map<String, Double> methods) {

        /** The first {@code n} entries of a share map as "name 42%". */
        static String top(Map<String, Double> shares, int n) {
            List<String> parts = new ArrayList<>();
            shares.entrySet().stream()
                    .limit(n)
                    .forEach(e -> parts.add("%s %.0f%%".formatted(e.getKey(), 100 * e.getValue())));
            return String.join(", ", parts);
        }
    }

    private final Path dir;
    private final Map<String, Long> services = new LinkedHashMap<>();
    private Recording own;

    private StageProfile(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        try {
            own = new Recording(Configuration.getConfiguration("profile"));
        } catch (java.text.ParseException e) {
            throw new IOException(e);
        }
        own.start();
    }

    /**
     * Starts recording in this JVM; {@link #record} adds the service JVMs. Recordings run from then on and each stage
     * is cut out of them by time ({@link #stage}): starting a recording costs a JVM seconds of CPU, which would land
     * in the stage it started.
     */
    static StageProfile start(Path dir) throws IOException {
        return new StageProfile(dir);
    }

    /**
     * Stops every recording (what they hold so far is dumped to {@code <name>-*.jfr}): idle CPU is measured without
     * a profiler's own cost; {@link #resume} starts them again.
     */
    void pause(String name) throws IOException {
        for (Map.Entry<String, Long> service : services.entrySet()) {
            jcmd(
                    service.getValue(),
                    "JFR.stop",
                    "name=bench",
                    "filename=" + dir.resolve(name + "-" + service.getKey() + ".jfr"));
        }
        own.stop();
        own.dump(dir.resolve(name + "-infrastructure.jfr"));
        own.close();
    }

    /** Starts the recordings {@link #pause} stopped, in the same JVMs. */
    void resume() throws IOException {
        for (Map.Entry<String, Long> service : Map.copyOf(services).entrySet()) {
            record(service.getKey(), service.getValue());
        }
        try {
            own = new Recording(Configuration.getConfiguration("profile"));
        } catch (java.text.ParseException e) {
            throw new IOException(e);
        }
        own.start();
    }

    /** Starts recording a service JVM (again after a restart: the new JVM's pid). */
    void record(String service, long pid) throws IOException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        services.put(service, pid);
    }

    /**
     * What these services (and this JVM, which runs Kafka and the Mongo-wire server) did between two instants: each
     * recording is dumped to {@code <stage>-<process>.jfr} and its samples in that span summarised.
     */
    List<Summary> stage(String stage, List<String> processes, Instant from, Instant to) throws IOException {
        List<Summary> summaries = new ArrayList<>();
        for (String service : processes) {
            Path file = dir.resolve(stage + "-" + service + ".jfr");
            jcmd(services.get(service), "JFR.dump", "name=bench", "filename=" + file);
            summaries.add(summarise(service, file, false, from, to));
        }
        Path ownFile = dir.resolve(stage + "-infrastructure.jfr");
        own.dump(ownFile);
        summaries.add(summarise(INFRASTRUCTURE, ownFile, true, from, to));
        return summaries;
    }

    /**
     * The samples of a recording by component and by hottest method. In this JVM, the benchmark's own client threads
     * are left out: they are the load, not the system.
     */
    static Summary summarise(String process, Path file, boolean infrastructure, Instant from, Instant to)
            throws IOException {
        Map<String, Long> components = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        long samples = 0;
        if (Files.exists(file)) {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                        || event.getStartTime().isBefore(from)
                        || event.getStartTime().isAfter(to)
                        || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String component = componentOf(frames);
                if (infrastructure && component.equals("the benchmark's clients")) {
                    continue;
                }
                samples++;
                components.merge(component, 1L, Long::sum);
                RecordedFrame top = frames.get(0);
                methods.merge(
                        simpleType(top.getMethod().getType().getName()) + "."
                                + top.getMethod().getName(),
                        1L,
                        Long::sum);
            }
        }
        return new Summary(process, samples, shares(components, samples), shares(methods, samples));
    }

    private static String componentOf(List<RecordedFrame> frames) {
        // The benchmark's own threads first: their stacks run Kafka clients and HTTP too.
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().startsWith("io.salespulse.bench.")) {
                return "the benchmark's clients";
            }
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> component : COMPONENTS) {
                if (type.startsWith(component.getKey())) {
                    return component.getValue();
                }
            }
        }
        return "JDK (threads, I/O, GC-visible work)";
    }

    private static String simpleType(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static Map<String, Double> shares(Map<String, Long> counts, long total) {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> shares.put(e.getKey(), total == 0 ? 0 : e.getValue() / (double) total));
        return shares;
    }

    private static void jcmd(long pid, String... command) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("jcmd " + String.join(" ", command) + " did not finish on " + pid);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
