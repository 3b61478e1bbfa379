package io.salespulse.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.testsupport.Fuzzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backfill's CSV files under the {@link Fuzzer}: whatever a file holds (a broken quote, bytes that are not UTF-8,
 * a header twice, a huge line), reading it never fails: each bad line is a problem named by file, line and column,
 * and the other lines are read. Each of the five files is fuzzed for {@code -Dfuzz.seconds} (2 by default).
 */
class CsvHistoryFuzzTest {

    @TempDir
    Path folder;

    static final List<String> SEEDS = List.of(
            "calls.csv", """
                    callId,repId,occurredAt,outcome,durationSeconds,dealId
                    c-1,sdr-1,2026-10-05T09:00:00+02:00,CONNECTED,300,d-1
                    c-2,sdr-1,2026-10-05T09:10:00+02:00,NO_ANSWER,0,
                    """,
            "emails.csv", """
                    emailId,repId,occurredAt,dealId
                    e-1,sdr-1,2026-10-05T09:00:00+02:00,d-1
                    """,
            "meetings.csv", """
                    meetingId,repId,bookedAt,scheduledFor,heldAt,dealId
                    m-1,sdr-1,2026-10-05T09:00:00+02:00,2026-10-08T14:00:00+02:00,2026-10-08T15:00:00+02:00,d-1
                    "m-3","sdr-1","2026-10-06T09:00:00+02:00","2026-10-10T14:00:00+02:00",,
                    """,
            "deals.csv", """
                    dealId,ownerRepId,stage,amount,currency,updatedAt,name,expectedCloseDate
                    d-1,ae-1,NEW,1000,EUR,2026-10-01T09:00:00+02:00,Acme,2026-12-15
                    d-1,ae-1,WON,1200.50,EUR,2026-10-20T09:00:00+02:00,Acme,2026-12-15
                    """,
            "objectives.csv", """
                    objectiveId,scope,scopeId,metric,target,currency,periodStart,periodEnd,setAt
                    o-1,REP,ae-1,REVENUE_WON,30000,EUR,2026-10-01,2026-12-31,2026-10-01T08:00:00+02:00
                    """);

    @Test
    void noFileMakesTheReadingFail() {
        for (int i = 0; i < SEEDS.size(); i += 2) {
            String file = SEEDS.get(i);
            // Each file in a folder of its own: what the others' last mutants said is not this one's.
            Path own = folder.resolve(file.replace(".csv", ""));
            Fuzzer.Report report = Fuzzer.runReader("backfill-" + file, List.of(SEEDS.get(i + 1)), 2, bytes -> {
                try {
                    Files.createDirectories(own);
                    Files.write(own.resolve(file), bytes);
                    CsvHistory.Contents contents = CsvHistory.read(own);
                    assertThat(contents.problems()).allSatisfy(problem -> {
                        assertThat(problem.file()).isEqualTo(file);
                        assertThat(problem.line()).isPositive();
                        assertThat(problem.column()).isNotBlank();
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(report.findings()).as(report.toString()).isEmpty();
        }
    }
}
