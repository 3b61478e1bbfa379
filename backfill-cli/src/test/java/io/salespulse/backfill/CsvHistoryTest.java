package io.salespulse.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvHistoryTest {

    @TempDir
    Path folder;

    @Test
    void eachLineIsOneEventWithAnIdOfItsOwnAndBadLinesAreNamedByLineAndColumn() throws Exception {
        Files.writeString(folder.resolve("meetings.csv"), """
                meetingId,repId,bookedAt,scheduledFor,heldAt,dealId
                m-1,sdr-1,2026-10-05T09:00:00+02:00,2026-10-08T14:00:00+02:00,2026-10-08T15:00:00+02:00,d-1
                m-2,sdr-1,yesterday,2026-10-09T14:00:00+02:00,,
                "m-3","sdr-1","2026-10-06T09:00:00+02:00","2026-10-10T14:00:00+02:00",,
                """);
        Files.writeString(folder.resolve("deals.csv"), """
                dealId,ownerRepId,stage,amount,currency
                d-1,ae-1,NEW,1000,EUR
                """);
        CsvHistory.Contents contents = CsvHistory.read(folder);
        assertThat(contents.read()).isEqualTo(3);
        // Held: booked and held, two events; the third line booked only.
        assertThat(contents.lines())
                .extracting(CsvHistory.Line::id)
                .containsExactly("meeting:m-1:booked", "meeting:m-1:held", "meeting:m-3:booked");
        assertThat(contents.lines().get(0).data().get("dealId").asString()).isEqualTo("d-1");
        assertThat(contents.problems())
                .containsExactlyInAnyOrder(
                        new CsvHistory.Problem("deals.csv", 1, "header", "lacks the column(s) updatedAt"),
                        new CsvHistory.Problem(
                                "meetings.csv",
                                3,
                                "bookedAt",
                                "must be an RFC 3339 time with an offset, e.g. 2026-10-12T09:15:00+02:00"));
    }

    @Test
    void contractsAndNpsAnswersAreCustomerHistoryAndCallsMayNameTheirAccount() throws Exception {
        Files.writeString(folder.resolve("contracts.csv"), """
                contractId,accountId,accountName,csmRepId,arr,currency,termStart,termEnd,updatedAt,status,renewalDealId
                c-1,acme,Acme,csm-1,48000,EUR,2026-01-01,2026-12-31,2026-01-02T09:00:00+01:00,,
                c-1,acme,Acme,csm-1,60000,EUR,2026-01-01,2026-12-31,2026-06-02T09:00:00+02:00,,d-9
                c-1,acme,Acme,csm-1,lots,EUR,2026-01-01,2026-12-31,2026-07-02T09:00:00+02:00,CHURNED,
                """);
        Files.writeString(folder.resolve("nps.csv"), """
                answerId,accountId,csmRepId,score,answeredAt
                n-1,acme,csm-1,9,2026-06-10T10:00:00+02:00
                n-2,acme,csm-1,nine,2026-06-11T10:00:00+02:00
                """);
        Files.writeString(folder.resolve("calls.csv"), """
                callId,repId,occurredAt,outcome,accountId
                k-1,csm-1,2026-06-12T10:00:00+02:00,CONNECTED,acme
                """);
        CsvHistory.Contents contents = CsvHistory.read(folder);
        // Contracts flow before the touches that name their accounts, NPS answers last.
        assertThat(contents.lines())
                .extracting(CsvHistory.Line::type)
                .containsExactly(
                        "salespulse.contract.updated.v1",
                        "salespulse.contract.updated.v1",
                        "salespulse.call.logged.v1",
                        "salespulse.nps.answered.v1");
        assertThat(contents.lines().get(1).id()).isEqualTo("contract:c-1:2026-06-02T09:00:00+02:00");
        assertThat(contents.lines().get(1).data().get("arr").decimalValue()).isEqualByComparingTo("60000");
        assertThat(contents.lines().get(1).data().get("renewalDealId").asString())
                .isEqualTo("d-9");
        assertThat(contents.lines().get(2).data().get("accountId").asString()).isEqualTo("acme");
        assertThat(contents.lines().get(3).data().get("score").asInt()).isEqualTo(9);
        assertThat(contents.problems())
                .containsExactlyInAnyOrder(
                        new CsvHistory.Problem("contracts.csv", 4, "arr", "must be a number, e.g. 24000.50"),
                        new CsvHistory.Problem("nps.csv", 3, "score", "must be a whole number"));
    }

    @Test
    void aCrmsOwnPipelineIsGivenAsStageIdsAndCanonicalStages() {
        org.assertj.core.api.Assertions.assertThat(BackfillCommand.stages("1234567:qualified, 1234568:WON"))
                .containsExactly(java.util.Map.entry("1234567", "QUALIFIED"), java.util.Map.entry("1234568", "WON"));
        org.assertj.core.api.Assertions.assertThat(BackfillCommand.stages("")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BackfillCommand.stages("99:MAYBE"))
                .hasMessageContaining("99:MAYBE");
    }
}
