package io.salespulse.backfill;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A team's history in CSV files (UTF-8, a header line, comma-separated, RFC 4180 quoting), each line one CloudEvent
 * for SalesPulse's ingest API with an id derived from the line's own ids (so loading the files again is a duplicate,
 * never a second count). The files, each optional, and their columns ({@code *}: required; times RFC 3339 with an
 * offset, days ISO):
 * <ul>
 *   <li>{@code calls.csv}: callId*, repId*, occurredAt*, outcome* (CONNECTED, NO_ANSWER, VOICEMAIL, BUSY,
 *   WRONG_NUMBER), durationSeconds, dealId, accountId (a customer touch)</li>
 *   <li>{@code emails.csv}: emailId*, repId*, occurredAt*, dealId, accountId</li>
 *   <li>{@code meetings.csv}: meetingId*, repId*, bookedAt*, scheduledFor*, heldAt (held then), dealId, accountId</li>
 *   <li>{@code deals.csv}: one line per state of a deal (its stage history, oldest first): dealId*, ownerRepId*,
 *   stage* (NEW, QUALIFIED, DISCOVERY, PROPOSAL, NEGOTIATION, WON, LOST), amount*, currency*, updatedAt*, name,
 *   expectedCloseDate, createdAt, lostReason, forecastCategory, sourcedByRepId</li>
 *   <li>{@code objectives.csv}: objectiveId*, scope* (REP, TEAM), scopeId*, metric*, target*, currency (amounts),
 *   periodStart*, periodEnd*, setAt*</li>
 *   <li>{@code contracts.csv}: one line per state of a customer contract (oldest first): contractId*, accountId*,
 *   csmRepId*, arr*, currency*, termStart*, termEnd*, updatedAt*, accountName, status (ACTIVE, CHURNED),
 *   renewalDealId</li>
 *   <li>{@code nps.csv}: answerId*, accountId*, csmRepId*, score* (0 to 10), answeredAt*</li>
 * </ul>
 * A line that cannot make an event (a missing column, a time that is no time) is reported with its line number and
 * column; the service judges the rest (bounds, enumerations) and its refusals are reported the same way.
 */
public final class CsvHistory {

    /** One line of a file, as the CloudEvent it makes. */
    public record Line(String file, long line, String id, String type, Instant time, ObjectNode data) {}

    /** A line refused before it was sent. */
    public record Problem(String file, long line, String column, String message) {}

    /** What the files hold. */
    public record Contents(List<Line> lines, List<Problem> problems, long read) {}

    static final List<String> FILES = List.of(
            "objectives.csv", "deals.csv", "contracts.csv", "calls.csv", "emails.csv", "meetings.csv", "nps.csv");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "calls.csv", Set.of("callId", "repId", "occurredAt", "outcome"),
            "emails.csv", Set.of("emailId", "repId", "occurredAt"),
            "meetings.csv", Set.of("meetingId", "repId", "bookedAt", "scheduledFor"),
            "deals.csv", Set.of("dealId", "ownerRepId", "stage", "amount", "currency", "updatedAt"),
            "contracts.csv",
                    Set.of(
                            "contractId",
                            "accountId",
                            "csmRepId",
                            "arr",
                            "currency",
                            "termStart",
                            "termEnd",
                            "updatedAt"),
            "nps.csv", Set.of("answerId", "accountId", "csmRepId", "score", "answeredAt"),
            "objectives.csv",
                    Set.of("objectiveId", "scope", "scopeId", "metric", "target", "periodStart", "periodEnd", "setAt"));

    private CsvHistory() {}

    /** Reads every file of the folder, in the order their events should flow (objectives and deals first). */
    public static Contents read(Path folder) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long read = 0;
        for (String file : FILES) {
            Path path = folder.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue;
            }
            // A file that cannot be read as CSV from some line on (an unclosed quote, bytes that are not UTF-8) is a
            // problem named by that line: the lines before it are read, and the other files too.
            CSVParser parser;
            try {
                Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                parser = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setTrim(true)
                        .get()
                        .parse(reader);
            } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                problems.add(new Problem(file, 1, "header", unreadable(e)));
                continue;
            }
            try (parser) {
                List<String> missing = REQUIRED.get(file).stream()
                        .filter(c -> !parser.getHeaderMap().containsKey(c))
                        .sorted()
                        .toList();
                if (!missing.isEmpty()) {
                    problems.add(new Problem(file, 1, "header", "lacks the column(s) " + String.join(", ", missing)));
                    continue;
                }
                java.util.Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (java.io.UncheckedIOException | IllegalStateException e) {
                        problems.add(new Problem(
                                file,
                                parser.getCurrentLineNumber() + 1,
                                "line",
                                unreadable(e) + "; the file is read up to here"));
                        break;
                    }
                    read++;
                    // The header is line 1: a record's line is where it ends, as a reader numbers lines.
                    long line = parser.getCurrentLineNumber();
                    Row row = new Row(file, line, record, problems);
                    lines.addAll(row.lines());
                }
            }
        }
        return new Contents(lines, problems, read);
    }

    /** Why a file cannot be read from some point on, as its author can act on it. */
    private static String unreadable(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof java.nio.charset.CharacterCodingException
                ? "is not UTF-8 text (save the file as UTF-8)"
                : "cannot be read as CSV (an unclosed quote, or a column named twice?)";
    }

    /** One record and the events it makes. */
    private static final class Row {
        private final String file;
        private final long line;
        private final CSVRecord record;
        private final List<Problem> problems;
        private final int before;

        Row(String file, long line, CSVRecord record, List<Problem> problems) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.problems = problems;
            this.before = problems.size();
        }

        List<Line> lines() {
            List<Line> made = new ArrayList<>();
            switch (file) {
                case "calls.csv" -> {
                    Instant at = instant("occurredAt", true);
                    ObjectNode data = data("repId", "callId", "outcome", "dealId", "accountId");
                    Integer seconds = integer("durationSeconds");
                    if (seconds != null) {
                        data.put("durationSeconds", seconds);
                    }
                    add(made, "call:" + text("callId"), "salespulse.call.logged.v1", at, data);
                }
                case "emails.csv" ->
                    add(
                            made,
                            "email:" + text("emailId"),
                            "salespulse.email.sent.v1",
                            instant("occurredAt", true),
                            data("repId", "dealId", "accountId"));
                case "meetings.csv" -> {
                    Instant booked = instant("bookedAt", true);
                    Instant held = instant("heldAt", false);
                    instant("scheduledFor", true);
                    add(
                            made,
                            "meeting:" + text("meetingId") + ":booked",
                            "salespulse.meeting.booked.v1",
                            booked,
                            data("repId", "meetingId", "scheduledFor", "dealId", "accountId"));
                    if (held != null) {
                        add(
                                made,
                                "meeting:" + text("meetingId") + ":held",
                                "salespulse.meeting.held.v1",
                                held,
                                data("repId", "meetingId", "dealId", "accountId"));
                    }
                }
                case "deals.csv" -> {
                    Instant updated = instant("updatedAt", true);
                    instant("createdAt", false);
                    day("expectedCloseDate");
                    ObjectNode data = data(
                            "dealId",
                            "ownerRepId",
                            "name",
                            "stage",
                            "currency",
                            "expectedCloseDate",
                            "createdAt",
                            "lostReason",
                            "forecastCategory",
                            "sourcedByRepId");
                    decimal(data, "amount");
                    add(
                            made,
                            "deal:" + text("dealId") + ":" + text("updatedAt"),
                            "salespulse.deal.updated.v1",
                            updated,
                            data);
                }
                case "contracts.csv" -> {
                    Instant updated = instant("updatedAt", true);
                    day("termStart");
                    day("termEnd");
                    ObjectNode data = data(
                            "contractId",
                            "accountId",
                            "accountName",
                            "csmRepId",
                            "currency",
                            "termStart",
                            "termEnd",
                            "status",
                            "renewalDealId");
                    decimal(data, "arr");
                    add(
                            made,
                            "contract:" + text("contractId") + ":" + text("updatedAt"),
                            "salespulse.contract.updated.v1",
                            updated,
                            data);
                }
                case "nps.csv" -> {
                    Instant answered = instant("answeredAt", true);
                    ObjectNode data = data("answerId", "accountId", "csmRepId");
                    Integer score = integer("score");
                    if (score != null) {
                        data.put("score", score);
                    }
                    add(made, "nps:" + text("answerId"), "salespulse.nps.answered.v1", answered, data);
                }
                case "objectives.csv" -> {
                    Instant set = instant("setAt", true);
                    day("periodStart");
                    day("periodEnd");
                    ObjectNode data =
                            data("objectiveId", "scope", "scopeId", "metric", "currency", "periodStart", "periodEnd");
                    decimal(data, "target");
                    add(
                            made,
                            "objective:" + text("objectiveId") + ":" + text("setAt"),
                            "salespulse.objective.set.v1",
                            set,
                            data);
                }
                default -> throw new IllegalStateException(file);
            }
            return problems.size() == before ? made : List.of();
        }

        private void add(List<Line> made, String id, String type, Instant time, ObjectNode data) {
            if (time != null) {
                made.add(new Line(file, line, id, type, time, data));
            }
        }

        private String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value;
        }

        /** The given columns as the event's data (blank ones left out: the service says which it requires). */
        private ObjectNode data(String... columns) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : columns) {
                String value = text(column);
                if (value != null) {
                    values.put(column, value);
                }
            }
            ObjectNode data = JSON.createObjectNode();
            values.forEach(data::put);
            return data;
        }

        private Instant instant(String column, boolean required) {
            String value = text(column);
            if (value == null) {
                if (required) {
                    problem(column, "is required");
                }
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                problem(column, "must be an RFC 3339 time with an offset, e.g. 2026-10-12T09:15:00+02:00");
                return null;
            }
        }

        private void day(String column) {
            String value = text(column);
            if (value != null) {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    problem(column, "must be a day, e.g. 2026-12-19");
                }
            }
        }

        private Integer integer(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(column, "must be a whole number");
                return null;
            }
        }

        private void decimal(ObjectNode data, String column) {
            String value = text(column);
            if (value == null) {
                return;
            }
            try {
                data.put(column, new java.math.BigDecimal(value));
            } catch (NumberFormatException e) {
                problem(column, "must be a number, e.g. 24000.50");
            }
        }

        private void problem(String column, String message) {
            problems.add(new Problem(file, line, column, message));
        }
    }
}
