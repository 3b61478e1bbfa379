package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.ingest.salesforce.SalesforceMapperTest;
import io.salespulse.testsupport.Fuzzer;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.RealInfrastructure;
import io.salespulse.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every entrance of activity-service under the {@link Fuzzer}: the CloudEvents API (structured and batch), the HubSpot,
 * Pipedrive, Twenty and Salesforce webhooks (each mutant signed or authenticated as its CRM would, so it reaches the
 * parser), the roster (teams, reps, absences and their CSV import), objectives and backfills. Every answer is one of
 * {@link Fuzzer#ANSWERS}, and a refused request stores nothing. Each entrance runs for {@code -Dfuzz.seconds} (4 here by
 * default; docs/security.md gives the longer run).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "salespulse.crm.hubspot.accounts=62515",
            "salespulse.crm.salesforce.organizations=" + SalesforceMapperTest.ORG_FOR_IT + ":"
                    + EntranceFuzzIT.SALESFORCE_SECRET
        })
@RealInfrastructure
class EntranceFuzzIT {

    static final int SECONDS = 4;
    static final String SALESFORCE_SECRET = "5e2c8a1f7b3d9e4c6a0b2d4f6e8a1c3b5d7f9e0a";
    static final String KEY = "Bearer local-dev-ingest-key";
    static final String PIPEDRIVE = "Basic "
            + Base64.getEncoder()
                    .encodeToString("salespulse:local-dev-pipedrive-password".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final List<Fuzzer.Report> reports = new ArrayList<>();

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * What the entrances store: accepted events, the keys of the activities that went straight to Kafka, and the
     * roster's, objectives' and backfills' records.
     */
    long stored() {
        long count = 0;
        for (String collection : List.of(
                "accepted_events", "activity_keys", "teams", "reps", "absences", "objectives", "backfills", "units")) {
            count += mongo.getCollection(collection).countDocuments();
        }
        return count;
    }

    @BeforeEach
    void roster() {
        assertThat(Http.put(url("/api/v1/teams/fz-team"), """
                {"name":"Fuzz","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-fz"]}""").status()).isEqualTo(200);
        assertThat(Http.put(url("/api/v1/reps/fz-rep"), """
                {"displayName":"Zoé Fuzz","teamId":"fz-team","role":"AE","seniority":"SENIOR",
                 "externalIds":{"hubspot":"7001","pipedrive":"7001","twenty":"tw-7001","salesforce":"0055e000001AbCdAAK"}}""").status()).isEqualTo(200);
    }

    private Fuzzer.Target target(
            String name,
            String method,
            Function<Long, String> url,
            String contentType,
            List<String> seeds,
            Function<byte[], List<String>> headers) {
        LongSupplier stored = this::stored;
        return new Fuzzer.Target(name, method, url, contentType, seeds, headers, stored);
    }

    private void fuzz(Fuzzer.Target target) {
        Fuzzer.Report report = Fuzzer.run(target, SECONDS);
        reports.add(report);
        assertThat(report.findings()).as(report.toString()).isEmpty();
        assertThat(report.requests())
                .as(report.toString())
                .isGreaterThan(target.seeds().size());
    }

    private static String today() {
        return LocalDate.now().toString();
    }

    @Test
    void theCloudEventsApiSingleAndBatch() {
        String now = Instant.now().minusSeconds(600).toString();
        String call = """
                {"specversion":"1.0","id":"fz-call","source":"/demo/fuzz","type":"salespulse.call.logged.v1","time":"%s",
                 "data":{"repId":"fz-rep","outcome":"CONNECTED","durationSeconds":300,"dealId":"fz-deal"}}""".formatted(now);
        String meeting = """
                {"specversion":"1.0","id":"fz-meeting","source":"/demo/fuzz","type":"salespulse.meeting.booked.v1","time":"%s",
                 "data":{"repId":"fz-rep","meetingId":"m-1","scheduledFor":"%s"}}""".formatted(now, Instant.now().plusSeconds(86_400));
        String deal = """
                {"specversion":"1.0","id":"fz-deal-1","source":"/demo/fuzz","type":"salespulse.deal.updated.v1","time":"%s",
                 "data":{"dealId":"fz-deal","ownerRepId":"fz-rep","name":"Acme","stage":"PROPOSAL","amount":"12000.50","currency":"EUR",
                         "expectedCloseDate":"%s"}}""".formatted(now, LocalDate.now().plusDays(20));
        String objective = """
                {"specversion":"1.0","id":"fz-obj","source":"/demo/fuzz","type":"salespulse.objective.set.v1","time":"%s",
                 "data":{"objectiveId":"fz-obj","scope":"REP","scopeId":"fz-rep","metric":"CALLS","target":200,
                         "periodStart":"%s","periodEnd":"%s"}}""".formatted(
                        now,
                        LocalDate.now().withDayOfMonth(1),
                        LocalDate.now().withDayOfMonth(1).plusMonths(1).minusDays(1));
        List<String> headers = List.of("Authorization", KEY);
        fuzz(target(
                "cloudevents",
                "POST",
                n -> url("/api/v1/events"),
                "application/cloudevents+json",
                List.of(call, meeting, deal, objective),
                body -> headers));
        fuzz(target(
                "cloudevents-batch",
                "POST",
                n -> url("/api/v1/events"),
                "application/cloudevents-batch+json",
                List.of("[" + call + "," + meeting + "]", "[" + deal + "," + objective + "," + call + "]"),
                body -> headers));
    }

    @Test
    void theCrmWebhooks() {
        long at = Instant.now().minusSeconds(300).toEpochMilli();
        List<String> hubspot = List.of(
                HubSpotWebhookIT.event(900_001, "deal.propertyChange", null, "5001", "dealstage", "contractsent", at),
                "[" + HubSpotWebhookIT.event(900_002, "deal.creation", null, "5002", null, null, at) + ","
                        + HubSpotWebhookIT.event(
                                900_003, "deal.propertyChange", null, "5002", "hubspot_owner_id", "7001", at)
                        + ","
                        + HubSpotWebhookIT.event(900_004, "deal.propertyChange", null, "5002", "amount", "15000", at)
                        + "]",
                "[" + HubSpotWebhookIT.event(900_005, "object.creation", "0-48", "6001", null, null, at) + "]");
        fuzz(target("hubspot", "POST", n -> url("/webhooks/hubspot"), "application/json", hubspot, body -> {
            String timestamp = String.valueOf(Instant.now().toEpochMilli());
            return List.of(
                    "X-HubSpot-Request-Timestamp",
                    timestamp,
                    "X-HubSpot-Signature-v3",
                    hmac(
                            "local-dev-hubspot-secret",
                            concat(
                                    ("POST" + url("/webhooks/hubspot")).getBytes(StandardCharsets.UTF_8),
                                    body,
                                    timestamp.getBytes(StandardCharsets.UTF_8)),
                            false));
        }));

        String stamp = Instant.now().minusSeconds(300).toString();
        List<String> pipedrive = List.of("""
                {"meta":{"action":"change","entity":"deal","entity_id":"8001","id":"d2b7","timestamp":"%1$s","company_id":"7001",
                         "user_id":"10","version":"2.0","change_source":"app","is_bulk_edit":false,"type":"general"},
                 "data":{"id":8001,"title":"Globex renewal","owner_id":"7001","stage_id":4,"value":12000,"currency":"EUR","status":"open",
                         "expected_close_date":"%2$s","update_time":"%1$s"},"previous":{"stage_id":2}}""".formatted(stamp, LocalDate.now().plusDays(20)), """
                {"meta":{"action":"create","entity":"activity","entity_id":"9001","id":"a1","timestamp":"%1$s","company_id":"7001",
                         "user_id":"10","version":"2.0"},
                 "data":{"id":9001,"type":"call","owner_id":"7001","done":true,"duration":"00:04","deal_id":8001,"marked_as_done_time":"%1$s"},
                 "previous":null}""".formatted(stamp));
        fuzz(target(
                "pipedrive",
                "POST",
                n -> url("/webhooks/pipedrive"),
                "application/json",
                pipedrive,
                body -> List.of("Authorization", PIPEDRIVE)));

        List<String> twenty = List.of("""
                {"eventName":"opportunity.updated","objectMetadata":{"id":"m1","nameSingular":"opportunity"},
                 "workspaceId":"ws-1","webhookId":"wh-1","eventDate":"%1$s",
                 "record":{"id":"tw-opp-1","name":"Initech expansion","amount":{"amountMicros":15000000000,"currencyCode":"EUR"},
                           "closeDate":"%2$sT00:00:00.000Z","stage":"PROPOSAL","ownerId":"tw-7001",
                           "createdAt":"%1$s","updatedAt":"%1$s"},
                 "updatedFields":["stage"]}""".formatted(stamp, LocalDate.now().plusDays(30)));
        fuzz(target("twenty", "POST", n -> url("/webhooks/twenty"), "application/json", twenty, body -> {
            String timestamp = String.valueOf(Instant.now().toEpochMilli());
            return List.of(
                    "X-Twenty-Webhook-Timestamp",
                    timestamp,
                    "X-Twenty-Webhook-Signature",
                    hmac(
                            "local-dev-twenty-secret",
                            concat((timestamp + ":").getBytes(StandardCharsets.UTF_8), body, new byte[0]),
                            true));
        }));

        String modified = Instant.now().minusSeconds(300).toString();
        List<String> salesforce = List.of(SalesforceMapperTest.message(
                SalesforceMapperTest.ORG_FOR_IT,
                SalesforceMapperTest.notification(
                        "04l5e00000Gx7QzAAJ",
                        "Opportunity",
                        Map.of(
                                "Id",
                                "0065e00000AbCdEAAZ",
                                "Name",
                                "Acme renewal",
                                "Amount",
                                "24000.0",
                                "CloseDate",
                                LocalDate.now().plusDays(10).toString(),
                                "StageName",
                                "Proposal/Price Quote",
                                "OwnerId",
                                "0055e000001AbCdAAK",
                                "CreatedDate",
                                modified,
                                "LastModifiedDate",
                                modified)),
                SalesforceMapperTest.notification(
                        "04l5e00000Gx7R0AAJ",
                        "Task",
                        Map.of(
                                "Id",
                                "00T5e00000XyZaBEAV",
                                "TaskSubtype",
                                "Call",
                                "CallDurationInSeconds",
                                "300",
                                "OwnerId",
                                "0055e000001AbCdAAK",
                                "CreatedDate",
                                modified,
                                "Status",
                                "Completed"))));
        fuzz(target(
                "salesforce",
                "POST",
                n -> url("/webhooks/salesforce/" + SALESFORCE_SECRET),
                "text/xml; charset=utf-8",
                salesforce,
                body -> List.of("SOAPAction", "\"\"")));
    }

    @Test
    void theRosterObjectivesAndBackfills() {
        List<String> admin = List.of("Authorization", "Bearer " + TestTokens.admin());
        fuzz(target(
                "teams",
                "PUT",
                n -> url("/api/v1/teams/fz-team-" + (n % 7)),
                "application/json",
                List.of("""
                {"name":"Paris","timezone":"Europe/Paris","locale":"fr","managerIds":["mgr-1","mgr-2"],"workingDays":["MON","TUE","WED"],
                 "holidayCountry":"FR","holidayRegion":"67","rules":{"rottingDays":{"PROPOSAL":21},"closeDatePassedDays":2},
                 "workdayStart":"08:30","workdayEnd":"18:30","care":{"off":["NO_REST"],"oneOnOneDaysJunior":10}}"""),
                body -> admin));
        fuzz(target(
                "reps",
                "PUT",
                n -> url("/api/v1/reps/fz-rep-" + (n % 7)),
                "application/json",
                List.of("""
                {"displayName":"Léa Martin","teamId":"fz-team","role":"SDR","seniority":"JUNIOR","startDate":"2026-03-02",
                 "externalIds":{"hubspot":"512345"},"active":true}"""),
                body -> admin));
        String day = LocalDate.now().plusDays(5).toString();
        fuzz(target(
                "absences",
                "PUT",
                n -> url("/api/v1/reps/fz-rep/absences/fz-a-" + (n % 7)),
                "application/json",
                List.of("""
                {"from":"%s","to":"%s","kind":"LEAVE"}""".formatted(day, day)),
                body -> admin));
        fuzz(target(
                "absences-import",
                "POST",
                n -> url("/api/v1/absences/import"),
                "text/csv",
                List.of("""
                repId,from,to,kind
                fz-rep,%1$s,%1$s,leave
                fz-rep,%2$s,%2$s,TRAINING
                """.formatted(day, LocalDate.now().plusDays(9))),
                body -> admin));
        String manager = "Bearer " + TestTokens.manager("mgr-fz", "fz-team");
        fuzz(target(
                "objectives",
                "PUT",
                n -> url("/api/v1/teams/fz-team/objectives/fz-o-" + (n % 7)),
                "application/json",
                List.of(
                        """
                {"scope":"REP","scopeId":"fz-rep","metric":"REVENUE_WON","target":"20000","currency":"EUR","periodStart":"%s","periodEnd":"%s"}""".formatted(
                                LocalDate.now().withDayOfMonth(1),
                                LocalDate.now().withDayOfMonth(1).plusMonths(1).minusDays(1)),
                        """
                {"scope":"TEAM","scopeId":"fz-team","metric":"CALLS","target":500,"periodStart":"%s","periodEnd":"%s"}""".formatted(today(), LocalDate.now().plusDays(6))),
                body -> List.of("Authorization", manager)));
        java.time.LocalDate monday =
                LocalDate.now().with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        fuzz(target(
                "ramps",
                "PUT",
                n -> url("/api/v1/teams/fz-team/ramps/fz-r-" + (n % 3)),
                "application/json",
                List.of("""
                {"repId":"fz-rep","metric":"MEETINGS_BOOKED","start":"%s","weeklyTargets":[2,4,6,8]}""".formatted(monday)),
                body -> List.of("Authorization", manager)));
        // Units under one company, the root.
        assertThat(Http.put(url("/api/v1/units/fz-company"), """
                {"name":"Fuzz Group","reportingCurrency":"EUR","locale":"fr","timezone":"Europe/Paris"}""").status()).isEqualTo(200);
        fuzz(target(
                "units",
                "PUT",
                n -> url("/api/v1/units/fz-unit-" + (n % 5)),
                "application/json",
                List.of("""
                {"name":"Europe","parentId":"fz-company","headIds":["dir-1"],"teamIds":["fz-team"],"reportingCurrency":"EUR",
                 "locale":"fr","timezone":"Europe/Paris"}"""),
                body -> admin));
        fuzz(target(
                "backfills",
                "PUT",
                n -> url("/api/v1/backfills/fz-b-" + (n % 7)),
                "application/json",
                List.of("""
                {"teamIds":["fz-team"]}"""),
                body -> admin));
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }

    private static String hmac(String secret, byte[] message, boolean hex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(message);
            return hex
                    ? java.util.HexFormat.of().formatHex(digest)
                    : Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
