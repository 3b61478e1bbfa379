package io.salespulse.kit.web;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file uploaded to an import endpoint, read whole with each record's line number (the header is line 1) so that
 * the import's report names the line and column at fault. A header without the required columns is {@code 400}
 * naming {@code header}; more than the allowed lines {@code 400} naming {@code lines}; a line that cannot be read as
 * CSV (an unclosed quote) ends the reading, reported as {@link #unreadable()}, the lines before it kept.
 *
 * @param lines      the records read, each with the line it starts on
 * @param unreadable the line where reading stopped, if it did
 */
public record CsvUpload(List<Line> lines, Optional<LineProblem> unreadable) {

    /** A record and the line of the file it starts on. */
    public record Line(long number, CSVRecord record) {

        /** Whether it holds as many values as the header has columns. */
        public boolean isConsistent() {
            return record.isConsistent();
        }

        /** Its value in a column (empty when the column is absent). */
        public String get(String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
        }

        /** The problem of a line whose values do not match the header's columns. */
        public LineProblem inconsistency() {
            return new LineProblem(
                    number,
                    "line",
                    "has " + record.size() + " values for "
                            + record.getParser().getHeaderNames().size() + " columns");
        }
    }

    /** What is wrong with a line of the file, and in which column. */
    public record LineProblem(long line, String field, String message) {}

    /** Reads {@code csv} (a byte-order mark dropped) whose header must name {@code columns}. */
    public static CsvUpload read(String csv, List<String> columns, int maxLines) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(false)
                .get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
            List<String> missing = columns.stream()
                    .filter(column -> !parser.getHeaderMap().containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidRequestException(
                        "header",
                        "must name the columns " + String.join(", ", columns) + "; missing "
                                + String.join(", ", missing));
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                // The line a record starts on: the line breaks read so far, plus one.
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    lines.add(new Line(line, records.next()));
                } catch (java.io.UncheckedIOException | IllegalStateException e) {
                    return new CsvUpload(
                            lines,
                            Optional.of(new LineProblem(
                                    line,
                                    "line",
                                    "cannot be read as CSV (an unclosed quote?); the file is read up to here")));
                }
                if (lines.size() > maxLines) {
                    throw new InvalidRequestException("lines", "must be at most " + maxLines + " per file; split it");
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The header itself does not read (or names a column twice).
            throw new InvalidRequestException(
                    "header", "is not a CSV header this import reads (" + String.join(",", columns) + ")");
        }
        return new CsvUpload(lines, Optional.empty());
    }

    /** How many lines were read, the unreadable one counted. */
    public int read() {
        return lines.size() + (unreadable.isPresent() ? 1 : 0);
    }
}
