package io.salespulse.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the benchmark reads its figures from: the services' metrics, the processes, the KPI topic, a Slack stand-in. */
final class BenchProbes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchProbes() {}

    /** A rep's calls on a day, as the KPI API gives them. */
    static long calls(String kpiUrl, String token, String rep, LocalDate day) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(kpiUrl + "/api/v1/reps/" + rep + "/kpis?period=day&date=" + day))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "KPIs of " + rep + ": " + response.statusCode() + " " + response.body());
            }
            return tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(response.body())
                    .path("activity")
                    .path("calls")
                    .asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sum of a Prometheus metric's series on a service ({@code 0} when it has none yet). The scrape asks for that
     * metric alone ({@code includedNames}), which shortens the answer, though the registry still collects every meter.
     */
    static double metric(String serviceUrl, String name, String labelFilter) {
        String family = name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(
                                    serviceUrl + "/actuator/prometheus?includedNames=" + family + "," + name))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            for (String line : response.body().split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    if (labelFilter == null || line.contains(labelFilter)) {
                        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
            return sum;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resident memory of a process, in MiB. */
    static double residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            // not on Linux, or the process is gone
        }
        return Double.NaN;
    }

    /** CPU time a process has used (user + system), in seconds (Linux clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Follows {@code salespulse.kpis} from its end: for each rep, when its n-th call of the day became visible in its
     * KPIs (the update is published after the rep-day is written, so the API shows it by then).
     */
    static final class KpiWatch implements AutoCloseable {

        private static final Pattern REP = Pattern.compile("\"repId\":\"([^\"]+)\"");
        private static final Pattern DAY = Pattern.compile("\"day\":\"([^\"]+)\"");
        private static final Pattern CALLS = Pattern.compile("\"calls\":(\\d+)");

        private final Map<String, List<Long>> visibleAt = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        KpiWatch(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = consumer.partitionsFor("salespulse.kpis").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            thread = new Thread(
                    () -> {
                        try (consumer) {
                            while (running) {
                                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                                    Header type = record.headers().lastHeader("ce_type");
                                    if (type == null
                                            || !new String(type.value(), StandardCharsets.UTF_8)
                                                    .contains("rep-day-updated")) {
                                        continue;
                                    }
                                    long now = System.nanoTime();
                                    String value = new String(record.value(), StandardCharsets.UTF_8);
                                    Matcher rep = REP.matcher(value);
                                    Matcher day = DAY.matcher(value);
                                    Matcher calls = CALLS.matcher(value);
                                    if (rep.find()
                                            && day.find()
                                            && calls.find()
                                            && day.group(1).equals(today)) {
                                        List<Long> times =
                                                visibleAt.computeIfAbsent(rep.group(1), r -> new ArrayList<>());
                                        synchronized (times) {
                                            for (long n = times.size(); n < Long.parseLong(calls.group(1)); n++) {
                                                times.add(now);
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    },
                    "bench-kpi-watch");
            thread.setDaemon(true);
            thread.start();
        }

        /** When the rep's n-th call of today (from 0) became visible, or {@code null}. */
        Long visible(String repId, int n) {
            List<Long> times = visibleAt.get(repId);
            if (times == null) {
                return null;
            }
            synchronized (times) {
                return n < times.size() ? times.get(n) : null;
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }

    /** A Slack incoming-webhook stand-in: answers {@code ok} and notes when each message arrived. */
    static final class SlackStandIn implements AutoCloseable {

        private final HttpServer server;
        final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();

        SlackStandIn() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/slack", exchange -> {
                arrivals.add(System.nanoTime());
                exchange.getRequestBody().readAllBytes();
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Percentiles of latencies in nanoseconds, in milliseconds. */
    record Percentiles(int samples, double p50, double p95, double p99, double max) {

        static Percentiles of(Collection<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(null);
            if (sorted.isEmpty()) {
                return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Percentiles(
                    sorted.size(),
                    at(sorted, 0.50),
                    at(sorted, 0.95),
                    at(sorted, 0.99),
                    sorted.get(sorted.size() - 1) / 1e6);
        }

        private static double at(List<Long> sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }
    }
}
