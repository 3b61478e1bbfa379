package io.salespulse.kpi.deals;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealLost;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.kpi.activity.Increment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DealCountingTest {

    static final Instant AT = Instant.parse("2026-11-18T23:30:00Z");
    static final Money EUR = Money.of("1234.56", "EUR");

    private static List<Increment> count(SalesPulseEvent fact) {
        return DealCounting.increments(
                EventEnvelope.of("e", "/t", fact), rep -> ZoneId.of("Europe/Paris"), rep -> "team");
    }

    @Test
    void createdDealAddsPipelineInItsCurrencyInHundredths() {
        Increment i = count(new DealCreated("d", "ae", "n", DealStage.NEW, EUR, null, AT))
                .get(0);
        assertThat(i.counters()).isEqualTo(Map.of("dealsCreated", 1L, "money.pipelineCreated.EUR", 123456L));
        assertThat(i.day()).isEqualTo(LocalDate.parse("2026-11-19"));
    }

    @Test
    void stageMovesCountForConversionAndOnlyMiddleMovesCountAsAdvanced() {
        assertThat(count(new DealStageChanged("d", "ae", DealStage.DISCOVERY, DealStage.PROPOSAL, 3, EUR, AT))
                        .get(0)
                        .counters())
                .isEqualTo(Map.of("stageExits.DISCOVERY", 1L, "stageForward.DISCOVERY", 1L, "dealsAdvanced", 1L));
        assertThat(count(new DealStageChanged("d", "ae", DealStage.NEGOTIATION, DealStage.WON, 3, EUR, AT))
                        .get(0)
                        .counters())
                .isEqualTo(Map.of("stageExits.NEGOTIATION", 1L, "stageForward.NEGOTIATION", 1L));
        assertThat(count(new DealStageChanged("d", "ae", DealStage.PROPOSAL, DealStage.LOST, 3, EUR, AT))
                        .get(0)
                        .counters())
                .isEqualTo(Map.of("stageExits.PROPOSAL", 1L));
        assertThat(count(new DealStageChanged("d", "ae", DealStage.PROPOSAL, DealStage.QUALIFIED, 3, EUR, AT))
                        .get(0)
                        .counters())
                .isEqualTo(Map.of("stageExits.PROPOSAL", 1L));
    }

    @Test
    void wonAndLostCountWithTheirAmountsAndAnUnknownOwnerIsUnattributed() {
        assertThat(count(new DealWon("d", "ae", EUR, AT, AT)).get(0).counters())
                .isEqualTo(Map.of("dealsWon", 1L, "money.revenueWon.EUR", 123456L));
        Increment lost =
                count(new DealLost("d", null, null, DealStage.NEW, null, AT)).get(0);
        assertThat(lost.counters()).isEqualTo(Map.of("dealsLost", 1L));
        assertThat(lost.repId()).isEqualTo("unattributed");
    }
}
