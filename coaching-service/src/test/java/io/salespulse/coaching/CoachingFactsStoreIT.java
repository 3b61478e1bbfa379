package io.salespulse.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salespulse.coaching.projection.CoachingFactsStore;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.kpi.DailyActivity;
import io.salespulse.contracts.kpi.RepDayKpisUpdated;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class CoachingFactsStoreIT {

    @Autowired
    CoachingFactsStore facts;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void dealFactsAreTypedDocumentsThatStillReadWhatEarlierBuildsStored() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String rep = "rep-" + s;
        String team = "team-" + s;
        // What an earlier build stored: the amount as text, the won amount as a double.
        mongo.getCollection("deals")
                .insertOne(new org.bson.Document("_id", "old-" + s)
                        .append("ownerRepId", rep)
                        .append("open", true)
                        .append("amount", "1000.50")
                        .append("currency", "EUR")
                        .append("expectedCloseDate", "2026-11-25")
                        .append("stage", "PROPOSAL"));
        mongo.getCollection("deals")
                .insertOne(new org.bson.Document("_id", "won-old-" + s)
                        .append("ownerRepId", rep)
                        .append("open", false)
                        .append("wonTeamId", team)
                        .append("wonCurrency", "EUR")
                        .append("wonAmount", 5000.25)
                        .append("wonAt", java.util.Date.from(Instant.parse("2026-11-03T10:00:00Z"))));
        Instant created = Instant.parse("2026-11-02T09:00:00Z");
        facts.recordDeal(
                EventEnvelope.of(
                        "c-" + s,
                        "/t",
                        new io.salespulse.contracts.deal.DealCreated(
                                "new-" + s,
                                rep,
                                "Acme",
                                io.salespulse.contracts.deal.DealStage.QUALIFIED,
                                io.salespulse.contracts.Money.of("2000.10", "EUR"),
                                LocalDate.parse("2026-11-20"),
                                created)),
                team);
        EventEnvelope move = EventEnvelope.of(
                "m-" + s,
                "/t",
                new io.salespulse.contracts.deal.DealStageChanged(
                        "new-" + s,
                        rep,
                        io.salespulse.contracts.deal.DealStage.QUALIFIED,
                        io.salespulse.contracts.deal.DealStage.PROPOSAL,
                        6,
                        io.salespulse.contracts.Money.of("2000.10", "EUR"),
                        Instant.parse("2026-11-08T09:00:00Z")));
        facts.recordDeal(move, team);
        facts.recordDeal(move, team);
        facts.recordDeal(
                EventEnvelope.of(
                        "w-" + s,
                        "/t",
                        new io.salespulse.contracts.deal.DealWon(
                                "big-" + s,
                                rep,
                                io.salespulse.contracts.Money.of("9000.00", "EUR"),
                                created,
                                Instant.parse("2026-11-10T09:00:00Z"))),
                team);

        org.bson.Document stored = mongo.getCollection("deals")
                .find(com.mongodb.client.model.Filters.eq("_id", "new-" + s))
                .first();
        assertThat(stored.get("amount")).isEqualTo(new org.bson.types.Decimal128(new java.math.BigDecimal("2000.10")));
        assertThat(facts.openExpected(java.util.List.of(rep), "EUR", LocalDate.parse("2026-11-30")))
                .isEqualByComparingTo("3000.60");
        assertThat(facts.openExpected(java.util.List.of(rep), "EUR", LocalDate.parse("2026-11-22")))
                .isEqualByComparingTo("2000.10");
        assertThat(facts.wonAmounts(
                        team,
                        "EUR",
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-30T00:00:00Z"),
                        "big-" + s))
                .containsExactly(new java.math.BigDecimal("5000.25"));
        assertThat(facts.deal("new-" + s)).hasValueSatisfying(deal -> {
            assertThat(deal.stage()).isEqualTo("PROPOSAL");
            assertThat(deal.stageSince()).isEqualTo(Instant.parse("2026-11-08T09:00:00Z"));
            assertThat(deal.open()).isTrue();
        });
        assertThat(facts.ownerOf("old-" + s)).contains(rep);
        assertThat(facts.openDealsOf(java.util.List.of(rep)))
                .extracting(io.salespulse.coaching.projection.DealView::dealId)
                .containsExactlyInAnyOrder("old-" + s, "new-" + s);
        // The redelivered move is one duration.
        assertThat(facts.medianDaysInStage(team, "QUALIFIED", Instant.parse("2026-11-01T00:00:00Z")))
                .isEqualByComparingTo("6");
        assertThat(mongo.getCollection("stage_durations").countDocuments(new org.bson.Document("teamId", team)))
                .isEqualTo(1);
    }

    @Test
    void kpiUpdatesBecomeTheRepsDailyFactsOncePerDay() {
        String rep = "rep-" + UUID.randomUUID();
        DailyActivity two = new DailyActivity(2, 1, 60, 0, 0, 0, 0, 0, 0, 0, 0);
        DailyActivity one = new DailyActivity(1, 1, 60, 0, 0, 0, 0, 0, 0, 0, 0);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        KafkaProbe.publish(
                EventEnvelope.of(
                        "a-" + rep, "/t", new RepDayKpisUpdated(rep, "t", LocalDate.parse("2026-11-24"), two, now)),
                // an older version of the same day arriving late is ignored
                EventEnvelope.of(
                        "b-" + rep, "/t", new RepDayKpisUpdated(rep, "t", LocalDate.parse("2026-11-24"), one, now)),
                EventEnvelope.of(
                        "c-" + rep, "/t", new RepDayKpisUpdated(rep, "t", LocalDate.parse("2026-11-25"), one, now)));
        await().atMost(Duration.ofSeconds(30)).until(() -> facts.repDaysOf(rep) == 2);
        assertThat(Http.get("http://localhost:" + managementPort + "/actuator/health/readiness")
                        .status())
                .isEqualTo(200);
        // Counted once the whole batch is handled (its reps judged), a moment after the facts are stored.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(Http.get("http://localhost:" + managementPort + "/actuator/prometheus")
                                .body())
                        .contains("salespulse_events_consumed_total{", "topic=\"salespulse.kpis\""));
    }
}
