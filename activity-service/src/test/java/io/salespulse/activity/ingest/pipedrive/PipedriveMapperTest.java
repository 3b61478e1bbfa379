package io.salespulse.activity.ingest.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.activity.accounts.ContractHistory;
import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pipedrive webhooks v2, shaped as Pipedrive's documentation shows them ({@code meta} with {@code id}, {@code action},
 * {@code entity}, {@code company_id}, {@code timestamp}; {@code data} the object as it now is; {@code previous} what
 * changed), mapped without any I/O.
 */
class PipedriveMapperTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1096), Duration.ofHours(24), Duration.ofMinutes(5));
    static final CrmProperties.Pipedrive CONFIG = new CrmProperties.Pipedrive(
            "salespulse",
            "pw",
            Map.of("3", DealStage.DISCOVERY),
            "EUR",
            List.of("7788"),
            "9dc80c50d78a15643bfc4ca79d76156a73a1ca0e",
            Map.of("57", ForecastCategory.COMMIT, "58", ForecastCategory.BEST_CASE),
            new CrmProperties.Contracts("arr_k", "start_k", "end_k", "status_k", List.of("91"), "4"));

    static Inbound map(String json) {
        return PipedriveMapper.map(EventCodec.mapper().readTree(json), CONFIG, (crm, owner) -> "rep-" + owner, WINDOW);
    }

    @Test
    void aWonDealIsTheDealAsItNowIs() {
        Inbound.DealChange deal = (Inbound.DealChange) map("""
                {"meta":{"id":"5b1c-11","action":"change","entity":"deal","company_id":"7788","timestamp":"2026-11-26T09:59:00Z"},
                 "data":{"id":991,"title":"Globex renewal","status":"won","stage_id":3,"value":24000,"currency":"USD",
                         "owner_id":42,"add_time":"2026-10-01T08:00:00Z","update_time":"2026-11-26T09:58:59Z"},
                 "previous":{"status":"open"}}""");
        assertThat(deal.source()).isEqualTo("/crm/pipedrive/7788");
        assertThat(deal.eventId()).isEqualTo("5b1c-11");
        assertThat(deal.update().dealId()).isEqualTo("pipedrive-991");
        assertThat(deal.update().stage()).isEqualTo(DealStage.WON);
        assertThat(deal.update().amount().amount()).isEqualByComparingTo(new BigDecimal("24000"));
        assertThat(deal.update().amount().currency()).isEqualTo("USD");
        assertThat(deal.update().ownerRepId()).isEqualTo("rep-42");
        assertThat(deal.update().occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:58:59Z"));
    }

    @Test
    void theMappedCustomFieldGivesTheForecastCategory() {
        Inbound.DealChange deal = (Inbound.DealChange) map("""
                {"meta":{"id":"5b1c-12","action":"change","entity":"deal","company_id":"7788","timestamp":"2026-11-26T09:59:00Z"},
                 "data":{"id":992,"title":"Initech","status":"open","stage_id":3,"value":9000,"currency":"EUR","owner_id":42,
                         "update_time":"2026-11-26T09:58:59Z",
                         "custom_fields":{"9dc80c50d78a15643bfc4ca79d76156a73a1ca0e":{"type":"enum","id":57}}},
                 "previous":{"custom_fields":{"9dc80c50d78a15643bfc4ca79d76156a73a1ca0e":null}}}""");
        assertThat(deal.update().present()).contains(DealField.FORECAST_CATEGORY);
        assertThat(deal.update().forecastCategory()).isEqualTo(ForecastCategory.COMMIT);

        Inbound.DealChange without = (Inbound.DealChange) map("""
                {"meta":{"id":"5b1c-13","action":"change","entity":"deal","company_id":"7788","timestamp":"2026-11-26T09:59:00Z"},
                 "data":{"id":993,"title":"Hooli","status":"open","stage_id":3,"value":9000,"currency":"EUR","owner_id":42,
                         "update_time":"2026-11-26T09:58:59Z","custom_fields":{}},
                 "previous":{}}""");
        assertThat(without.update().present()).doesNotContain(DealField.FORECAST_CATEGORY);
    }

    @Test
    void aCallMarkedDoneIsLoggedConnectedWhenItLasted() {
        Inbound.Ready call = (Inbound.Ready) map("""
                {"meta":{"id":"5b1c-12","action":"change","entity":"activity","company_id":"7788","timestamp":"2026-11-26T09:30:00Z"},
                 "data":{"id":5501,"type":"call","done":true,"duration":"00:04","deal_id":991,"user_id":42,
                         "marked_as_done_time":"2026-11-26T09:29:00Z"},
                 "previous":{"done":false}}""");
        CallLogged logged = (CallLogged) call.entry().events().get(0).data();
        assertThat(logged.repId()).isEqualTo("rep-42");
        assertThat(logged.outcome()).isEqualTo(CallOutcome.CONNECTED);
        assertThat(logged.durationSeconds()).isEqualTo(240);
        assertThat(logged.dealId()).isEqualTo("pipedrive-991");
    }

    @Test
    void anotherCompanyOrAFutureTimestampIsRefusedNamingTheField() {
        assertThatThrownBy(() -> map("""
                {"meta":{"id":"x","action":"change","entity":"deal","company_id":"1","timestamp":"2026-11-26T09:00:00Z"},"data":{"id":1}}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("meta.company_id"));
        assertThatThrownBy(() -> map("""
                {"meta":{"id":"x","action":"change","entity":"deal","company_id":"7788","timestamp":"2026-11-29T09:00:00Z"},"data":{"id":1}}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("meta.timestamp"));
    }

    static String organisation(int delivery, ContractHistory.Moment m) {
        return """
                {"meta":{"action":"change","entity":"organization","entity_id":"77","id":"org-%d","timestamp":"%s",
                         "version":"2.0","company_id":"7788"},
                 "data":{"id":77,"name":"Acme Logistique","owner_id":205,
                         "custom_fields":{"arr_k":{"type":"monetary","value":%s,"currency":"EUR"},
                                          "start_k":{"type":"date","value":"%s"},"end_k":{"type":"date","value":"%s"},
                                          "status_k":{"type":"enum","id":%s}}},
                 "previous":null}""".formatted(delivery, m.at(), m.arr(), m.termStart(), m.termEnd(), m.churned() ? 91 : 90);
    }

    @Test
    void anOrganisationsCustomFieldsAreItsContractAndTellTheSameFactsAsEveryCrm() {
        Instant then = NOW;
        java.util.List<Inbound> inbound = new java.util.ArrayList<>();
        for (int i = 0; i < ContractHistory.MOMENTS.size(); i++) {
            inbound.add(map(organisation(i, ContractHistory.MOMENTS.get(i))));
        }
        // Told against a window wide enough for 2026-2027.
        assertThat(then).isNotNull();
        assertThat(ContractHistory.told(inbound)).isEqualTo(ContractHistory.EXPECTED);
    }

    @Test
    void aDealOfTheRenewalPipelineIsItsOrganisationsRenewalNotASale() {
        Inbound renewal = map("""
                {"meta":{"action":"create","entity":"deal","entity_id":"900","id":"d-900","timestamp":"2026-11-20T10:00:00Z",
                         "version":"2.0","company_id":"7788"},
                 "data":{"id":900,"title":"Acme renewal","pipeline_id":4,"org_id":77,"owner_id":205,"value":55000,"currency":"EUR",
                         "status":"open","stage_id":30},
                 "previous":null}""");
        java.util.List<Inbound> inbound = new java.util.ArrayList<>();
        inbound.add(map(organisation(0, ContractHistory.MOMENTS.get(0))));
        inbound.add(renewal);
        assertThat(ContractHistory.told(inbound)).containsExactly("STARTED 48000 - 2026-12-31");
        assertThat(renewal).isInstanceOf(Inbound.Assembled.class);
        assertThat(((Inbound.Assembled<?>) renewal).aggregate()).isEqualTo("contract:pipedrive-org-77");
    }

    @Test
    void anArrWithoutItsCurrencyIsInTheAccountsDefaultCurrency() {
        CrmProperties.Pipedrive dollars = new CrmProperties.Pipedrive(
                CONFIG.username(),
                CONFIG.password(),
                CONFIG.stages(),
                "USD",
                CONFIG.accounts(),
                CONFIG.forecastField(),
                CONFIG.forecastCategories(),
                CONFIG.contracts());
        Inbound organisation =
                PipedriveMapper.map(EventCodec.mapper().readTree("""
                        {"meta":{"action":"change","entity":"organization","entity_id":"78","id":"org-usd","timestamp":"2026-11-20T09:00:00Z",
                                 "version":"2.0","company_id":"7788"},
                         "data":{"id":78,"name":"Wayne","owner_id":205,
                                 "custom_fields":{"arr_k":40000,"end_k":{"type":"date","value":"2027-06-30"}}},
                         "previous":null}"""), dollars, (crm, owner) -> "rep-" + owner, WINDOW);
        assertThat(ContractHistory.told(List.of(organisation))).containsExactly("STARTED 40000 - 2027-06-30");
        io.salespulse.activity.outbox.AggregateLog.Step<?> step = ((Inbound.Assembled<
                                io.salespulse.activity.accounts.ContractUpdate>)
                        organisation)
                .step()
                .apply(null);
        assertThat(((io.salespulse.contracts.account.ContractChanged)
                                step.events().get(0))
                        .arr()
                        .currency())
                .isEqualTo("USD");
    }
}
