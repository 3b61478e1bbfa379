package io.salespulse.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A realistic stream for one day, as the CRMs send it: CloudEvents batches from a dialer (calls, emails, meetings,
 * deal snapshots), signed HubSpot engagement notifications, Pipedrive webhooks (activities and deals), Twenty
 * opportunities; some batches delivered twice, and deal updates arriving out of order. Every request is retried as a
 * CRM retries (connection refused, 5xx, 429) until it is answered 202, so what it was told is accepted is what must be
 * counted. It knows what each day must count to.
 */
final class FaultTraffic {

    /** Each phase's volumes: about 2,800 CRM events a day. */
    static final int CE_CALLS = 800;
    static final int CE_EMAILS = 300;
    static final int CE_MEETINGS = 100;
    static final int CE_DEALS = 60;
    static final int HUBSPOT_CALLS = 100;
    static final int HUBSPOT_EMAILS = 50;
    static final int PIPEDRIVE_CALLS = 300;
    static final int PIPEDRIVE_EMAILS = 100;
    static final int PIPEDRIVE_DEALS = 40;
    static final int TWENTY_DEALS = 30;

    /** What a day's stream must count to, in the teams' KPIs. */
    record Expected(long calls, long emails, long meetingsBooked, long dealsCreated, long dealsWon) {

        static Expected ofOneDay() {
            return new Expected(CE_CALLS + HUBSPOT_CALLS + PIPEDRIVE_CALLS, CE_EMAILS + HUBSPOT_EMAILS + PIPEDRIVE_EMAILS,
                    CE_MEETINGS, CE_DEALS + PIPEDRIVE_DEALS + TWENTY_DEALS, CE_DEALS + PIPEDRIVE_DEALS);
        }

        long total() {
            return calls + emails + meetingsBooked + dealsCreated + dealsWon;
        }
    }

    /**
     * Where to send, and the local run's credentials.
     *
     * @param nycReps      reps whose activities come from the dialer (CloudEvents) and HubSpot, with their HubSpot owner ids
     * @param parisReps    reps on Pipedrive, with their Pipedrive owner ids
     * @param twentyOwner  the Twenty workspace member mapped to a rep
     */
    record Target(String activityUrl, String ingestKey, String hubspotSecret, String pipedriveUser, String pipedrivePassword,
                  String twentySecret, List<String[]> nycReps, List<String[]> parisReps, String twentyOwner) {
    }

    private static final String HUBSPOT_NO_ANSWER = "73a0d17f-1163-4015-bdd5-ec830791da20";

    private final Target target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong hubspotIds = new AtomicLong(50_000_000);
    private final AtomicLong objectIds = new AtomicLong(9_000_000_000L);

    FaultTraffic(Target target) {
        this.target = target;
    }

    /** CRM events sent so far (a HubSpot notification, a Pipedrive or Twenty webhook, a CloudEvent), duplicates included. */
    long sent() {
        return sent.get();
    }

    /** Events the service answered as newly accepted. */
    long accepted() {
        return accepted.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    private static Instant at(LocalDate day, int i) {
        // 12:00 to 17:00 UTC: the same day in Paris and in New York.
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(12 * 3600 + (i % (5 * 3600)));
    }

    /** The dialer: calls, emails and meetings as CloudEvents batches of 200, two of them delivered twice. */
    void cloudEventActivities(LocalDate day, String tag) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < CE_CALLS + CE_EMAILS + CE_MEETINGS; i++) {
            String rep = target.nycReps().get(i % target.nycReps().size())[0];
            String id = "ce-" + tag + "-" + i;
            String time = at(day, i).toString();
            if (i < CE_CALLS) {
                events.add(cloudEvent(id, "salespulse.call.logged.v1", time, """
                        {"repId":"%s","callId":"%s","outcome":"%s","durationSeconds":%d}""".formatted(rep, id, i % 3 == 0 ? "CONNECTED" : "NO_ANSWER",
                        i % 3 == 0 ? 120 + i % 300 : 0)));
            } else if (i < CE_CALLS + CE_EMAILS) {
                events.add(cloudEvent(id, "salespulse.email.sent.v1", time, "{\"repId\":\"%s\"}".formatted(rep)));
            } else {
                events.add(cloudEvent(id, "salespulse.meeting.booked.v1", time, """
                        {"repId":"%s","meetingId":"%s","scheduledFor":"%s"}""".formatted(rep, id, at(day, i).plus(Duration.ofDays(3)))));
            }
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 200) {
            batches.add(events.subList(i, Math.min(events.size(), i + 200)));
        }
        for (int b = 0; b < batches.size(); b++) {
            postCloudEvents(batches.get(b));
            if (b == 1 || b == 4) {
                postCloudEvents(batches.get(b - 1)); // a retry of an earlier batch: nothing new
            }
        }
    }

    /**
     * Deal snapshots from the dialer's CRM: created in PROPOSAL, then WON, then a stale NEGOTIATION snapshot (older
     * than the win) arriving last, which must not move the deal back.
     */
    void cloudEventDeals(LocalDate day, String tag) {
        String[] stages = {"PROPOSAL", "WON", "NEGOTIATION"};
        int[] minutes = {0, 120, 60};
        for (int step = 0; step < 3; step++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < CE_DEALS; i++) {
                String rep = target.nycReps().get(i % target.nycReps().size())[0];
                Instant created = at(day, i * 7);
                Instant time = created.plus(Duration.ofMinutes(minutes[step]));
                events.add(cloudEvent("deal-" + tag + "-" + i + "-" + step, "salespulse.deal.updated.v1", time.toString(), """
                        {"dealId":"ce-deal-%s-%d","ownerRepId":"%s","stage":"%s","amount":%d,"currency":"USD","name":"Deal %d",
                         "createdAt":"%s","expectedCloseDate":"%s"}""".formatted(tag, i, rep, stages[step], 1000 + i * 10, i, created,
                        day.plusDays(30))));
            }
            postCloudEvents(events);
        }
    }

    private static String cloudEvent(String id, String type, String time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/demo/dialer\",\"type\":\"%s\",\"time\":\"%s\",\"data\":%s}"
                .formatted(id, type, time, data);
    }

    private void postCloudEvents(List<String> events) {
        send(HttpRequest.newBuilder(URI.create(target.activityUrl() + "/api/v1/events"))
                .header("Authorization", "Bearer " + target.ingestKey()).header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")), events.size());
    }

    /** HubSpot calls (creation, time, owner, outcome: four notifications each) and emails (creation, owner), 100 a batch. */
    void hubspotEngagements(LocalDate day, String tag) {
        List<String> notifications = new ArrayList<>();
        int objects = 0;
        for (int i = 0; i < HUBSPOT_CALLS + HUBSPOT_EMAILS; i++) {
            String[] rep = target.nycReps().get(i % target.nycReps().size());
            long objectId = objectIds.incrementAndGet();
            long time = at(day, i * 11).toEpochMilli();
            boolean call = i < HUBSPOT_CALLS;
            String typeId = call ? "0-48" : "0-49";
            notifications.add(hubspot("object.creation", typeId, objectId, null, null, time));
            notifications.add(hubspot("object.propertyChange", typeId, objectId, "hs_timestamp", String.valueOf(time), time));
            notifications.add(hubspot("object.propertyChange", typeId, objectId, "hubspot_owner_id", rep[1], time));
            if (call) {
                notifications.add(hubspot("object.propertyChange", typeId, objectId, "hs_call_disposition", HUBSPOT_NO_ANSWER, time));
            }
            if (++objects % 25 == 0) {
                postHubSpot(notifications);
                notifications = new ArrayList<>();
            }
        }
        postHubSpot(notifications);
    }

    private String hubspot(String type, String typeId, long objectId, String property, String value, long at) {
        String change = property == null ? "" : ",\"propertyName\":\"%s\",\"propertyValue\":\"%s\"".formatted(property, value);
        return """
                {"eventId":%d,"subscriptionId":4102,"portalId":77001,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s",
                 "objectTypeId":"%s","attemptNumber":0,"objectId":%d,"changeSource":"CRM_UI"%s}"""
                .formatted(hubspotIds.incrementAndGet(), at, type, typeId, objectId, change);
    }

    private void postHubSpot(List<String> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        String body = "[" + String.join(",", notifications) + "]";
        String url = target.activityUrl() + "/webhooks/hubspot";
        // Signed at each attempt: HubSpot's signature carries its time, which must be recent.
        sendSigned(() -> {
            String timestamp = String.valueOf(System.currentTimeMillis());
            String signature = Base64.getEncoder().encodeToString(hmac(target.hubspotSecret(), "POST" + url + body + timestamp));
            return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .header("X-HubSpot-Request-Timestamp", timestamp).header("X-HubSpot-Signature-v3", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }, notifications.size());
    }

    /** Pipedrive: calls and emails marked done, and deals created, won, then a stale change arriving last. */
    void pipedrive(LocalDate day, String tag) {
        for (int i = 0; i < PIPEDRIVE_CALLS + PIPEDRIVE_EMAILS; i++) {
            String[] rep = target.parisReps().get(i % target.parisReps().size());
            boolean call = i < PIPEDRIVE_CALLS;
            String time = at(day, i * 13).toString();
            long number = objectIds.incrementAndGet();
            String fields = call ? "\"type\":\"call\",\"done\":true,\"marked_as_done_time\":\"%s\",\"duration\":\"00:0%d:00\"".formatted(time, i % 4)
                    : "\"type\":\"email\",\"done\":true,\"marked_as_done_time\":\"%s\"".formatted(time);
            postPipedrive("""
                    {"meta":{"action":"create","entity":"activity","entity_id":"%d","id":"pd-%s-%d","timestamp":"%s","version":"2.0","company_id":"faults"},
                     "data":{"id":%d,"owner_id":%s,%s},"previous":null}""".formatted(number, tag, i, time, number, rep[1], fields));
        }
        for (int i = 0; i < PIPEDRIVE_DEALS; i++) {
            String[] rep = target.parisReps().get(i % target.parisReps().size());
            long number = objectIds.incrementAndGet();
            Instant created = at(day, i * 17);
            postPipedrive(pipedriveDeal(tag, i, number, rep[1], "create", "open", 4, created, created, day));
            postPipedrive(pipedriveDeal(tag, i, number, rep[1], "change", "won", 5, created, created.plus(Duration.ofHours(2)), day));
            postPipedrive(pipedriveDeal(tag, i, number, rep[1], "change", "open", 5, created, created.plus(Duration.ofHours(1)), day));
        }
    }

    private static String pipedriveDeal(String tag, int i, long number, String owner, String action, String status, int stage,
                                        Instant created, Instant updated, LocalDate day) {
        return """
                {"meta":{"action":"%s","entity":"deal","entity_id":"%d","id":"pd-deal-%s-%d-%d","timestamp":"%s","version":"2.0","company_id":"faults"},
                 "data":{"id":%d,"title":"Deal %d","owner_id":%s,"stage_id":%d,"status":"%s","value":%d,"currency":"EUR",
                         "expected_close_date":"%s","add_time":"%s","update_time":"%s"},"previous":%s}"""
                .formatted(action, number, tag, i, updated.toEpochMilli(), updated, number, i, owner, stage, status, 2000 + i, day.plusDays(20),
                        created, updated, "create".equals(action) ? "null" : "{}");
    }

    private void postPipedrive(String body) {
        String basic = Base64.getEncoder().encodeToString((target.pipedriveUser() + ":" + target.pipedrivePassword()).getBytes(StandardCharsets.UTF_8));
        send(HttpRequest.newBuilder(URI.create(target.activityUrl() + "/webhooks/pipedrive")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), 1);
    }

    /** Twenty: opportunities created by the mapped workspace member. */
    void twenty(LocalDate day, String tag) {
        for (int i = 0; i < TWENTY_DEALS; i++) {
            Instant created = at(day, i * 19);
            String body = """
                    {"eventName":"opportunity.created","workspaceId":"ws-faults","record":{"id":"tw-%s-%d","name":"Opportunity %d","stage":"PROPOSAL",
                     "amount":{"amountMicros":%d,"currencyCode":"EUR"},"ownerId":"%s","createdAt":"%s","updatedAt":"%s"}}"""
                    .formatted(tag, i, i, 5_000_000_000L + i, target.twentyOwner(), created, created);
            String url = target.activityUrl() + "/webhooks/twenty";
            sendSigned(() -> {
                String timestamp = String.valueOf(System.currentTimeMillis());
                return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .header("X-Twenty-Webhook-Timestamp", timestamp)
                        .header("X-Twenty-Webhook-Signature", HexFormat.of().formatHex(hmac(target.twentySecret(), timestamp + ":" + body)))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
            }, 1);
        }
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(HttpRequest.Builder request, int events) {
        sendSigned(() -> request, events);
    }

    /**
     * Sends until answered 202, as a CRM retries: a connection refused (the service is down), a 5xx (its store is
     * down) or a 429 is tried again, for up to three minutes; anything else is a failure of the test.
     */
    private void sendSigned(java.util.function.Supplier<HttpRequest.Builder> request, int events) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        sent.addAndGet(events);
        while (true) {
            HttpRequest built = request.get().timeout(Duration.ofSeconds(20)).build();
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202) {
                    accepted.addAndGet(number(response.body(), "accepted"));
                    duplicates.addAndGet(number(response.body(), "duplicates"));
                    return;
                }
                if (status != 429 && status < 500) {
                    throw new IllegalStateException(built.uri().getPath() + " answered " + status + ": " + response.body());
                }
            } catch (IOException e) {
                // down or restarting: the CRM tries again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(built.uri().getPath() + " not accepted within 3 minutes");
            }
            // The CRM's retry delay.
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    private static long number(String json, String field) {
        int at = json.indexOf("\"" + field + "\":");
        if (at < 0) {
            return 0;
        }
        int start = at + field.length() + 3;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(start, end));
    }
}
