package io.salespulse.kpi.deals;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.testsupport.RealInfrastructure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The deal view's typed documents against the real wire-protocol server: amounts stored as Decimal128 with their scale
 * (not as text, Spring Data's default), a deal an earlier build stored in hundredths still read, a stage change
 * redelivered counted once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class DealProjectionIT {

    @Autowired
    DealProjection deals;

    @Autowired
    MongoTemplate mongo;

    @Test
    void amountsAreDecimal128AnOlderDealInHundredthsIsStillReadAndARedeliveredMoveCountsOnce() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String rep = "rep-" + s;
        mongo.getCollection("deals")
                .insertOne(new Document("_id", "old-" + s)
                        .append("ownerRepId", rep)
                        .append("stage", "PROPOSAL")
                        .append("status", "OPEN")
                        .append("amountCents", 1234567L)
                        .append("currency", "EUR")
                        .append("expectedCloseDate", "2026-12-20"));
        Instant created = Instant.parse("2026-11-02T09:00:00Z");
        deals.apply(
                EventEnvelope.of(
                        "c-" + s,
                        "/t",
                        new DealCreated(
                                "new-" + s,
                                rep,
                                "Acme",
                                DealStage.QUALIFIED,
                                Money.of("1000.10", "EUR"),
                                LocalDate.parse("2026-12-01"),
                                created)),
                "team-" + s,
                LocalDate.parse("2026-11-02"));
        EventEnvelope move = EventEnvelope.of(
                "m-" + s,
                "/t",
                new DealStageChanged(
                        "new-" + s,
                        rep,
                        DealStage.QUALIFIED,
                        DealStage.PROPOSAL,
                        6,
                        Money.of("1500.50", "EUR"),
                        Instant.parse("2026-11-08T09:00:00Z")));
        deals.apply(move, "team-" + s, LocalDate.parse("2026-11-08"));
        deals.apply(move, "team-" + s, LocalDate.parse("2026-11-08"));

        Document stored =
                mongo.getCollection("deals").find(Filters.eq("_id", "new-" + s)).first();
        assertThat(stored.get("amount")).isEqualTo(new Decimal128(new BigDecimal("1500.50")));
        assertThat(stored.get("stageSince")).isEqualTo(java.util.Date.from(Instant.parse("2026-11-08T09:00:00Z")));

        List<DealProjection.Deal> open = deals.openDealsOf(List.of(rep));
        assertThat(open).hasSize(2);
        DealProjection.Deal old = open.stream()
                .filter(d -> d.dealId().equals("old-" + s))
                .findFirst()
                .orElseThrow();
        assertThat(old.amount()).isEqualTo(new Money(new BigDecimal("12345.67"), "EUR"));
        assertThat(old.name()).isNull();
        assertThat(old.stageSince()).isNull();
        DealProjection.Deal acme = open.stream()
                .filter(d -> d.dealId().equals("new-" + s))
                .findFirst()
                .orElseThrow();
        assertThat(acme.name()).isEqualTo("Acme");
        assertThat(acme.stage()).isEqualTo(DealStage.PROPOSAL);
        assertThat(acme.amount().amount()).isEqualTo(new BigDecimal("1500.50"));
        assertThat(acme.createdAt()).isEqualTo(created);

        assertThat(deals.stageDurations("team-" + s, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
                .containsExactly(new DealProjection.StageDuration(
                        "m-" + s, "team-" + s, rep, DealStage.QUALIFIED, 6, "2026-11-08"));
    }
}
