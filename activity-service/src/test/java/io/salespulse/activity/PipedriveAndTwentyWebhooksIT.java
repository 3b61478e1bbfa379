package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.deals.DealService;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.StoryDates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Pipedrive (webhooks v2) and Twenty webhooks, payloads shaped as their documentation shows, through the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PipedriveAndTwentyWebhooksIT {

    static final String PIPEDRIVE_AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString("salespulse:local-dev-pipedrive-password".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    @Autowired
    MongoTemplate mongo;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private String base() {
        return "http://localhost:" + port;
    }

    private void givenRep(String repId, String crm, String externalId) {
        Http.put(
                base() + "/api/v1/teams/team-" + suffix,
                "{\"name\":\"T\",\"timezone\":\"Europe/Paris\",\"locale\":\"fr\"}");
        assertThat(Http.put(base() + "/api/v1/reps/" + repId, """
                {"displayName":"Rep","teamId":"team-%s","role":"AE","seniority":"SENIOR","externalIds":{"%s":"%s"}}""".formatted(suffix, crm, externalId))
                        .status())
                .isEqualTo(200);
    }

    private static String pipedrive(
            String action, String entity, String entityId, String timestamp, String data, String previous) {
        return StoryDates.moved("""
                {"meta":{"action":"%s","entity":"%s","entity_id":"%s","id":"%s","timestamp":"%s","company_id":"7001",
                         "user_id":"10","version":"2.0","change_source":"app","is_bulk_edit":false,"type":"general"},
                 "data":%s,"previous":%s}""".formatted(action, entity, entityId, UUID.randomUUID(), timestamp, data, previous));
    }

    private Http.Answer postPipedrive(String body) {
        return Http.post(base() + "/webhooks/pipedrive", "application/json", body, "Authorization", PIPEDRIVE_AUTH);
    }

    @Test
    void pipedriveDealsAndActivitiesBecomeCanonicalEvents() {
        String owner = "pd-" + suffix;
        String rep = "ae-pd-" + suffix;
        givenRep(rep, "pipedrive", owner);
        String dealId = String.valueOf(Math.abs(suffix.hashCode()));
        String created =
                pipedrive("create", "deal", dealId, "2026-11-02T10:00:00Z", """
                {"id":%s,"title":"Globex renewal","owner_id":"%s","stage_id":2,"value":12000,"currency":"EUR","status":"open",
                 "expected_close_date":"2026-12-15","add_time":"2026-11-02T10:00:00Z","update_time":"2026-11-02T10:00:00Z"}""".formatted(dealId, owner), "null");
        assertThat(postPipedrive(created).status()).isEqualTo(202);
        assertThat(postPipedrive(created).json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(postPipedrive(pipedrive(
                                "change",
                                "deal",
                                dealId,
                                "2026-11-12T10:00:00Z",
                                """
                {"id":%s,"title":"Globex renewal","owner_id":"%s","stage_id":4,"value":12000,"currency":"EUR","status":"open",
                 "expected_close_date":"2026-12-15","update_time":"2026-11-12T10:00:00Z"}""".formatted(dealId, owner),
                                "{\"stage_id\":2}"))
                        .status())
                .isEqualTo(202);
        assertThat(postPipedrive(pipedrive(
                                "change",
                                "deal",
                                dealId,
                                "2026-11-20T10:00:00Z",
                                """
                {"id":%s,"title":"Globex renewal","owner_id":"%s","stage_id":5,"value":12000,"currency":"EUR","status":"won",
                 "expected_close_date":"2026-12-15","update_time":"2026-11-20T10:00:00Z"}""".formatted(dealId, owner),
                                "{\"status\":\"open\",\"stage_id\":4}"))
                        .status())
                .isEqualTo(202);

        assertThat(postPipedrive(pipedrive(
                                "create",
                                "activity",
                                "9001",
                                "2026-11-24T09:04:00Z",
                                """
                {"id":9001,"type":"call","owner_id":"%s","done":true,"duration":"00:04","deal_id":%s,
                 "marked_as_done_time":"2026-11-24T09:04:00Z"}""".formatted(owner, dealId),
                                "null"))
                        .status())
                .isEqualTo(202);
        assertThat(postPipedrive(pipedrive(
                                "create", "activity", "9002", "2026-11-24T09:10:00Z", """
                {"id":9002,"type":"meeting","owner_id":"%s","done":false,"due_date":"2026-11-27","due_time":"14:00"}""".formatted(owner), "null"))
                        .status())
                .isEqualTo(202);
        assertThat(postPipedrive(pipedrive(
                                "change",
                                "activity",
                                "9002",
                                "2026-11-27T15:00:00Z",
                                """
                {"id":9002,"type":"meeting","owner_id":"%s","done":true,"due_date":"2026-11-27","due_time":"14:00"}""".formatted(owner),
                                "{\"done\":false}"))
                        .status())
                .isEqualTo(202);

        assertThat(deals.current("pipedrive-" + dealId).orElseThrow().stage()).isEqualTo(DealStage.WON);
        try (KafkaProbe probe = KafkaProbe.reading(Topics.DEALS, Topics.ACTIVITIES)) {
            List<EventEnvelope> facts =
                    probe.awaitEvents(e -> e.key().equals("pipedrive-" + dealId), 4, Duration.ofSeconds(30));
            assertThat(facts)
                    .extracting(e -> e.data().getClass().getSimpleName())
                    .containsExactly("DealCreated", "DealStageChanged", "DealStageChanged", "DealWon");
            assertThat(facts.get(0).dataAs(DealCreated.class).ownerRepId()).isEqualTo(rep);
            assertThat(facts.get(0).dataAs(DealCreated.class).stage()).isEqualTo(DealStage.QUALIFIED);
            List<EventEnvelope> activities = probe.awaitEvents(e -> e.key().equals(rep), 3, Duration.ofSeconds(30));
            assertThat(activities)
                    .extracting(EventEnvelope::data)
                    .containsExactly(
                            new CallLogged(
                                    rep,
                                    "pipedrive-9001",
                                    CallOutcome.CONNECTED,
                                    240,
                                    "pipedrive-" + dealId,
                                    StoryDates.at("2026-11-24T09:04:00Z")),
                            new MeetingBooked(
                                    rep,
                                    "pipedrive-9002",
                                    StoryDates.at("2026-11-27T14:00:00Z"),
                                    null,
                                    StoryDates.at("2026-11-24T09:10:00Z")),
                            new MeetingHeld(rep, "pipedrive-9002", null, StoryDates.at("2026-11-27T14:00:00Z")));
        }
    }

    @Test
    void pipedriveWithoutTheRightCredentialsStoresNothing() {
        long before = mongo.getCollection("accepted_events").countDocuments();
        String body =
                pipedrive("create", "deal", "1", "2026-11-02T10:00:00Z", "{\"id\":1,\"status\":\"open\"}", "null");
        assertThat(Http.post(base() + "/webhooks/pipedrive", "application/json", body)
                        .status())
                .isEqualTo(401);
        assertThat(Http.post(
                                base() + "/webhooks/pipedrive",
                                "application/json",
                                body,
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("salespulse:guess".getBytes(StandardCharsets.UTF_8)))
                        .status())
                .isEqualTo(401);
        Http.Answer invalid = postPipedrive("{\"meta\":{\"entity\":\"deal\"},\"data\":{}}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field"))
                .contains("meta.id", "meta.action", "meta.timestamp");
        assertThat(mongo.getCollection("accepted_events").countDocuments()).isEqualTo(before);
    }

    static String twentySign(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-dev-twenty-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void twentyOpportunitiesBecomeDealsAndForgedOrStaleCallsAreRefused() throws Exception {
        String owner = "tw-" + suffix;
        String rep = "ae-tw-" + suffix;
        givenRep(rep, "twenty", owner);
        String id = UUID.randomUUID().toString();
        String body = StoryDates.moved("""
                {"eventName":"opportunity.updated","objectMetadata":{"id":"m1","nameSingular":"opportunity"},
                 "workspaceId":"ws-1","webhookId":"wh-1","eventDate":"2026-11-20T10:00:00.000Z",
                 "record":{"id":"%s","name":"Initech expansion","amount":{"amountMicros":15000000000,"currencyCode":"EUR"},
                           "closeDate":"2026-12-31T00:00:00.000Z","stage":"PROPOSAL","ownerId":"%s",
                           "createdAt":"2026-11-01T09:00:00.000Z","updatedAt":"2026-11-20T10:00:00.000Z"},
                 "updatedFields":["stage"]}""".formatted(id, owner));
        String now = String.valueOf(Instant.now().toEpochMilli());
        Http.Answer answer = Http.post(
                base() + "/webhooks/twenty",
                "application/json",
                body,
                "X-Twenty-Webhook-Timestamp",
                now,
                "X-Twenty-Webhook-Signature",
                twentySign(now, body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);

        var deal = deals.current("twenty-" + id).orElseThrow();
        assertThat(deal.stage()).isEqualTo(DealStage.PROPOSAL);
        assertThat(deal.ownerRepId()).isEqualTo(rep);
        assertThat(deal.amount().amount()).isEqualByComparingTo("15000");

        assertThat(Http.post(
                                base() + "/webhooks/twenty",
                                "application/json",
                                body.replace("PROPOSAL", "CUSTOMER"),
                                "X-Twenty-Webhook-Timestamp",
                                now,
                                "X-Twenty-Webhook-Signature",
                                twentySign(now, body))
                        .status())
                .isEqualTo(401);
        String stale = String.valueOf(Instant.now().minusSeconds(400).toEpochMilli());
        assertThat(Http.post(
                                base() + "/webhooks/twenty",
                                "application/json",
                                body,
                                "X-Twenty-Webhook-Timestamp",
                                stale,
                                "X-Twenty-Webhook-Signature",
                                twentySign(stale, body))
                        .status())
                .isEqualTo(401);
        assertThat(deals.current("twenty-" + id).orElseThrow().stage()).isEqualTo(DealStage.PROPOSAL);
    }
}
