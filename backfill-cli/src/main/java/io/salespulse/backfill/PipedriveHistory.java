package io.salespulse.backfill;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Pipedrive company's history through its API v2 with an API token ({@code x-api-token}): deals and activities, page
 * after page ({@code additional_data.next_cursor}), a {@code 429} waited out (see {@link CrmApi}). A deal is told as it
 * was created (its current stage: v2 keeps no stage history) and, once closed, as it was won or lost at its
 * {@code won_time} / {@code lost_time}; a done call or email is logged when it was marked done, a meeting booked when
 * added and held when done. Owners map through the roster's {@code externalIds.pipedrive}; deal ids are the webhooks'
 * ({@code pipedrive-<id>}).
 */
public final class PipedriveHistory extends CrmHistory {

    /** The example pipeline activity-service ships (Pipedrive stage ids are per company). */
    public static final Map<String, String> DEFAULT_STAGES =
            Map.of("1", "NEW", "2", "QUALIFIED", "3", "DISCOVERY", "4", "PROPOSAL", "5", "NEGOTIATION");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param baseUrl    the company's API, e.g. {@code https://<company>.pipedrive.com}
     * @param token      an API token
     * @param repOfOwner Pipedrive user id to SalesPulse rep id
     * @param stages     stage id to canonical stage
     */
    public PipedriveHistory(String baseUrl, String token, Map<String, String> repOfOwner, Map<String, String> stages) {
        super(baseUrl, repOfOwner, stages, new CrmApi("Pipedrive", "x-api-token", token));
    }

    @Override
    String crm() {
        return "Pipedrive";
    }

    @Override
    CsvHistory.Contents read() throws IOException, InterruptedException {
        List<CsvHistory.Line> lines = new ArrayList<>();
        List<CsvHistory.Problem> problems = new ArrayList<>();
        long[] read = {0};
        pages("deals", deal -> {
            read[0]++;
            deal(deal, lines, problems);
        });
        pages("activities", activity -> {
            read[0]++;
            activity(activity, lines, problems);
        });
        return new CsvHistory.Contents(lines, problems, read[0]);
    }

    private void deal(JsonNode deal, List<CsvHistory.Line> lines, List<CsvHistory.Problem> problems) {
        String id = deal.path("id").asString();
        String rep = rep(deal, "deal", id, problems);
        Instant added = CrmApi.instant(deal.path("add_time").asString(null));
        String stage = stages.get(deal.path("stage_id").asString(""));
        if (rep == null) {
            return;
        }
        if (added == null || stage == null) {
            problems.add(new CsvHistory.Problem(
                    "pipedrive deals",
                    0,
                    added == null ? "add_time" : "stage_id",
                    "deal " + id + ": "
                            + (added == null
                                    ? "has no add_time"
                                    : "stage " + deal.path("stage_id").asString() + " is not mapped")));
            return;
        }
        ObjectNode data = JSON.createObjectNode()
                .put("dealId", "pipedrive-" + id)
                .put("ownerRepId", rep)
                .put("stage", stage)
                .put("currency", deal.path("currency").asString("EUR"))
                .put("createdAt", added.toString());
        if (deal.hasNonNull("value")) {
            data.put("amount", deal.get("value").decimalValue());
        }
        String title = deal.path("title").asString("");
        if (!title.isBlank()) {
            data.put("name", title);
        }
        String close = deal.path("expected_close_date").asString("");
        if (close.length() >= 10) {
            data.put("expectedCloseDate", close.substring(0, 10));
        }
        lines.add(new CsvHistory.Line(
                "pipedrive deals", 0, "pipedrive-deal:" + id + ":added", "salespulse.deal.updated.v1", added, data));
        String status = deal.path("status").asString("open");
        Instant closed = CrmApi.instant(
                deal.path("won".equals(status) ? "won_time" : "lost_time").asString(null));
        if (("won".equals(status) || "lost".equals(status)) && closed != null) {
            ObjectNode end = data.deepCopy().put("stage", "won".equals(status) ? "WON" : "LOST");
            String reason = deal.path("lost_reason").asString("");
            if (!reason.isBlank()) {
                end.put("lostReason", reason);
            }
            lines.add(new CsvHistory.Line(
                    "pipedrive deals",
                    0,
                    "pipedrive-deal:" + id + ":" + status,
                    "salespulse.deal.updated.v1",
                    closed,
                    end));
        }
    }

    private void activity(JsonNode activity, List<CsvHistory.Line> lines, List<CsvHistory.Problem> problems) {
        String id = activity.path("id").asString();
        String type = activity.path("type").asString("");
        if (!List.of("call", "email", "meeting").contains(type)) {
            return; // a task, a deadline, a lunch: nothing to count
        }
        String rep = rep(activity, "activity", id, problems);
        if (rep == null) {
            return;
        }
        ObjectNode data = JSON.createObjectNode().put("repId", rep);
        if (activity.hasNonNull("deal_id")) {
            data.put("dealId", "pipedrive-" + activity.get("deal_id").asString());
        }
        boolean done = activity.path("done").asBoolean(false);
        Instant doneAt = CrmApi.instant(activity.path("marked_as_done_time").asString(null));
        switch (type) {
            case "call" -> {
                if (done && doneAt != null) {
                    long seconds = duration(activity.path("duration").asString(""));
                    data.put("callId", "pipedrive-" + id).put("outcome", seconds > 0 ? "CONNECTED" : "NO_ANSWER");
                    if (seconds > 0) {
                        data.put("durationSeconds", Math.min(86_400, seconds));
                    }
                    lines.add(new CsvHistory.Line(
                            "pipedrive activities",
                            0,
                            "pipedrive-call:" + id,
                            "salespulse.call.logged.v1",
                            doneAt,
                            data));
                }
            }
            case "email" -> {
                if (done && doneAt != null) {
                    lines.add(new CsvHistory.Line(
                            "pipedrive activities",
                            0,
                            "pipedrive-email:" + id,
                            "salespulse.email.sent.v1",
                            doneAt,
                            data));
                }
            }
            default -> {
                Instant added = CrmApi.instant(activity.path("add_time").asString(null));
                String due = activity.path("due_date").asString("");
                String time = activity.path("due_time").asString("");
                Instant scheduled =
                        due.isBlank() ? null : CrmApi.instant(due + "T" + (time.isBlank() ? "00:00" : time) + ":00Z");
                if (added == null || scheduled == null) {
                    problems.add(new CsvHistory.Problem(
                            "pipedrive activities", 0, "due_date", "meeting " + id + ": has no add_time or due date"));
                    return;
                }
                data.put("meetingId", "pipedrive-" + id);
                lines.add(new CsvHistory.Line(
                        "pipedrive activities",
                        0,
                        "pipedrive-meeting:" + id + ":booked",
                        "salespulse.meeting.booked.v1",
                        added,
                        data.deepCopy().put("scheduledFor", scheduled.toString())));
                if (done) {
                    lines.add(new CsvHistory.Line(
                            "pipedrive activities",
                            0,
                            "pipedrive-meeting:" + id + ":held",
                            "salespulse.meeting.held.v1",
                            scheduled,
                            data));
                }
            }
        }
    }

    /** Pipedrive's {@code HH:MM} duration, in seconds. */
    static long duration(String text) {
        String[] parts = text.split(":");
        try {
            return parts.length == 2 ? Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60 : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String rep(JsonNode record, String kind, String id, List<CsvHistory.Problem> problems) {
        JsonNode ownerNode = record.path("owner_id");
        String owner = ownerNode.isObject() ? ownerNode.path("id").asString("") : ownerNode.asString("");
        String rep = repOfOwner.get(owner);
        if (rep == null) {
            problems.add(new CsvHistory.Problem(
                    "pipedrive " + kind + "s",
                    0,
                    "owner_id",
                    kind + " " + id + ": owner " + (owner.isBlank() ? "(none)" : owner)
                            + " is no rep's externalIds.pipedrive"));
        }
        return rep;
    }

    private void pages(String object, Consumer<JsonNode> each) throws IOException, InterruptedException {
        String cursor = null;
        do {
            String url = baseUrl + "/api/v2/" + object + "?limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(api.get(url));
            page.path("data").forEach(each);
            JsonNode next = page.path("additional_data").path("next_cursor");
            cursor = next.isMissingNode() || next.isNull() || next.asString().isBlank() ? null : next.asString();
        } while (cursor != null);
    }
}
