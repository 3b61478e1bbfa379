package io.salespulse.localrun.demo;

import io.salespulse.kit.security.Signatures;
import io.salespulse.localrun.demo.DemoCast.Rep;
import io.salespulse.localrun.demo.DemoStory.Act;
import io.salespulse.localrun.demo.DemoStory.DealState;
import io.salespulse.localrun.demo.DemoStory.Objective;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the story the way the CRMs would: Paris's deals and activities as Pipedrive webhooks (v2, HTTP Basic), New
 * York's deals as HubSpot webhooks (signed v3) and its activities as CloudEvents batches from a dialer integration,
 * objectives as CloudEvents. A {@code 429} is waited out as its {@code Retry-After} says, a {@code 503} retried.
 */
public final class DemoTraffic implements AutoCloseable {

    /**
     * Where and with what to send.
     *
     * @param activityUrl        activity-service
     * @param ingestKey          the {@code demo} source's ingest key
     * @param pipedriveUser      Pipedrive webhook user
     * @param pipedrivePassword  Pipedrive webhook password
     * @param hubspotSecret      HubSpot app client secret
     */
    public record Endpoints(
            String activityUrl,
            String ingestKey,
            String pipedriveUser,
            String pipedrivePassword,
            String hubspotSecret) {}

    private static final Map<String, Integer> PIPEDRIVE_STAGES =
            Map.of("NEW", 1, "QUALIFIED", 2, "DISCOVERY", 3, "PROPOSAL", 4, "NEGOTIATION", 5);
    /** Why deals are lost, as each team's CRM records it (in the team's language); a deal's reason follows from its id. */
    private static final List<String> PARIS_LOST_REASONS =
            List.of("Budget gelé", "Concurrent retenu", "Pas de décision", "Projet reporté");

    private static final List<String> NY_LOST_REASONS =
            List.of("Budget frozen", "Went with a competitor", "No decision", "Project postponed");

    static String lostReason(DealState deal) {
        List<String> reasons =
                DemoCast.teamOf(DemoCast.rep(deal.repId())) == DemoCast.PARIS ? PARIS_LOST_REASONS : NY_LOST_REASONS;
        return reasons.get(Math.floorMod(deal.dealRef().hashCode(), reasons.size()));
    }

    private static final Map<String, String> HUBSPOT_STAGES = Map.of(
            "NEW",
            "appointmentscheduled",
            "QUALIFIED",
            "qualifiedtobuy",
            "DISCOVERY",
            "presentationscheduled",
            "PROPOSAL",
            "decisionmakerboughtin",
            "NEGOTIATION",
            "contractsent",
            "WON",
            "closedwon",
            "LOST",
            "closedlost");

    private final Endpoints endpoints;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(6);
    private final Map<String, DealState> lastDeal = new HashMap<>();
    private final AtomicLong hubspotEventIds = new AtomicLong(7_000_000);
    private final AtomicLong requests = new AtomicLong();

    private final Clock clock;

    /** Traffic to these endpoints, "now" read from {@code clock} (the stack's: signatures are checked against it). */
    public DemoTraffic(Endpoints endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** Requests sent so far. */
    public long requests() {
        return requests.get();
    }

    /** Activities, a group at a time (a group's requests in parallel). */
    public void activities(List<List<Act>> groups) {
        for (List<Act> group : groups) {
            List<Act> cloudEvents = new ArrayList<>();
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (Act act : group) {
                Rep rep = DemoCast.rep(act.repId());
                if (DemoCast.teamOf(rep).crm() == DemoCast.Crm.PIPEDRIVE) {
                    sends.add(CompletableFuture.runAsync(() -> pipedrive(pipedriveActivity(act, rep)), pool));
                } else {
                    cloudEvents.add(act);
                }
            }
            for (int i = 0; i < cloudEvents.size(); i += 500) {
                cloudEvents(cloudEvents.subList(i, Math.min(cloudEvents.size(), i + 500)).stream()
                        .map(DemoTraffic::cloudEvent)
                        .toList());
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** Deal changes, in order. */
    public void deals(List<DealState> states) {
        for (DealState state : states) {
            deal(state, state.at());
        }
    }

    /** A deal change happening now (the live moments). */
    public void dealNow(DealState state) {
        deal(state, clock.instant());
    }

    private void deal(DealState state, Instant at) {
        Rep rep = DemoCast.rep(state.repId());
        DealState before = lastDeal.put(state.dealRef(), state);
        if (DemoCast.teamOf(rep).crm() == DemoCast.Crm.PIPEDRIVE) {
            pipedrive(pipedriveDeal(state, before, rep, at));
        } else {
            hubspot(hubspotDeal(state, before, rep, at));
        }
    }

    /**
     * The objectives, as CloudEvents, one by one: one a manager has adjusted since an earlier run is the manager's now
     * (a 400 naming {@code data.objectiveId}), kept as it is.
     */
    public void objectives(List<Objective> objectives) {
        for (Objective o : objectives) {
            String event = """
                    {"specversion":"1.0","id":"%s","source":"/demo/objectives","type":"salespulse.objective.set.v1","time":"%s",
                     "data":{"objectiveId":"%s","scope":"%s","scopeId":"%s","metric":"%s","target":%d,%s"periodStart":"%s","periodEnd":"%s"}}""".formatted(
                            o.objectiveId() + "-set",
                            clock.instant(),
                            o.objectiveId(),
                            o.scope(),
                            o.scopeId(),
                            o.metric(),
                            o.target(),
                            o.currency() == null ? "" : "\"currency\":\"" + o.currency() + "\",",
                            o.start(),
                            o.end());
            try {
                cloudEvents(List.of(event));
            } catch (IllegalStateException e) {
                if (!e.getMessage().contains("answered 400") || !e.getMessage().contains("data.objectiveId")) {
                    throw e;
                }
            }
        }
    }

    /** CloudEvents already written (the customer success tool's), in order, 500 to a request. */
    public void events(List<String> events) {
        for (int i = 0; i < events.size(); i += 500) {
            cloudEvents(events.subList(i, Math.min(events.size(), i + 500)));
        }
    }

    /** One activity of today, now. */
    public void live(Act act) {
        activities(List.of(List.of(act)));
    }

    // --- Pipedrive -------------------------------------------------------------------------------------------------

    private static String pipedriveActivity(Act act, Rep rep) {
        String number = act.id().replaceAll("\\D", "");
        String at = act.at().toString();
        return switch (act.kind()) {
            case CALL ->
                pipedriveActivityBody(
                        act.id(), "create", number, at, """
                    "type":"call","done":true,"marked_as_done_time":"%s","duration":"%s\"""".formatted(at, duration(act.seconds())), rep, null);
            case EMAIL -> pipedriveActivityBody(act.id(), "create", number, at, """
                    "type":"email","done":true,"marked_as_done_time":"%s\"""".formatted(at), rep, null);
            case MEETING_BOOKED ->
                pipedriveActivityBody(
                        act.id(),
                        "create",
                        number,
                        at,
                        """
                    "type":"meeting","done":false,"due_date":"%s","due_time":"%s"%s""".formatted(
                                act.scheduledFor().atOffset(ZoneOffset.UTC).toLocalDate(),
                                act.scheduledFor()
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalTime()
                                        .withSecond(0)
                                        .withNano(0),
                                act.dealRef() == null ? "" : ",\"deal_id\":" + act.dealRef()),
                        rep,
                        null);
            case MEETING_HELD ->
                pipedriveActivityBody(
                        act.id(),
                        "change",
                        number,
                        at,
                        """
                    "type":"meeting","done":true,"marked_as_done_time":"%s","due_date":"%s","due_time":"%s\"""".formatted(
                                at,
                                act.scheduledFor().atOffset(ZoneOffset.UTC).toLocalDate(),
                                act.scheduledFor()
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalTime()
                                        .withSecond(0)
                                        .withNano(0)),
                        rep,
                        "{\"done\":false}");
        };
    }

    private static String pipedriveActivityBody(
            String deliveryId, String action, String number, String at, String fields, Rep rep, String previous) {
        return """
                {"meta":{"action":"%s","entity":"activity","entity_id":"%s","id":"%s","timestamp":"%s","version":"2.0","company_id":"demo"},
                 "data":{"id":%s,"owner_id":%s,%s},"previous":%s}""".formatted(
                        action,
                        number,
                        deliveryId + "-" + action,
                        at,
                        number,
                        rep.pipedriveId(),
                        fields,
                        previous == null ? "null" : previous);
    }

    private static String duration(int seconds) {
        return "%02d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String pipedriveDeal(DealState s, DealState before, Rep rep, Instant at) {
        String status = "WON".equals(s.stage()) ? "won" : "LOST".equals(s.stage()) ? "lost" : "open";
        String stage = status.equals("open")
                ? String.valueOf(PIPEDRIVE_STAGES.get(s.stage()))
                : String.valueOf(PIPEDRIVE_STAGES.get(before == null ? "NEGOTIATION" : before.stage()));
        String created = (s.created() != null
                        ? s.created()
                        : before != null && before.created() != null ? before.created() : at)
                .toString();
        return """
                {"meta":{"action":"%s","entity":"deal","entity_id":"%s","id":"deal-%s-%d","timestamp":"%s","version":"2.0","company_id":"demo"},
                 "data":{"id":%s,"title":"%s","owner_id":%s,"stage_id":%s,"status":"%s","value":%d,"currency":"EUR",
                         "expected_close_date":"%s","add_time":"%s","update_time":"%s"%s},
                 "previous":%s}""".formatted(
                        before == null ? "create" : "change",
                        s.dealRef(),
                        s.dealRef(),
                        at.toEpochMilli(),
                        at,
                        s.dealRef(),
                        s.title(),
                        rep.pipedriveId(),
                        stage,
                        status,
                        s.amount(),
                        s.close(),
                        created,
                        at,
                        "lost".equals(status) ? ",\"lost_reason\":\"" + lostReason(s) + "\"" : "",
                        before == null ? "null" : "{}");
    }

    private void pipedrive(String body) {
        String basic = Base64.getEncoder()
                .encodeToString((endpoints.pipedriveUser() + ":" + endpoints.pipedrivePassword())
                        .getBytes(StandardCharsets.UTF_8));
        send(HttpRequest.newBuilder(URI.create(endpoints.activityUrl() + "/webhooks/pipedrive"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    // --- HubSpot ---------------------------------------------------------------------------------------------------

    private String hubspotDeal(DealState s, DealState before, Rep rep, Instant at) {
        long t = at.toEpochMilli();
        List<String> events = new ArrayList<>();
        if (before == null) {
            events.add(hubspotEvent("deal.creation", s.dealRef(), null, null, t));
            events.add(hubspotEvent("deal.propertyChange", s.dealRef(), "dealname", s.title(), t));
            events.add(hubspotEvent("deal.propertyChange", s.dealRef(), "hubspot_owner_id", rep.hubspotId(), t));
        }
        if (before == null || before.amount() != s.amount()) {
            events.add(hubspotEvent("deal.propertyChange", s.dealRef(), "amount", String.valueOf(s.amount()), t));
        }
        if (before == null || !before.close().equals(s.close())) {
            events.add(hubspotEvent(
                    "deal.propertyChange",
                    s.dealRef(),
                    "closedate",
                    String.valueOf(
                            s.close().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()),
                    t));
        }
        if ("LOST".equals(s.stage()) && (before == null || !"LOST".equals(before.stage()))) {
            events.add(hubspotEvent("deal.propertyChange", s.dealRef(), "closed_lost_reason", lostReason(s), t));
        }
        if (before == null || !before.stage().equals(s.stage())) {
            events.add(hubspotEvent("deal.propertyChange", s.dealRef(), "dealstage", HUBSPOT_STAGES.get(s.stage()), t));
        }
        return "[" + String.join(",", events) + "]";
    }

    private String hubspotEvent(String type, String objectId, String property, String value, long at) {
        String change =
                property == null ? "" : ",\"propertyName\":\"%s\",\"propertyValue\":\"%s\"".formatted(property, value);
        return """
                {"eventId":%d,"subscriptionId":4101,"portalId":62515,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s",
                 "attemptNumber":0,"objectId":%s,"changeSource":"CRM_UI"%s}""".formatted(hubspotEventIds.incrementAndGet(), at, type, objectId, change);
    }

    private void hubspot(String body) {
        String url = endpoints.activityUrl() + "/webhooks/hubspot";
        String timestamp = String.valueOf(clock.millis());
        String signature = Base64.getEncoder()
                .encodeToString(Signatures.hmacSha256(
                        endpoints.hubspotSecret(), Signatures.utf8("POST" + url + body + timestamp)));
        send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-HubSpot-Request-Timestamp", timestamp)
                .header("X-HubSpot-Signature-v3", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    // --- CloudEvents -----------------------------------------------------------------------------------------------

    private static String cloudEvent(Act act) {
        String type;
        String data;
        switch (act.kind()) {
            case CALL -> {
                type = "salespulse.call.logged.v1";
                data = "{\"repId\":\"%s\",\"callId\":\"%s\",\"outcome\":\"%s\",\"durationSeconds\":%d}"
                        .formatted(act.repId(), act.id(), act.seconds() > 0 ? "CONNECTED" : "NO_ANSWER", act.seconds());
            }
            case EMAIL -> {
                type = "salespulse.email.sent.v1";
                data = "{\"repId\":\"%s\"}".formatted(act.repId());
            }
            case MEETING_BOOKED -> {
                type = "salespulse.meeting.booked.v1";
                data = "{\"repId\":\"%s\",\"meetingId\":\"%s\",\"scheduledFor\":\"%s\"%s}"
                        .formatted(
                                act.repId(),
                                act.id(),
                                act.scheduledFor(),
                                act.dealRef() == null ? "" : ",\"dealId\":\"hubspot-" + act.dealRef() + "\"");
            }
            default -> {
                type = "salespulse.meeting.held.v1";
                data = "{\"repId\":\"%s\",\"meetingId\":\"%s\"}"
                        .formatted(act.repId(), act.id().replace("-held", ""));
            }
        }
        return "{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/demo/nyc-dialer\",\"type\":\"%s\",\"time\":\"%s\",\"data\":%s}"
                .formatted(act.id(), type, act.at(), data);
    }

    private void cloudEvents(List<String> events) {
        if (events.isEmpty()) {
            return;
        }
        send(HttpRequest.newBuilder(URI.create(endpoints.activityUrl() + "/api/v1/events"))
                .header("Authorization", "Bearer " + endpoints.ingestKey())
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")));
    }

    // --- sending ---------------------------------------------------------------------------------------------------

    private void send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                requests.incrementAndGet();
                int status = response.statusCode();
                if (status == 202) {
                    return;
                }
                if ((status == 429 || status == 503) && attempt < 20) {
                    long wait = response.headers()
                            .firstValue("Retry-After")
                            .map(Long::parseLong)
                            .orElse(1L);
                    Thread.sleep(wait * 1000);
                    continue;
                }
                throw new IllegalStateException(built.uri().getPath() + " answered " + status + ": " + response.body());
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException("Cannot reach " + built.uri(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
