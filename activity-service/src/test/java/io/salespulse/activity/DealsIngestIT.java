package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.deals.DealService;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealStageChanged;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class DealsIngestIT {

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private String update(String id, String deal, String stage, String time) {
        return StoryDates.moved("""
                {"specversion":"1.0","id":"%s","source":"/demo/test","type":"salespulse.deal.updated.v1","time":"%s",
                 "data":{"dealId":"%s","ownerRepId":"ae-1","stage":"%s","amount":24000,"currency":"EUR","name":"Acme"}}
                """.formatted(id, time, deal, stage));
    }

    private int post(String body) {
        return Http.post(
                        "http://localhost:" + port + "/api/v1/events",
                        "application/cloudevents+json",
                        body,
                        "Authorization",
                        "Bearer local-dev-ingest-key")
                .status();
    }

    @Test
    void dealUpdatesBecomeFactsAndALateUpdateDoesNotMoveTheDealBack() {
        String deal = "deal-" + UUID.randomUUID();
        assertThat(post(update("u1-" + deal, deal, "QUALIFIED", "2026-11-02T10:00:00Z")))
                .isEqualTo(202);
        assertThat(post(update("u3-" + deal, deal, "WON", "2026-11-20T10:00:00Z")))
                .isEqualTo(202);
        // Sent before the win, delivered after it.
        assertThat(post(update("u2-" + deal, deal, "PROPOSAL", "2026-11-10T10:00:00Z")))
                .isEqualTo(202);
        // And the win delivered again.
        assertThat(post(update("u3-" + deal, deal, "WON", "2026-11-20T10:00:00Z")))
                .isEqualTo(202);

        assertThat(deals.current(deal).orElseThrow().stage()).isEqualTo(DealStage.WON);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.DEALS)) {
            List<EventEnvelope> facts = probe.awaitEvents(e -> e.key().equals(deal), 3, Duration.ofSeconds(30));
            facts = probe.drain(e -> e.key().equals(deal), Duration.ofSeconds(2));
            assertThat(facts)
                    .extracting(e -> e.data().getClass().getSimpleName())
                    .containsExactly("DealCreated", "DealStageChanged", "DealWon");
            assertThat(facts.get(0).dataAs(DealCreated.class).stage()).isEqualTo(DealStage.QUALIFIED);
            assertThat(facts.get(1).dataAs(DealStageChanged.class).daysInPreviousStage())
                    .isEqualTo(18);
            assertThat(facts.get(2).dataAs(DealWon.class).amount().amount()).isEqualByComparingTo("24000");
        }
    }

    @Test
    void concurrentUpdatesOfOneDealAreAllRecordedEachOnItsOwnVersion() throws Exception {
        String deal = "deal-" + UUID.randomUUID();
        java.time.Instant t0 = StoryDates.at("2026-11-02T10:00:00Z");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            done.add(pool.submit(() -> deals.apply(
                    "/demo/test",
                    deal + "-" + n,
                    "test",
                    io.salespulse.activity.deals.DealUpdate.partial(
                            deal,
                            java.util.Set.of(io.salespulse.activity.deals.DealField.AMOUNT),
                            null,
                            null,
                            null,
                            null,
                            io.salespulse.contracts.Money.of(String.valueOf(1000 + n), "EUR"),
                            null,
                            null,
                            t0.plusSeconds(n)))));
        }
        for (java.util.concurrent.Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        // The latest change wins whatever the order the writers got through in.
        assertThat(deals.current(deal).orElseThrow().amount().amount()).isEqualByComparingTo("1019");
        assertThat(mongo.getCollection("accepted_events")
                        .countDocuments(new org.bson.Document("aggregate", "deal:" + deal)))
                .isBetween(1L, 20L);
        assertThat(mongo.getCollection("accepted_events")
                        .countDocuments(new org.bson.Document("eventId", new org.bson.Document("$regex", "^" + deal))))
                .isEqualTo(20);
    }

    @Test
    void dealUpdateNamesItsBadFields() {
        Http.Answer answer = Http.post(
                "http://localhost:" + port + "/api/v1/events",
                "application/cloudevents+json",
                StoryDates.moved("""
                {"specversion":"1.0","id":"x","source":"/demo/test","type":"salespulse.deal.updated.v1","time":"2026-11-02T10:00:00Z",
                 "data":{"dealId":"d","ownerRepId":"ae-1","stage":"ALMOST","amount":-5,"currency":"euro"}}"""),
                "Authorization",
                "Bearer local-dev-ingest-key");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("data.stage", "data.amount", "data.currency");
    }
}
