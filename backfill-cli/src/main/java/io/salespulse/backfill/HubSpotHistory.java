package io.salespulse.backfill;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A HubSpot account's history through its CRM v3 APIs, with a private app's access token: deals with their stage
 * history ({@code propertiesWithHistory=dealstage}: one deal update per stage the deal went through, oldest first),
 * calls, meetings and emails, page after page ({@code paging.next.after}). A {@code 429} is waited out ({@code Retry-After},
 * else HubSpot's ten-second window), and the pace follows {@code X-HubSpot-RateLimit-Remaining}. Owners map to reps through
 * the roster's {@code externalIds.hubspot}; a record whose owner maps to no rep is reported, not sent. Deal ids are the
 * webhooks' ({@code hubspot-<id>}), so a deal backfilled and then moved live is one deal.
 */
public final class HubSpotHistory extends CrmHistory {

    /** HubSpot's default sales pipeline, as activity-service maps it. */
    public static final Map<String, String> DEFAULT_STAGES = Map.of(
            "appointmentscheduled",
            "NEW",
            "qualifiedtobuy",
            "QUALIFIED",
            "presentationscheduled",
            "DISCOVERY",
            "decisionmakerboughtin",
            "PROPOSAL",
            "contractsent",
            "NEGOTIATION",
            "closedwon",
            "WON",
            "closedlost",
            "LOST");
    /** HubSpot's default call outcomes (hs_call_disposition ids). */
    static final Map<String, String> DISPOSITIONS = Map.of(
            "f240bbac-87c9-4f6e-bf70-924b57d47db7",
            "CONNECTED",
            "a4c4c377-d246-4b32-a13b-75a56a4cd0ff",
            "CONNECTED",
            "73a0d17f-1163-4015-bdd5-ec830791da20",
            "NO_ANSWER",
            "b2cf5968-551e-4856-9783-52b3da59a7d0",
            "VOICEMAIL",
            "9d9162e7-6cf3-4944-bf63-4dff82258764",
            "BUSY",
            "17b47fee-58de-441e-a44c-c6300d46f273",
            "WRONG_NUMBER");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String currency;

    /**
     * @param baseUrl    HubSpot's API ({@code https://api.hubapi.com})
     * @param token      a private app's access token (scopes: crm.objects.deals.read, and the engagements')
     * @param repOfOwner HubSpot owner id to SalesPulse rep id
     * @param stages     deal stage id to canonical stage
     * @param currency   the currency of the account's amounts
     */
    public HubSpotHistory(
            String baseUrl, String token, Map<String, String> repOfOwner, Map<String, String> stages, String currency) {
        super(baseUrl, repOfOwner, stages, new CrmApi("HubSpot", "Authorization", "Bearer " + token));
        this.currency = currency;
    }

    @Override
    String crm() {
        return "HubSpot";
    }

    /** Everything the account holds, as the lines the backfill sends. */
    @Override
    CsvHistory.Contents read() throws IOException, InterruptedException {
        List<CsvHistory.Line> lines = new ArrayList<>();
        List<CsvHistory.Problem> problems = new ArrayList<>();
        long[] read = {0};
        pages(
                "deals",
                "dealname,amount,dealstage,closedate,hubspot_owner_id,createdate,hs_manual_forecast_category,closed_lost_reason",
                "&propertiesWithHistory=dealstage",
                50,
                deal -> {
                    read[0]++;
                    deal(deal, lines, problems);
                });
        pages(
                "calls",
                "hs_timestamp,hs_call_disposition,hs_call_duration,hubspot_owner_id",
                "&associations=deals",
                100,
                call -> {
                    read[0]++;
                    engagement("calls", call, lines, problems);
                });
        pages(
                "meetings",
                "hs_timestamp,hs_meeting_start_time,hs_meeting_outcome,hubspot_owner_id,hs_createdate",
                "&associations=deals",
                100,
                meeting -> {
                    read[0]++;
                    engagement("meetings", meeting, lines, problems);
                });
        pages("emails", "hs_timestamp,hubspot_owner_id,hs_email_direction", "&associations=deals", 100, email -> {
            read[0]++;
            engagement("emails", email, lines, problems);
        });
        return new CsvHistory.Contents(lines, problems, read[0]);
    }

    private void deal(JsonNode deal, List<CsvHistory.Line> lines, List<CsvHistory.Problem> problems) {
        String id = deal.path("id").asString();
        JsonNode p = deal.path("properties");
        String rep = rep(p, "deals", id, problems);
        if (rep == null) {
            return;
        }
        List<JsonNode> history = new ArrayList<>();
        deal.path("propertiesWithHistory").path("dealstage").forEach(history::add);
        if (history.isEmpty() && p.hasNonNull("dealstage")) {
            history.add(JSON.createObjectNode()
                    .put("value", p.get("dealstage").asString())
                    .put(
                            "timestamp",
                            p.path("hs_lastmodifieddate")
                                    .asString(deal.path("updatedAt").asString())));
        }
        history.sort(Comparator.comparing(h -> h.path("timestamp").asString()));
        for (JsonNode state : history) {
            String stage = stages.get(state.path("value").asString());
            Instant at = instant(state.path("timestamp").asString(null));
            if (stage == null || at == null) {
                problems.add(new CsvHistory.Problem(
                        "hubspot deals",
                        0,
                        "dealstage",
                        "deal " + id + ": stage " + state.path("value").asString() + " is not mapped, or has no time"));
                continue;
            }
            ObjectNode data = JSON.createObjectNode()
                    .put("dealId", "hubspot-" + id)
                    .put("ownerRepId", rep)
                    .put("stage", stage)
                    .put("currency", currency);
            text(p, "dealname", data, "name");
            text(p, "closed_lost_reason", data, "lostReason");
            if (p.hasNonNull("amount") && !p.get("amount").asString().isBlank()) {
                data.put("amount", new java.math.BigDecimal(p.get("amount").asString()));
            }
            if (p.hasNonNull("closedate") && p.get("closedate").asString().length() >= 10) {
                data.put("expectedCloseDate", p.get("closedate").asString().substring(0, 10));
            }
            if (p.hasNonNull("createdate")) {
                data.put("createdAt", p.get("createdate").asString());
            }
            String forecast = p.path("hs_manual_forecast_category").asString("");
            if (!forecast.isBlank()) {
                data.put(
                        "forecastCategory",
                        "OMIT".equalsIgnoreCase(forecast) ? "OMITTED" : forecast.toUpperCase(java.util.Locale.ROOT));
            }
            lines.add(new CsvHistory.Line(
                    "hubspot deals",
                    0,
                    "hubspot-deal:" + id + ":" + at.toEpochMilli(),
                    "salespulse.deal.updated.v1",
                    at,
                    data));
        }
    }

    private void engagement(
            String kind, JsonNode record, List<CsvHistory.Line> lines, List<CsvHistory.Problem> problems) {
        String id = record.path("id").asString();
        JsonNode p = record.path("properties");
        String rep = rep(p, kind, id, problems);
        Instant at = instant(p.path("hs_timestamp").asString(null));
        if (rep == null || at == null) {
            return;
        }
        JsonNode deals = record.path("associations").path("deals").path("results");
        String deal = deals.isArray() && !deals.isEmpty()
                ? "hubspot-" + deals.get(0).path("id").asString()
                : null;
        ObjectNode data = JSON.createObjectNode().put("repId", rep);
        if (deal != null) {
            data.put("dealId", deal);
        }
        switch (kind) {
            case "calls" -> {
                String duration = p.path("hs_call_duration").asString("");
                long millis = duration.isBlank() ? 0 : (long) Double.parseDouble(duration);
                String outcome = DISPOSITIONS.getOrDefault(
                        p.path("hs_call_disposition").asString(""), millis > 0 ? "CONNECTED" : "NO_ANSWER");
                data.put("callId", "hubspot-" + id).put("outcome", outcome);
                if ("CONNECTED".equals(outcome) && millis > 0) {
                    data.put("durationSeconds", Math.min(86_400, millis / 1000));
                }
                lines.add(new CsvHistory.Line(
                        "hubspot calls", 0, "hubspot-call:" + id, "salespulse.call.logged.v1", at, data));
            }
            case "emails" -> {
                if ("EMAIL".equalsIgnoreCase(p.path("hs_email_direction").asString("EMAIL"))) {
                    lines.add(new CsvHistory.Line(
                            "hubspot emails", 0, "hubspot-email:" + id, "salespulse.email.sent.v1", at, data));
                }
            }
            case "meetings" -> {
                Instant start = instant(p.path("hs_meeting_start_time").asString(null));
                Instant booked = instant(p.path("hs_createdate").asString(null));
                if (start == null) {
                    problems.add(new CsvHistory.Problem(
                            "hubspot meetings", 0, "hs_meeting_start_time", "meeting " + id + ": has no start time"));
                    return;
                }
                data.put("meetingId", "hubspot-" + id);
                lines.add(new CsvHistory.Line(
                        "hubspot meetings",
                        0,
                        "hubspot-meeting:" + id + ":booked",
                        "salespulse.meeting.booked.v1",
                        booked != null ? booked : at,
                        data.deepCopy().put("scheduledFor", start.toString())));
                if ("COMPLETED".equalsIgnoreCase(p.path("hs_meeting_outcome").asString(""))) {
                    lines.add(new CsvHistory.Line(
                            "hubspot meetings",
                            0,
                            "hubspot-meeting:" + id + ":held",
                            "salespulse.meeting.held.v1",
                            start,
                            data));
                }
            }
            default -> throw new IllegalStateException(kind);
        }
    }

    private String rep(JsonNode properties, String kind, String id, List<CsvHistory.Problem> problems) {
        String owner = properties.path("hubspot_owner_id").asString("");
        String rep = repOfOwner.get(owner);
        if (rep == null) {
            problems.add(new CsvHistory.Problem(
                    "hubspot " + kind,
                    0,
                    "hubspot_owner_id",
                    kind + " " + id + ": owner " + (owner.isBlank() ? "(none)" : owner)
                            + " is no rep's externalIds.hubspot"));
        }
        return rep;
    }

    private static void text(JsonNode properties, String property, ObjectNode data, String field) {
        String value = properties.path(property).asString("");
        if (!value.isBlank()) {
            data.put(field, value);
        }
    }

    private static Instant instant(String text) {
        return CrmApi.instant(text);
    }

    /** Every page of an object type, each record handed on. */
    private void pages(String object, String properties, String extra, int limit, Consumer<JsonNode> each)
            throws IOException, InterruptedException {
        String after = null;
        do {
            String url = baseUrl + "/crm/v3/objects/" + object + "?limit=" + limit + "&archived=false&properties="
                    + URLEncoder.encode(properties, StandardCharsets.UTF_8) + extra
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(api.get(url));
            page.path("results").forEach(each);
            JsonNode next = page.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() || next.asString().isBlank() ? null : next.asString();
        } while (after != null);
    }
}
