package io.salespulse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.localrun.DemoOrganisation;
import io.salespulse.localrun.LocalStack;
import io.salespulse.localrun.demo.DemoCast;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite: the real local stack (a Kafka broker, the Mongo-wire server on its H2 file, the four services as
 * their own JVMs) takes a realistic stream from CloudEvents and the three CRM webhooks, one day of events per fault,
 * while the fault happens mid-stream. Then each day's figures in the KPI API are reconciled with what was sent:
 * {@code fault <name>: sent N, accepted A, counted C, lost 0, doubled 0}.
 */
class FaultSuiteIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TWENTY_SECRET = "local-dev-twenty-secret";
    private static final String TWENTY_OWNER = "tw-owner-faults";

    @TempDir
    Path data;

    /** A fault, applied while its day's stream is a third through. */
    private interface Fault {
        void inject(LocalStack stack) throws Exception;
    }

    @Test
    void nothingAcceptedIsLostOrCountedTwiceWhateverFails() throws Exception {
        Path root = Path.of(System.getProperty("salespulse.root", ".."))
                .toAbsolutePath()
                .normalize();
        LocalStack.Options options = LocalStack.Options.forTest(root, data);
        Map<String, Fault> faults = new LinkedHashMap<>();
        AtomicReference<FaultTraffic> current = new AtomicReference<>();
        AtomicLong refusedWhileDown = new AtomicLong();
        for (String service : List.of("activity-service", "kpi-service", "coaching-service", "notification-service")) {
            faults.put("kill -9 " + service, stack -> {
                stack.kill(service);
                stack.restart(service, Duration.ofMinutes(2));
            });
        }
        faults.put("broker restart", LocalStack::restartKafka);
        // Activities go straight to Kafka: while the broker is away they are refused with 503 (never acknowledged, so
        // never lost) and the CRMs send them again once it is back. Deals are accepted into the log meanwhile.
        faults.put("broker down while activities arrive", stack -> {
            long refusedBefore = current.get().unavailable();
            stack.stopKafka();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> current.get().unavailable() >= refusedBefore + 5);
            } finally {
                stack.startKafka();
            }
            refusedWhileDown.set(current.get().unavailable() - refusedBefore);
        });
        faults.put("mongo-wire server restart", LocalStack::restartMongo);
        faults.put(
                "poison record mid-batch",
                stack -> produce(
                        stack,
                        List.of(new ProducerRecord<>(Topics.ACTIVITIES, "sdr-maya", "{not an event".getBytes()))));
        faults.put("oversized event", stack -> {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(stack.url("activity-service") + "/api/v1/events"))
                            .header("Authorization", "Bearer " + options.ingestApiKey())
                            .header("Content-Type", "application/cloudevents+json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    """
                            {"specversion":"1.0","id":"oversized","source":"/demo/dialer","type":"salespulse.call.logged.v1",
                             "time":"%s","data":{"repId":"%s","outcome":"CONNECTED"}}""".formatted(Instant.now(), "r".repeat(400_000))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("data.repId");
        });
        // Decodes, but no day holds it: kpi-service's handler fails on this one record of its batch.
        faults.put(
                "handler failure on one record mid-batch",
                stack -> produce(
                        stack,
                        List.of(record(EventEnvelope.of(
                                "year-one-billion",
                                "/demo/dialer",
                                new CallLogged("sdr-maya", null, CallOutcome.CONNECTED, 60, null, Instant.MAX))))));

        try (LocalStack stack = LocalStack.start(options, Duration.ofMinutes(3))) {
            DemoOrganisation.load(stack.url("activity-service"), stack.tokens().admin(), stack.clock());
            put(stack, "/api/v1/reps/ae-faults-twenty", """
                    {"displayName":"Twenty AE","teamId":"team-paris","role":"AE","seniority":"SENIOR","externalIds":{"twenty":"%s"}}""".formatted(TWENTY_OWNER));
            // Counting needs each rep's team (and its time zone): wait until kpi-service knows the roster (a team it
            // does
            // not know yet answers 404, which is waited out).
            await().atMost(Duration.ofMinutes(1))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> JSON.readTree(get(
                                                    stack,
                                                    stack.url("kpi-service")
                                                            + "/api/v1/teams/team-paris/kpis?period=day"))
                                            .get("reps")
                                            .size()
                                    == members("team-paris") + 1
                            && JSON.readTree(get(
                                                    stack,
                                                    stack.url("kpi-service")
                                                            + "/api/v1/teams/team-nyc/kpis?period=day"))
                                            .get("reps")
                                            .size()
                                    == members("team-nyc"));
            List<String[]> nyc = new ArrayList<>();
            List<String[]> paris = new ArrayList<>();
            for (DemoCast.Rep rep : DemoCast.REPS) {
                if (rep.teamId().equals("team-nyc")) {
                    nyc.add(new String[] {rep.repId(), rep.hubspotId()});
                } else {
                    paris.add(new String[] {rep.repId(), rep.pipedriveId()});
                }
            }
            FaultTraffic traffic = new FaultTraffic(new FaultTraffic.Target(
                    stack.url("activity-service"),
                    options.ingestApiKey(),
                    LocalStack.HUBSPOT_SECRET,
                    LocalStack.PIPEDRIVE_USER,
                    LocalStack.PIPEDRIVE_PASSWORD,
                    TWENTY_SECRET,
                    nyc,
                    paris,
                    TWENTY_OWNER));
            current.set(traffic);

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, long[]> sentAndAccepted = new LinkedHashMap<>();
            Map<String, LocalDate> days = new LinkedHashMap<>();
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                int index = 0;
                for (Map.Entry<String, Fault> fault : faults.entrySet()) {
                    LocalDate day = today.minusDays(++index);
                    String tag = "f" + index;
                    long sentBefore = traffic.sent();
                    long acceptedBefore = traffic.accepted();
                    List<CompletableFuture<Void>> streams = List.of(
                            CompletableFuture.runAsync(
                                    () -> {
                                        traffic.cloudEventActivities(day, tag);
                                        traffic.cloudEventDeals(day, tag);
                                    },
                                    senders),
                            CompletableFuture.runAsync(() -> traffic.hubspotEngagements(day, tag), senders),
                            CompletableFuture.runAsync(() -> traffic.pipedrive(day, tag), senders),
                            CompletableFuture.runAsync(() -> traffic.twenty(day, tag), senders));
                    long third = sentBefore + 2_800 / 3;
                    await().atMost(Duration.ofMinutes(2))
                            .until(() ->
                                    traffic.sent() >= third || streams.stream().allMatch(CompletableFuture::isDone));
                    fault.getValue().inject(stack);
                    CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new))
                            .get();
                    sentAndAccepted.put(
                            fault.getKey(),
                            new long[] {traffic.sent() - sentBefore, traffic.accepted() - acceptedBefore});
                    days.put(fault.getKey(), day);
                }
            } finally {
                senders.shutdownNow();
            }

            FaultTraffic.Expected expected = FaultTraffic.Expected.ofOneDay();
            // Counting catches up (a killed consumer's partitions wait for its session to expire): give it time.
            try {
                await().atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            for (LocalDate day : days.values()) {
                                if (!counted(stack, day).equals(expected)) {
                                    return false;
                                }
                            }
                            return true;
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // reported, line by line, below
            }
            List<String> lines = new ArrayList<>();
            long lostTotal = 0;
            long doubledTotal = 0;
            for (Map.Entry<String, LocalDate> fault : days.entrySet()) {
                FaultTraffic.Expected counted = counted(stack, fault.getValue());
                long lost = Math.max(0, expected.calls() - counted.calls())
                        + Math.max(0, expected.emails() - counted.emails())
                        + Math.max(0, expected.meetingsBooked() - counted.meetingsBooked())
                        + Math.max(0, expected.dealsCreated() - counted.dealsCreated())
                        + Math.max(0, expected.dealsWon() - counted.dealsWon());
                long doubled = Math.max(0, counted.calls() - expected.calls())
                        + Math.max(0, counted.emails() - expected.emails())
                        + Math.max(0, counted.meetingsBooked() - expected.meetingsBooked())
                        + Math.max(0, counted.dealsCreated() - expected.dealsCreated())
                        + Math.max(0, counted.dealsWon() - expected.dealsWon());
                long[] sa = sentAndAccepted.get(fault.getKey());
                String line = "fault %s: sent %d, accepted %d, counted %d, lost %d, doubled %d"
                        .formatted(fault.getKey(), sa[0], sa[1], counted.total(), lost, doubled);
                System.out.println(line);
                lines.add(line);
                lostTotal += lost;
                doubledTotal += doubled;
            }
            System.out.printf(
                    "fault suite: %d events sent, %d accepted, %d duplicates; each day must count %s%n",
                    traffic.sent(), traffic.accepted(), traffic.duplicates(), expected);
            System.out.printf(
                    "fault broker down while activities arrive: %d requests refused with 503 while it was away, sent"
                            + " again and accepted once it was back%n",
                    refusedWhileDown.get());
            assertThat(refusedWhileDown.get()).isGreaterThanOrEqualTo(5);
            assertThat(traffic.sent()).isGreaterThanOrEqualTo(20_000);
            assertThat(lostTotal).as(String.join("\n", lines)).isZero();
            assertThat(doubledTotal).as(String.join("\n", lines)).isZero();
            // Nothing stuck or parked in the outbox, and both bad records dead-lettered, not blocking.
            assertThat(scrape(stack.managementUrl("activity-service"), "salespulse_outbox_backlog"))
                    .isZero();
            assertThat(scrape(stack.managementUrl("activity-service"), "salespulse_outbox_parked_total"))
                    .isZero();
            assertThat(scrape(stack.managementUrl("kpi-service"), "salespulse_events_dead_lettered_total"))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    /** The event as a CloudEvents binary-mode record, as the services publish them. */
    private static ProducerRecord<String, byte[]> record(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(envelope.topic(), envelope.key(), EventCodec.toJson(envelope.data()));
        EventCodec.headers(envelope)
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, EventCodec.bytes(value))));
        return record;
    }

    private static void produce(LocalStack stack, List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    /** The day's figures of both teams, as the KPI API serves them. */
    private static FaultTraffic.Expected counted(LocalStack stack, LocalDate day)
            throws IOException, InterruptedException {
        long calls = 0, emails = 0, meetings = 0, created = 0, won = 0;
        for (String team : List.of("team-paris", "team-nyc")) {
            JsonNode totals = JSON.readTree(get(
                            stack, stack.url("kpi-service") + "/api/v1/teams/" + team + "/kpis?period=day&date=" + day))
                    .get("totals");
            calls += totals.get("activity").get("calls").asLong();
            emails += totals.get("activity").get("emails").asLong();
            meetings += totals.get("activity").get("meetingsBooked").asLong();
            created += totals.get("pipeline").get("dealsCreated").asLong();
            won += totals.get("pipeline").get("dealsWon").asLong();
        }
        return new FaultTraffic.Expected(calls, emails, meetings, created, won);
    }

    private static String get(LocalStack stack, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + stack.tokens().leadership())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void put(LocalStack stack, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.url("activity-service") + path))
                        .header("Authorization", "Bearer " + stack.tokens().admin())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static double scrape(String url, String metric) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body()
                .lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** How many people of the demo's roster a team has (its reps and its CSM). */
    private static long members(String teamId) {
        return DemoCast.everyone().stream()
                .filter(rep -> rep.teamId().equals(teamId))
                .count();
    }
}
