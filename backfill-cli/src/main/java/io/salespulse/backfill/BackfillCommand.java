package io.salespulse.backfill;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./backfill}: loads a team's history from CSV files ({@link CsvHistory}) through SalesPulse's ingest API, so
 * that the baselines speak on the first day. It opens a backfill of the teams (the signal rules leave them alone while
 * their history comes in), sends the events in CloudEvents batches with the ingest key (a batch the service refuses
 * for some lines is sent again without them, each refused line reported; a {@code 429} is waited out), completes the
 * backfill (each team is then judged once, as it now is: only what is still true is raised and told), and prints a
 * progress bar and a final report: lines read, events accepted, duplicates (already loaded: running it twice changes
 * nothing), refused lines by reason with their file, line and column.
 */
public final class BackfillCommand {

    static final int BATCH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INDEX = Pattern.compile("^\\[(\\d+)\\]\\.?(.*)$");

    /**
     * @param activityUrl activity-service's base URL
     * @param ingestKey   an ingest key (Authorization: Bearer) whose source covers {@code source}
     * @param adminToken  an admin JWT (opens and completes the backfill)
     * @param source      the CloudEvents source of the events, e.g. {@code /demo/backfill}
     * @param teams       the teams whose history this is
     * @param hubspotUrl   HubSpot's API, when the history comes from HubSpot rather than files
     * @param hubspotToken a HubSpot private app's token ({@code null}: the history is the folder's CSV files)
     * @param currency     the currency of HubSpot's amounts
     * @param pipedriveUrl   the Pipedrive company's API, when the history comes from Pipedrive
     * @param pipedriveToken a Pipedrive API token ({@code null}: not from Pipedrive)
     * @param stages         the CRM's deal stage ids to canonical stages ({@code null}: the shipped defaults, HubSpot's
     *                       default pipeline or the Pipedrive example)
     */
    public record Options(
            Path folder,
            String activityUrl,
            String ingestKey,
            String adminToken,
            String source,
            List<String> teams,
            String hubspotUrl,
            String hubspotToken,
            String currency,
            String pipedriveUrl,
            String pipedriveToken,
            Map<String, String> stages) {

        /** History from CSV files. */
        public Options(
                Path folder,
                String activityUrl,
                String ingestKey,
                String adminToken,
                String source,
                List<String> teams) {
            this(folder, activityUrl, ingestKey, adminToken, source, teams, null, null, "EUR", null, null, null);
        }
    }

    /** {@code id:STAGE,id:STAGE}, e.g. {@code 1234567:QUALIFIED,closedwon:WON}; null when empty. */
    static Map<String, String> stages(String option) {
        if (option == null || option.isBlank()) {
            return null;
        }
        Map<String, String> stages = new TreeMap<>();
        for (String pair : option.split(",")) {
            int colon = pair.lastIndexOf(':');
            String stage = colon < 0 ? "" : pair.substring(colon + 1).trim().toUpperCase(java.util.Locale.ROOT);
            if (colon <= 0
                    || !List.of("NEW", "QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION", "WON", "LOST")
                            .contains(stage)) {
                throw new IllegalArgumentException("--stages: " + pair.trim()
                        + " is not <stage id>:<NEW, QUALIFIED, DISCOVERY, PROPOSAL," + " NEGOTIATION, WON or LOST>");
            }
            stages.put(pair.substring(0, colon).trim(), stage);
        }
        return stages;
    }

    /** The final report. */
    public record Report(long read, long accepted, long duplicates, List<Rejected> rejected) {

        /** The refused lines per reason (the message, without the file's figures). */
        public Map<String, Integer> byReason() {
            Map<String, Integer> reasons = new TreeMap<>();
            rejected.forEach(r -> reasons.merge(r.column() + ": " + r.message(), 1, Integer::sum));
            return reasons;
        }
    }

    /** A refused line. */
    public record Rejected(String file, long line, String column, String message) {}

    private final Options options;
    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public BackfillCommand(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(
                Path.of(option(args, "--dir=", ".")),
                option(args, "--url=", "http://localhost:8081"),
                option(args, "--ingest-key=", System.getenv().getOrDefault("INGEST_KEY", "local-dev-ingest-key")),
                option(args, "--token=", System.getenv("ADMIN_TOKEN")),
                option(args, "--source=", "/demo/backfill"),
                Arrays.stream(option(args, "--teams=", "").split(","))
                        .map(String::trim)
                        .filter(t -> !t.isEmpty())
                        .toList(),
                option(args, "--hubspot-url=", "https://api.hubapi.com"),
                option(args, "--hubspot-token=", System.getenv("HUBSPOT_TOKEN")),
                option(args, "--currency=", "EUR"),
                option(args, "--pipedrive-url=", null),
                option(args, "--pipedrive-token=", System.getenv("PIPEDRIVE_TOKEN")),
                stages(option(args, "--stages=", null)));
        if (options.adminToken() == null
                || options.adminToken().isBlank()
                || options.teams().isEmpty()) {
            System.err.println(
                    "Usage: ./backfill --dir=<folder of CSV files> --teams=<team ids, comma-separated> [--url=http://localhost:8081]"
                            + " [--source=/demo/backfill] [--ingest-key=<key>, or INGEST_KEY] [--token=<admin JWT>, or ADMIN_TOKEN]"
                            + " [--hubspot-token=<private app token>, or HUBSPOT_TOKEN: the history from HubSpot instead of files] [--currency=EUR]"
                            + " [--pipedrive-url=https://<company>.pipedrive.com --pipedrive-token=<API token>, or PIPEDRIVE_TOKEN: from Pipedrive]"
                            + " [--stages=<CRM stage id>:<STAGE>,...: the CRM's pipeline, when not the default one]");
            System.exit(2);
        }
        Report report = new BackfillCommand(options, System.out).run();
        System.exit(report.rejected().isEmpty() ? 0 : 1);
    }

    private static String option(String[] args, String prefix, String fallback) {
        return Arrays.stream(args)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()))
                .findFirst()
                .orElse(fallback);
    }

    public Report run() throws IOException, InterruptedException {
        CrmHistory crm =
                options.hubspotToken() != null && !options.hubspotToken().isBlank()
                        ? new HubSpotHistory(
                                options.hubspotUrl(),
                                options.hubspotToken(),
                                ownersOf("hubspot"),
                                options.stages() != null ? options.stages() : HubSpotHistory.DEFAULT_STAGES,
                                options.currency())
                        : options.pipedriveToken() != null
                                        && !options.pipedriveToken().isBlank()
                                        && options.pipedriveUrl() != null
                                ? new PipedriveHistory(
                                        options.pipedriveUrl(),
                                        options.pipedriveToken(),
                                        ownersOf("pipedrive"),
                                        options.stages() != null ? options.stages() : PipedriveHistory.DEFAULT_STAGES)
                                : null;
        CsvHistory.Contents contents = crm == null ? CsvHistory.read(options.folder()) : crm.read();
        if (crm != null) {
            out.printf(
                    "%s: %d record(s) read in %d request(s), %d rate-limit wait(s)%n",
                    crm.crm(), contents.read(), crm.requests(), crm.waits());
        }
        List<Rejected> rejected = new ArrayList<>();
        contents.problems().forEach(p -> rejected.add(new Rejected(p.file(), p.line(), p.column(), p.message())));
        String backfillId = "backfill-" + UUID.randomUUID();
        ObjectNode teams = JSON.createObjectNode();
        teams.putArray("teamIds")
                .addAll(options.teams().stream()
                        .map(t -> JSON.getNodeFactory().stringNode(t))
                        .toList());
        admin("PUT", "/api/v1/backfills/" + backfillId, teams.toString());
        long accepted = 0;
        long duplicates = 0;
        List<CsvHistory.Line> lines = contents.lines();
        try {
            for (int from = 0; from < lines.size(); from += BATCH) {
                List<CsvHistory.Line> batch =
                        new ArrayList<>(lines.subList(from, Math.min(lines.size(), from + BATCH)));
                long[] counts = send(batch, rejected);
                accepted += counts[0];
                duplicates += counts[1];
                progress(Math.min(lines.size(), from + BATCH), lines.size());
            }
        } finally {
            // Completed even after a failure: the teams' rules judge what came in, rather than wait for the longest
            // quiet.
            admin("POST", "/api/v1/backfills/" + backfillId + "/complete", "");
        }
        out.println();
        Report report = new Report(contents.read(), accepted, duplicates, rejected);
        out.printf(
                "Backfill %s: %d line(s) read, %d event(s) accepted, %d duplicate(s), %d line(s) refused%n",
                backfillId, report.read(), report.accepted(), report.duplicates(), rejected.size());
        report.byReason().forEach((reason, count) -> out.printf("  %d x %s%n", count, reason));
        rejected.forEach(r -> out.printf(
                "  %s%s, %s: %s%n", r.file(), r.line() > 0 ? " line " + r.line() : "", r.column(), r.message()));
        out.println("The signal rules judge the teams once the events are counted (a couple of minutes).");
        return report;
    }

    /** The teams' reps by their id in a CRM ({@code externalIds.<crm>}). */
    private Map<String, String> ownersOf(String crm) throws IOException, InterruptedException {
        Map<String, String> reps = new java.util.HashMap<>();
        for (String team : options.teams()) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(options.activityUrl() + "/api/v1/teams/"
                                    + java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8)
                                    + "/reps?limit=500"))
                            .header("Authorization", "Bearer " + options.adminToken())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException(
                        "The roster of " + team + " answered " + answer.statusCode() + ": " + answer.body());
            }
            for (JsonNode rep : JSON.readTree(answer.body())) {
                String external = rep.path("externalIds").path(crm).asString("");
                if (!external.isBlank()) {
                    reps.put(external, rep.path("repId").asString());
                }
            }
        }
        return reps;
    }

    /** Sends a batch; lines the service refuses are reported and the batch sent again without them. */
    private long[] send(List<CsvHistory.Line> batch, List<Rejected> rejected) throws IOException, InterruptedException {
        while (!batch.isEmpty()) {
            ArrayNode events = JSON.createArrayNode();
            for (CsvHistory.Line line : batch) {
                ObjectNode event = events.addObject()
                        .put("specversion", "1.0")
                        .put("id", line.id())
                        .put("source", options.source())
                        .put("type", line.type())
                        .put("time", line.time().toString())
                        .put("datacontenttype", "application/json");
                event.set("data", line.data());
            }
            HttpResponse<String> answer = post(events.toString());
            if (answer.statusCode() == 202) {
                JsonNode body = JSON.readTree(answer.body());
                return new long[] {
                    body.path("accepted").asLong(), body.path("duplicates").asLong()
                };
            }
            if (answer.statusCode() != 400) {
                throw new IOException("SalesPulse answered " + answer.statusCode() + ": " + answer.body());
            }
            Set<Integer> refused = new HashSet<>();
            for (JsonNode error : JSON.readTree(answer.body()).path("errors")) {
                Matcher m = INDEX.matcher(error.path("field").asString(""));
                if (m.matches()) {
                    int index = Integer.parseInt(m.group(1));
                    if (index < batch.size() && refused.add(index)) {
                        CsvHistory.Line line = batch.get(index);
                        rejected.add(new Rejected(
                                line.file(),
                                line.line(),
                                m.group(2).replaceFirst("^data\\.", ""),
                                error.path("message").asString("")));
                    }
                }
            }
            if (refused.isEmpty()) {
                throw new IOException("SalesPulse refused a batch without naming a line: " + answer.body());
            }
            List<CsvHistory.Line> rest = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (!refused.contains(i)) {
                    rest.add(batch.get(i));
                }
            }
            batch = rest;
        }
        return new long[] {0, 0};
    }

    /** Posts a batch, waiting out a 429 (its Retry-After, else one second) and retrying a few times on 503. */
    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(options.activityUrl() + "/api/v1/events"))
                            .header("Authorization", "Bearer " + options.ingestKey())
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if ((answer.statusCode() == 429 || answer.statusCode() == 503) && attempt < 20) {
                long wait = answer.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Duration.ofSeconds(Math.min(30, Math.max(1, wait))).toMillis());
                continue;
            }
            return answer;
        }
    }

    private void admin(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(options.activityUrl() + path))
                        .header("Authorization", "Bearer " + options.adminToken())
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private void progress(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) done * width / total);
        out.printf(
                "\r[%s%s] %3d%% %d/%d events",
                "#".repeat(filled), " ".repeat(width - filled), total == 0 ? 100 : done * 100L / total, done, total);
        out.flush();
    }
}
