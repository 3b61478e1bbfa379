package io.salespulse.activity.ingest.twenty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.EventCodec;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Twenty's webhooks, shaped as Twenty sends them ({@code {event, data, timestamp, workspaceId}} with the record as it
 * now is; amounts in micros with their currency code), mapped without any I/O.
 */
class TwentyMapperTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1096), Duration.ofHours(24), Duration.ofMinutes(5));
    static final CrmProperties.Twenty CONFIG =
            new CrmProperties.Twenty("secret", Map.of("PROPOSAL", DealStage.PROPOSAL), "EUR", List.of("ws-1"));

    static Inbound map(String json) {
        return TwentyMapper.map(
                EventCodec.mapper().readTree(json), CONFIG, (crm, owner) -> "rep-" + owner, NOW, WINDOW);
    }

    @Test
    void anUpdatedOpportunityIsTheDealAsItNowIs() {
        Inbound.DealChange deal = (Inbound.DealChange) map("""
                {"event":"opportunity.updated","workspaceId":"ws-1","timestamp":"2026-11-26T09:59:00Z",
                 "data":{"id":"8f0c2d1e","name":"Initech","stage":"PROPOSAL","ownerId":"wm-7",
                         "amount":{"amountMicros":"68000000000","currencyCode":"EUR"},"closeDate":"2026-12-15",
                         "updatedAt":"2026-11-26T09:58:30Z"}}""");
        assertThat(deal.source()).isEqualTo("/crm/twenty/ws-1");
        assertThat(deal.eventId())
                .isEqualTo("opportunity.updated|8f0c2d1e|"
                        + Instant.parse("2026-11-26T09:58:30Z").toEpochMilli());
        assertThat(deal.update().dealId()).isEqualTo("twenty-8f0c2d1e");
        assertThat(deal.update().stage()).isEqualTo(DealStage.PROPOSAL);
        assertThat(deal.update().amount().amount()).isEqualByComparingTo(new BigDecimal("68000"));
        assertThat(deal.update().expectedCloseDate()).isEqualTo(LocalDate.parse("2026-12-15"));
        assertThat(deal.update().ownerRepId()).isEqualTo("rep-wm-7");
    }

    @Test
    void anotherWorkspaceOrANegativeAmountIsRefusedNamingTheField() {
        assertThatThrownBy(() -> map("""
                {"event":"opportunity.updated","workspaceId":"ws-2","data":{"id":"a"}}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("workspaceId"));
        assertThatThrownBy(() -> map("""
                {"event":"opportunity.updated","workspaceId":"ws-1",
                 "data":{"id":"a","amount":{"amountMicros":"-5000000","currencyCode":"EUR"}}}"""))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("data.amount.amountMicros"));
    }
}
