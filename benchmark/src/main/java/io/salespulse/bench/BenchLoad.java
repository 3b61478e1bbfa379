package io.salespulse.bench;

import io.salespulse.kit.security.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The benchmark's CRM traffic: CloudEvents batches and signed HubSpot webhook batches, sent by a few client threads
 * as fast as they are accepted, or one call at a time at a pace. Every event has an id of its own, so every one is
 * accepted and counted.
 */
final class BenchLoad {

    static final String SOURCE = "/demo/bench";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String activityUrl;
    private final String ingestKey;
    private final String hubspotSecret;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong hubspotIds = new AtomicLong(90_000_000);
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    BenchLoad(String activityUrl, String ingestKey, String hubspotSecret) {
        this.activityUrl = activityUrl;
        this.ingestKey = ingestKey;
        this.hubspotSecret = hubspotSecret;
    }

    /** A call by a rep at a time, as one CloudEvent of a batch. */
    String call(String repId, Instant at) {
        long n = ids.incrementAndGet();
        boolean connected = n % 3 == 0;
        return """
                {"specversion":"1.0","id":"bench-%s-%d","source":"%s","type":"salespulse.call.logged.v1","time":"%s",\
                "data":{"repId":"%s","callId":"c-%s-%d","outcome":"%s","durationSeconds":%d}}""".formatted(
                        run, n, SOURCE, at, repId, run, n, connected ? "CONNECTED" : "NO_ANSWER", connected ? 180 : 0);
    }

    /** Posts a CloudEvents batch; returns how many the service accepted. */
    int postBatch(List<String> events) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(activityUrl + "/api/v1/events"))
                        .header("Authorization", "Bearer " + ingestKey)
                        .header("Content-Type", "application/cloudevents-batch+json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "POST /api/v1/events answered " + response.statusCode() + ": " + response.body());
        }
        return events.size();
    }

    /** Sends a range of the work, items {@code from} (inclusive) to {@code to} (exclusive). */
    @FunctionalInterface
    interface RangeSender {
        void send(long from, long to) throws Exception;
    }

    /** Splits {@code total} items into ranges of {@code size} and sends them from {@code threads} client threads. */
    private static void inRanges(int total, int size, int threads, RangeSender sender) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (long from = next.getAndAdd(size); from < total; from = next.getAndAdd(size)) {
                        sender.send(from, Math.min(total, from + size));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends {@code total} calls in batches of {@code batch} from {@code threads} client threads, as fast as they are
     * accepted; returns when the last is accepted. {@code callOf(i)} makes the i-th.
     */
    void sendCalls(int total, int batch, int threads, IntFunction<String> callOf, AtomicLong accepted)
            throws Exception {
        inRanges(total, batch, threads, (from, to) -> {
            List<String> events = new ArrayList<>(batch);
            for (long i = from; i < to; i++) {
                events.add(callOf.apply((int) i));
            }
            accepted.addAndGet(postBatch(events));
        });
    }

    /**
     * Sends {@code deals} HubSpot deals, each as five webhook events (created, name, owner, amount, stage) in signed
     * batches of 100 events, from {@code threads} client threads; returns the number of events accepted.
     */
    long sendHubSpotDeals(int deals, List<String> ownerIds, int threads) throws Exception {
        AtomicLong accepted = new AtomicLong();
        inRanges(deals, 20, threads, (from, to) -> {
            List<String> events = new ArrayList<>();
            for (long d = from; d < to; d++) {
                long dealId = hubspotIds.incrementAndGet();
                long at = System.currentTimeMillis() - 60_000;
                events.add(hubspotEvent("deal.creation", dealId, null, null, at));
                events.add(hubspotEvent("deal.propertyChange", dealId, "dealname", "Bench deal " + dealId, at));
                events.add(hubspotEvent(
                        "deal.propertyChange",
                        dealId,
                        "hubspot_owner_id",
                        ownerIds.get((int) (d % ownerIds.size())),
                        at));
                events.add(hubspotEvent(
                        "deal.propertyChange", dealId, "amount", String.valueOf(5_000 + d % 50 * 1_000), at));
                events.add(hubspotEvent("deal.propertyChange", dealId, "dealstage", "qualifiedtobuy", at));
            }
            postHubSpot("[" + String.join(",", events) + "]");
            accepted.addAndGet(events.size());
        });
        return accepted.get();
    }

    private String hubspotEvent(String type, long objectId, String property, String value, long at) {
        String change =
                property == null ? "" : ",\"propertyName\":\"%s\",\"propertyValue\":\"%s\"".formatted(property, value);
        return """
                {"eventId":%d,"subscriptionId":4101,"portalId":62515,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s",\
                "attemptNumber":0,"objectId":%d,"changeSource":"CRM_UI"%s}""".formatted(hubspotIds.incrementAndGet(), at, type, objectId, change);
    }

    private void postHubSpot(String body) throws IOException, InterruptedException {
        String url = activityUrl + "/webhooks/hubspot";
        String timestamp = String.valueOf(System.currentTimeMillis());
        String signature = Base64.getEncoder()
                .encodeToString(Signatures.hmacSha256(hubspotSecret, Signatures.utf8("POST" + url + body + timestamp)));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("X-HubSpot-Request-Timestamp", timestamp)
                        .header("X-HubSpot-Signature-v3", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST /webhooks/hubspot answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Posts one CloudEvent (not a batch). */
    void postOne(String event) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(activityUrl + "/api/v1/events"))
                        .header("Authorization", "Bearer " + ingestKey)
                        .header("Content-Type", "application/cloudevents+json")
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "POST /api/v1/events answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** An objective of a rep almost at the end of its period and far from its target: off track at once. */
    String objectiveOffTrack(String objectiveId, String repId, LocalDate today) {
        return """
                {"specversion":"1.0","id":"bench-%s-%s","source":"%s","type":"salespulse.objective.set.v1","time":"%s",\
                "data":{"objectiveId":"%s","scope":"REP","scopeId":"%s","metric":"CALLS","target":500,\
                "periodStart":"%s","periodEnd":"%s"}}""".formatted(
                        run,
                        objectiveId,
                        SOURCE,
                        today.minusDays(27).atStartOfDay().toInstant(ZoneOffset.UTC),
                        objectiveId,
                        repId,
                        today.minusDays(27),
                        today.plusDays(2));
    }
}
