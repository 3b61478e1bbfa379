package io.salespulse.kpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kpi.deals.DealProjection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastMathTest {

    static final LocalDate FROM = LocalDate.parse("2026-10-01");
    static final LocalDate TO = LocalDate.parse("2026-12-31");
    static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private static DealProjection.Deal open(
            String id, DealStage stage, String amount, String close, ForecastCategory crm) {
        return new DealProjection.Deal(
                id,
                "rep",
                id,
                stage,
                Money.of(amount, "EUR"),
                close == null ? null : LocalDate.parse(close),
                null,
                null,
                "OPEN",
                null,
                crm,
                null,
                null);
    }

    @Test
    void eachStageHasItsDefaultCategoryAndTheCrmsOwnWins() {
        assertThat(ForecastCategory.ofStage(DealStage.QUALIFIED)).isEqualTo(ForecastCategory.PIPELINE);
        assertThat(ForecastCategory.ofStage(DealStage.PROPOSAL)).isEqualTo(ForecastCategory.BEST_CASE);
        assertThat(ForecastCategory.ofStage(DealStage.NEGOTIATION)).isEqualTo(ForecastCategory.COMMIT);
        assertThat(open("a", DealStage.NEW, "1", null, ForecastCategory.COMMIT).forecastCategory())
                .isEqualTo(ForecastCategory.COMMIT);
        assertThat(open("a", DealStage.NEGOTIATION, "1", null, null).forecastCategory())
                .isEqualTo(ForecastCategory.COMMIT);
    }

    @Test
    void omittedOutOfPeriodAndUndatedDealsStayOutOfTheCategories() {
        Forecast forecast = Forecast.of(
                FROM,
                TO,
                List.of(
                        open("commit", DealStage.NEGOTIATION, "100", "2026-11-20", null),
                        open("omitted", DealStage.NEGOTIATION, "900", "2026-12-01", ForecastCategory.OMITTED),
                        open("january", DealStage.NEGOTIATION, "900", "2027-01-05", null),
                        open("undated", DealStage.PROPOSAL, "900", null, null)),
                List.of(),
                Map.of("EUR", new BigDecimal("1000")),
                TODAY);
        Forecast.Amounts euros = forecast.currencies().get("EUR");
        assertThat(euros.commit()).isEqualByComparingTo("100");
        assertThat(euros.bestCase()).isEqualByComparingTo("0");
        assertThat(euros.commitCoverage()).isEqualByComparingTo("0.1");
        assertThat(forecast.undated()).isEqualTo(1);
        assertThat(forecast.deals().get(ForecastCategory.COMMIT))
                .singleElement()
                .satisfies(line -> assertThat(line.overdue())
                        .as("expected on the 20th, still open on the 27th")
                        .isTrue());
    }

    @Test
    void aCallsAccuracyIsHowCloseItCameToWhatWasWon() {
        assertThat(ForecastCalls.accuracy(new BigDecimal("6000"), new BigDecimal("5000")))
                .isEqualByComparingTo("0.8");
        assertThat(ForecastCalls.accuracy(new BigDecimal("4000"), new BigDecimal("5000")))
                .isEqualByComparingTo("0.8");
        assertThat(ForecastCalls.accuracy(new BigDecimal("20000"), new BigDecimal("5000")))
                .isEqualByComparingTo("0");
        assertThat(ForecastCalls.accuracy(BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("1");
        assertThat(ForecastCalls.accuracy(BigDecimal.TEN, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }
}
