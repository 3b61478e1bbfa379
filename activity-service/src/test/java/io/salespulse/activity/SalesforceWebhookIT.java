package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.activity.ingest.salesforce.SalesforceMapperTest;
import io.salespulse.activity.outbox.AcceptedEventLog;
import io.salespulse.contracts.EventEnvelope;
import io.salespulse.contracts.Topics;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.deal.DealCreated;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.DealWon;
import io.salespulse.testsupport.Http;
import io.salespulse.testsupport.KafkaProbe;
import io.salespulse.testsupport.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Salesforce Outbound Messages through the real broker: a batch with a won opportunity and a logged call is
 * acknowledged ({@code <Ack>true</Ack>}) only once durable (a store that cannot be written answers a SOAP fault, so
 * Salesforce sends the message again, and nothing is counted twice when it does); a message from an organisation
 * this SalesPulse does not serve is refused whole.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "salespulse.crm.salesforce.organizations=" + SalesforceMapperTest.ORG_FOR_IT + ":"
                + SalesforceWebhookIT.SECRET + "," + SalesforceWebhookIT.OTHER_ORG + ":"
                + SalesforceWebhookIT.OTHER_SECRET)
@RealInfrastructure
class SalesforceWebhookIT {

    /** The accepted-event log, whose next append fails once armed: as if MongoDB were unreachable. */
    static class FailingLog extends AcceptedEventLog {

        final AtomicBoolean armed = new AtomicBoolean();

        FailingLog(MongoTemplate mongo, Clock clock) {
            super(mongo, clock);
        }

        @Override
        public List<String> append(List<Entry> entries) {
            if (armed.compareAndSet(true, false)) {
                throw new DataAccessResourceFailureException("MongoDB unreachable (simulated)");
            }
            return super.append(entries);
        }
    }

    @TestConfiguration
    static class Failing {

        @Bean
        @Primary
        FailingLog failingLog(MongoTemplate mongo, Clock clock) {
            return new FailingLog(mongo, clock);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    FailingLog log;

    private final String s = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    /** The endpoint secret of the organisation under test, and another organisation's. */
    static final String SECRET = "3f7c1e9a5b2d8c4e6a0f1b3d5c7e9a2b4d6f8a0c";

    static final String OTHER_ORG = "00D000000000002AAA";
    static final String OTHER_SECRET = "9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";

    private Http.Answer post(String xml) {
        return post("/webhooks/salesforce/" + SECRET, xml);
    }

    private Http.Answer post(String path, String xml) {
        return Http.post("http://localhost:" + port + path, "text/xml; charset=utf-8", xml, "SOAPAction", "\"\"");
    }

    @Test
    void aForgedMessageIsRefusedWith401AndNothingIsStored() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String notification = "04l5e0000X" + s;
        // A deal closed as won for any amount, from the organisation under test: without its secret, with a wrong one,
        // with another organisation's, or a secret too short to be one.
        String forged = SalesforceMapperTest.message(
                SalesforceMapperTest.ORG_FOR_IT,
                SalesforceMapperTest.notification(
                        notification,
                        "Opportunity",
                        Map.of(
                                "Id",
                                "0065e0000X" + s,
                                "Name",
                                "Forged",
                                "Amount",
                                "9999999",
                                "CloseDate",
                                LocalDate.now().toString(),
                                "StageName",
                                "Closed Won",
                                "OwnerId",
                                "0055e0000X" + s,
                                "CreatedDate",
                                now.minusSeconds(3600).toString(),
                                "LastModifiedDate",
                                now.minusSeconds(60).toString())));
        for (String path : List.of(
                "/webhooks/salesforce",
                "/webhooks/salesforce/" + SECRET.replace('3', '4'),
                "/webhooks/salesforce/" + OTHER_SECRET,
                "/webhooks/salesforce/x")) {
            Http.Answer refused = post(path, forged);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.body())
                    .contains("soapenv:Fault", "soapenv:Client")
                    .doesNotContain("<Ack>");
        }
        assertThat(log.contains("/crm/salesforce/" + SalesforceMapperTest.ORG_FOR_IT, notification))
                .isFalse();
        // With its own secret it is taken (the owner is unknown: stored, unattributed).
        assertThat(post(forged).status()).isEqualTo(200);
        assertThat(log.contains("/crm/salesforce/" + SalesforceMapperTest.ORG_FOR_IT, notification))
                .isTrue();
    }

    @Test
    void aBatchIsAcknowledgedOnlyOnceDurableAndAForeignOrganisationIsRefused() {
        String owner = "0055e00000" + s;
        String rep = "ae-sf-" + s;
        Http.put(
                "http://localhost:" + port + "/api/v1/teams/team-" + s,
                "{\"name\":\"T\",\"timezone\":\"Europe/Paris\",\"locale\":\"fr\"}");
        assertThat(Http.put("http://localhost:" + port + "/api/v1/reps/" + rep, """
                {"displayName":"Rep","teamId":"team-%s","role":"AE","seniority":"SENIOR","externalIds":{"salesforce":"%s"}}""".formatted(s, owner))
                        .status())
                .isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String opportunity = "0065e00000" + s;
        String message = SalesforceMapperTest.message(
                SalesforceMapperTest.ORG_FOR_IT,
                SalesforceMapperTest.notification(
                        "04l5e0000W" + s,
                        "Opportunity",
                        Map.of(
                                "Id",
                                opportunity,
                                "Name",
                                "Acme renewal",
                                "Amount",
                                "24000",
                                "CloseDate",
                                LocalDate.now().toString(),
                                "StageName",
                                "Closed Won",
                                "OwnerId",
                                owner,
                                "CreatedDate",
                                now.minus(Duration.ofDays(20)).toString(),
                                "LastModifiedDate",
                                now.minusSeconds(60).toString())),
                SalesforceMapperTest.notification(
                        "04l5e0000C" + s,
                        "Task",
                        Map.of(
                                "Id",
                                "00T5e00000" + s,
                                "TaskSubtype",
                                "Call",
                                "CallDurationInSeconds",
                                "300",
                                "OwnerId",
                                owner,
                                "WhatId",
                                opportunity,
                                "CreatedDate",
                                now.minusSeconds(120).toString())));

        // MongoDB down: a SOAP fault, no acknowledgement; Salesforce keeps the message.
        log.armed.set(true);
        Http.Answer down = post(message);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("soapenv:Fault", "soapenv:Server").doesNotContain("<Ack>");

        // It sends it again: acknowledged, once durable.
        Http.Answer ack = post(message);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.body())
                .contains("<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>");
        // And again (an acknowledgement lost on the way): nothing counted twice.
        assertThat(post(message).body()).contains("<Ack>true</Ack>");

        try (KafkaProbe probe = KafkaProbe.reading(Topics.DEALS, Topics.ACTIVITIES)) {
            List<EventEnvelope> facts =
                    probe.awaitEvents(e -> e.key().equals("salesforce-" + opportunity), 2, Duration.ofSeconds(30));
            assertThat(facts)
                    .extracting(e -> e.data().getClass().getSimpleName())
                    .containsExactly("DealCreated", "DealWon");
            assertThat(facts.get(0).dataAs(DealCreated.class).stage()).isEqualTo(DealStage.WON);
            assertThat(facts.get(1).dataAs(DealWon.class).ownerRepId()).isEqualTo(rep);
            assertThat(facts.get(1).dataAs(DealWon.class).amount().amount()).isEqualByComparingTo("24000");
            List<EventEnvelope> calls = probe.awaitEvents(e -> e.key().equals(rep), 1, Duration.ofSeconds(30));
            assertThat(calls)
                    .extracting(EventEnvelope::data)
                    .containsExactly(new CallLogged(
                            rep,
                            "salesforce-00T5e00000" + s,
                            CallOutcome.CONNECTED,
                            300,
                            "salesforce-" + opportunity,
                            now.minusSeconds(120)));
            // Nothing more for the deal or the rep after the redeliveries.
            assertThat(probe.drain(
                            e -> e.key().equals("salesforce-" + opportunity)
                                    || e.key().equals(rep),
                            Duration.ofSeconds(2)))
                    .hasSize(3);
        }

        // An organisation this SalesPulse does not serve: it has no secret, refused whole.
        Http.Answer foreign = post(SalesforceMapperTest.message(
                "00D000000000001AAA",
                SalesforceMapperTest.notification(
                        "04l5e0000F" + s,
                        "Task",
                        Map.of(
                                "Id",
                                "00T5e00001" + s,
                                "TaskSubtype",
                                "Email",
                                "OwnerId",
                                owner,
                                "CreatedDate",
                                now.toString()))));
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.body()).contains("soapenv:Client").doesNotContain("<Ack>");
    }
}
