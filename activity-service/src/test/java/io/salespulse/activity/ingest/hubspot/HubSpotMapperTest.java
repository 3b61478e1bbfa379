package io.salespulse.activity.ingest.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.accounts.ContractHistory;
import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.deals.DealUpdate;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.Intake;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.kit.web.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HubSpot's webhook batches, shaped as HubSpot's webhooks documentation shows them (an array of events with
 * {@code eventId}, {@code subscriptionId}, {@code portalId}, {@code appId}, {@code occurredAt} in epoch milliseconds,
 * {@code subscriptionType}, {@code attemptNumber}, {@code objectId}, {@code propertyName}, {@code propertyValue},
 * {@code changeSource}), mapped without any I/O.
 */
class HubSpotMapperTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1096), Duration.ofHours(24), Duration.ofMinutes(5));
    static final CrmProperties.HubSpot CONFIG = new CrmProperties.HubSpot(
            "secret",
            null,
            "EUR",
            Map.of("closedwon", DealStage.WON, "qualifiedtobuy", DealStage.QUALIFIED),
            Map.of(),
            List.of("62515"),
            new CrmProperties.Contracts(
                    "arr", "contract_start", "renewal_date", "customer_status", List.of("Churned"), null));

    static String event(
            long id, String type, long objectId, String property, String value, long occurredAt, String portal) {
        return """
                {"eventId":%d,"subscriptionId":2101,"portalId":%s,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s",
                 "attemptNumber":0,"objectId":%d,"changeSource":"CRM"%s}""".formatted(
                id,
                portal,
                occurredAt,
                type,
                objectId,
                property == null ? "" : ",\"propertyName\":\"%s\",\"propertyValue\":\"%s\"".formatted(property, value));
    }

    static Intake map(String... events) {
        return HubSpotMapper.map(
                EventCodec.mapper().readTree("[" + String.join(",", events) + "]"),
                CONFIG,
                (crm, owner) -> "rep-" + owner,
                WINDOW);
    }

    @Test
    void aStageChangeAndAnAmountBecomeDealUpdatesOfThePortalsSource() {
        long at = NOW.minusSeconds(60).toEpochMilli();
        Intake intake = map(
                event(1, "deal.propertyChange", 4242, "dealstage", "closedwon", at, "62515"),
                event(2, "deal.propertyChange", 4242, "amount", "12500.50", at + 1, "62515"));
        assertThat(intake.refused()).isZero();
        Inbound.DealChange stage = (Inbound.DealChange) intake.inbound().get(0);
        assertThat(stage.source()).isEqualTo("/crm/hubspot/62515");
        assertThat(stage.eventId()).isEqualTo("1");
        assertThat(stage.update().dealId()).isEqualTo("hubspot-4242");
        assertThat(stage.update().present()).containsExactly(DealField.STAGE);
        assertThat(stage.update().stage()).isEqualTo(DealStage.WON);
        assertThat(stage.update().occurredAt()).isEqualTo(Instant.ofEpochMilli(at));
        Inbound.DealChange amount = (Inbound.DealChange) intake.inbound().get(1);
        assertThat(amount.update().amount().amount()).isEqualByComparingTo(new BigDecimal("12500.50"));
        assertThat(amount.update().amount().currency()).isEqualTo("EUR");
    }

    @Test
    void aNewDealsPropertiesToldWithItsCreationAreOneUpdate() {
        long at = NOW.minusSeconds(60).toEpochMilli();
        Intake intake = map(
                event(1, "deal.creation", 4242, null, null, at, "62515"),
                event(2, "deal.propertyChange", 4242, "hubspot_owner_id", "51001", at, "62515"),
                event(3, "deal.propertyChange", 4242, "amount", "9000", at, "62515"),
                event(4, "deal.propertyChange", 4242, "dealstage", "qualifiedtobuy", at, "62515"),
                event(5, "deal.propertyChange", 4242, "dealstage", "closedwon", at + 1000, "62515"));
        assertThat(intake.inbound()).hasSize(5);
        DealUpdate created = ((Inbound.DealChange) intake.inbound().get(0)).update();
        assertThat(created.present()).containsExactlyInAnyOrder(DealField.OWNER, DealField.AMOUNT, DealField.STAGE);
        assertThat(created.createdAt()).isEqualTo(Instant.ofEpochMilli(at));
        assertThat(created.ownerRepId()).isEqualTo("rep-51001");
        assertThat(created.amount().amount()).isEqualByComparingTo("9000");
        assertThat(created.stage()).isEqualTo(DealStage.QUALIFIED);
        // The merged notifications are remembered (a redelivery is a duplicate); a later change stays its own.
        assertThat(intake.inbound().subList(1, 4)).allSatisfy(i -> assertThat(i).isInstanceOf(Inbound.Ready.class));
        assertThat(((Inbound.DealChange) intake.inbound().get(4)).update().stage())
                .isEqualTo(DealStage.WON);
    }

    @Test
    void theManualForecastCategoryIsTheDealsOwnAndAnEmptyOneClearsIt() {
        long at = NOW.minusSeconds(60).toEpochMilli();
        Intake intake = map(
                event(1, "deal.propertyChange", 4242, "hs_manual_forecast_category", "COMMIT", at, "62515"),
                event(2, "deal.propertyChange", 4242, "hs_manual_forecast_category", "OMIT", at + 1, "62515"),
                event(3, "deal.propertyChange", 4242, "hs_manual_forecast_category", "", at + 2, "62515"),
                event(4, "deal.propertyChange", 4242, "hs_manual_forecast_category", "MAYBE", at + 3, "62515"));
        assertThat(intake.inbound()).hasSize(3);
        DealUpdate commit = ((Inbound.DealChange) intake.inbound().get(0)).update();
        assertThat(commit.present()).containsExactly(DealField.FORECAST_CATEGORY);
        assertThat(commit.forecastCategory()).isEqualTo(io.salespulse.contracts.deal.ForecastCategory.COMMIT);
        assertThat(((Inbound.DealChange) intake.inbound().get(1)).update().forecastCategory())
                .isEqualTo(io.salespulse.contracts.deal.ForecastCategory.OMITTED);
        DealUpdate cleared = ((Inbound.DealChange) intake.inbound().get(2)).update();
        assertThat(cleared.present()).containsExactly(DealField.FORECAST_CATEGORY);
        assertThat(cleared.forecastCategory()).isNull();
        assertThat(intake.refused()).isEqualTo(1);
        assertThat(intake.rejected())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).endsWith("propertyValue"));
    }

    @Test
    void eachEventIsJudgedAloneAndTheBadOnesAreNamed() {
        long at = NOW.minusSeconds(60).toEpochMilli();
        Intake intake = map(
                event(1, "deal.creation", 1, null, null, at, "62515"),
                event(
                        2,
                        "deal.creation",
                        2,
                        null,
                        null,
                        NOW.plus(Duration.ofDays(3)).toEpochMilli(),
                        "62515"),
                event(3, "deal.creation", 3, null, null, at, "99999"));
        assertThat(intake.inbound()).hasSize(1);
        assertThat(intake.refused()).isEqualTo(2);
        assertThat(intake.rejected()).extracting(FieldProblem::field).containsExactly("[1].occurredAt", "[2].portalId");
    }

    @Test
    void aSubscriptionSalesPulseDoesNotUseIsAcknowledgedWithNothingToPublish() {
        Intake intake = map(
                event(7, "contact.creation", 99, null, null, NOW.minusSeconds(5).toEpochMilli(), "62515"));
        Inbound.Ready received = (Inbound.Ready) intake.inbound().get(0);
        assertThat(received.entry().events()).isEmpty();
        assertThat(received.entry().eventId()).isEqualTo("7");
    }

    @Test
    void aCompanysContractPropertiesAreItsContractAndTellTheSameFactsAsEveryCrm() {
        java.util.List<String> events = new java.util.ArrayList<>();
        long id = 100;
        String status = "Customer";
        events.add(event(
                id++,
                "company.propertyChange",
                77,
                "name",
                "Acme Logistique",
                ContractHistory.MOMENTS.get(0).at().toEpochMilli(),
                "62515"));
        events.add(event(
                id++,
                "company.propertyChange",
                77,
                "hubspot_owner_id",
                "205",
                ContractHistory.MOMENTS.get(0).at().toEpochMilli(),
                "62515"));
        for (ContractHistory.Moment m : ContractHistory.MOMENTS) {
            long at = m.at().toEpochMilli();
            // HubSpot tells one property per notification; a renewal moves the dates before the ARR.
            events.add(event(id++, "company.propertyChange", 77, "contract_start", m.termStart(), at, "62515"));
            events.add(event(id++, "company.propertyChange", 77, "renewal_date", m.termEnd(), at, "62515"));
            events.add(event(id++, "company.propertyChange", 77, "arr", m.arr(), at, "62515"));
            events.add(event(
                    id++,
                    "company.propertyChange",
                    77,
                    "customer_status",
                    m.churned() ? "Churned" : status,
                    at,
                    "62515"));
        }
        Intake intake = map(events.toArray(String[]::new));
        assertThat(intake.refused()).isZero();
        assertThat(ContractHistory.told(intake.inbound())).isEqualTo(ContractHistory.EXPECTED);
    }

    @Test
    void aContractPropertyThatIsNoNumberOrDateIsRefusedNamingIt() {
        long at = NOW.minusSeconds(60).toEpochMilli();
        Intake intake = map(
                event(1, "company.propertyChange", 77, "arr", "lots", at, "62515"),
                event(2, "company.propertyChange", 77, "renewal_date", "someday", at, "62515"));
        assertThat(intake.refused()).isEqualTo(2);
        assertThat(intake.rejected())
                .extracting(io.salespulse.kit.web.FieldProblem::field)
                .containsExactly("[0].propertyValue", "[1].propertyValue");
    }
}
