package io.salespulse.activity.ingest.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salespulse.activity.deals.DealField;
import io.salespulse.activity.ingest.CrmProperties;
import io.salespulse.activity.ingest.Inbound;
import io.salespulse.activity.ingest.TimeWindow;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.deal.ForecastCategory;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Salesforce Outbound Messages shaped as Salesforce's outbound messaging WSDL defines them: a SOAP 1.1 envelope whose
 * {@code notifications} element (namespace {@code http://soap.sforce.com/2005/09/outbound}) holds {@code OrganizationId},
 * {@code ActionId}, {@code SessionId}, {@code EnterpriseUrl}, {@code PartnerUrl} and up to 100 {@code Notification}s,
 * each an {@code Id} and an {@code sObject} typed {@code sf:Opportunity}, {@code sf:Task} or {@code sf:Event} with the
 * fields chosen in the outbound message, in the {@code urn:sobject.enterprise.soap.sforce.com} namespace.
 */
public class SalesforceMapperTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1096), Duration.ofHours(24), Duration.ofMinutes(5));
    static final String ORG = "00D5e000000KQ2eEAG";
    /** The organisation the webhook IT serves. */
    public static final String ORG_FOR_IT = "00D5e000000KQ2fEAG";

    static final CrmProperties.Salesforce CONFIG = new CrmProperties.Salesforce(
            List.of(ORG), null, "EUR", Map.of("Left voicemail", CallOutcome.VOICEMAIL), "Loss_Reason__c", null);

    /** An outbound message of these notifications ({@code Notification} elements). */
    public static String message(String organization, String... notifications) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                 <soapenv:Body>
                  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                   <OrganizationId>%s</OrganizationId>
                   <ActionId>04k5e000000CaRkAAK</ActionId>
                   <SessionId xsi:nil="true"/>
                   <EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/62.0/00D5e000000KQ2e</EnterpriseUrl>
                   <PartnerUrl>https://example.my.salesforce.com/services/Soap/u/62.0/00D5e000000KQ2e</PartnerUrl>
                   %s
                  </notifications>
                 </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(organization, String.join("\n", notifications));
    }

    /** One notification of an sObject of this type with these fields. */
    public static String notification(String id, String type, Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<Notification><Id>")
                .append(id)
                .append("</Id><sObject xsi:type=\"sf:")
                .append(type)
                .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">");
        fields.forEach((name, value) -> xml.append("<sf:")
                .append(name)
                .append('>')
                .append(value)
                .append("</sf:")
                .append(name)
                .append('>'));
        return xml.append("</sObject></Notification>").toString();
    }

    static SalesforceMapper.Message map(String xml) {
        return SalesforceMapper.map(
                xml.getBytes(StandardCharsets.UTF_8), CONFIG, (crm, owner) -> "rep-" + owner, WINDOW);
    }

    static final String WON = notification(
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
                    "2026-11-26",
                    "StageName",
                    "Closed Won",
                    "OwnerId",
                    "0055e000001AbCdAAK",
                    "ForecastCategoryName",
                    "Closed",
                    "CreatedDate",
                    "2026-10-01T09:00:00.000Z",
                    "LastModifiedDate",
                    "2026-11-26T09:30:00.000Z"));
    static final String CALL = notification(
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
                    "WhatId",
                    "0065e00000AbCdEAAZ",
                    "CreatedDate",
                    "2026-11-26T09:00:00.000Z",
                    "Status",
                    "Completed"));

    @Test
    void aWonOpportunityAndALoggedCallFromAnAllowedOrganisation() {
        SalesforceMapper.Message message = map(message(
                ORG,
                WON,
                CALL,
                notification(
                        "04l5e00000Gx7R1AAJ",
                        "Task",
                        Map.of(
                                "Id",
                                "00T5e00000XyZaCEAV",
                                "TaskSubtype",
                                "Call",
                                "CallDisposition",
                                "Left voicemail",
                                "OwnerId",
                                "0055e000001AbCdAAK",
                                "CreatedDate",
                                "2026-11-26T09:05:00.000Z")),
                notification(
                        "04l5e00000Gx7R2AAJ",
                        "Task",
                        Map.of(
                                "Id",
                                "00T5e00000XyZaDEAV",
                                "TaskSubtype",
                                "Email",
                                "OwnerId",
                                "0055e000001AbCdAAK",
                                "CreatedDate",
                                "2026-11-26T09:06:00.000Z")),
                notification(
                        "04l5e00000Gx7R3AAJ",
                        "Event",
                        Map.of(
                                "Id",
                                "00U5e00000XyZaEEAV",
                                "OwnerId",
                                "0055e000001AbCdAAK",
                                "StartDateTime",
                                "2026-11-27T14:00:00.000Z",
                                "WhatId",
                                "0065e00000AbCdEAAZ",
                                "CreatedDate",
                                "2026-11-26T09:07:00.000Z"))));
        assertThat(message.organizationId()).isEqualTo(ORG);
        assertThat(message.intake().rejected()).isEmpty();
        assertThat(message.intake().refused()).isZero();
        List<Inbound> inbound = message.intake().inbound();
        Inbound.DealChange deal = (Inbound.DealChange) inbound.get(0);
        assertThat(deal.source()).isEqualTo("/crm/salesforce/" + ORG);
        assertThat(deal.eventId()).isEqualTo("04l5e00000Gx7QzAAJ");
        assertThat(deal.update().dealId()).isEqualTo("salesforce-0065e00000AbCdEAAZ");
        assertThat(deal.update().stage()).isEqualTo(DealStage.WON);
        assertThat(deal.update().amount().amount()).isEqualByComparingTo("24000");
        assertThat(deal.update().amount().currency()).isEqualTo("EUR");
        assertThat(deal.update().ownerRepId()).isEqualTo("rep-0055e000001AbCdAAK");
        assertThat(deal.update().expectedCloseDate()).isEqualTo(LocalDate.parse("2026-11-26"));
        assertThat(deal.update().occurredAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
        assertThat(deal.update().present()).contains(DealField.FORECAST_CATEGORY);
        assertThat(deal.update().forecastCategory()).isEqualTo(ForecastCategory.CLOSED);

        CallLogged call = (CallLogged)
                ((Inbound.Ready) inbound.get(1)).entry().events().get(0).data();
        assertThat(call)
                .isEqualTo(new CallLogged(
                        "rep-0055e000001AbCdAAK",
                        "salesforce-00T5e00000XyZaBEAV",
                        CallOutcome.CONNECTED,
                        300,
                        "salesforce-0065e00000AbCdEAAZ",
                        Instant.parse("2026-11-26T09:00:00Z")));
        assertThat(((CallLogged) ((Inbound.Ready) inbound.get(2))
                                .entry()
                                .events()
                                .get(0)
                                .data())
                        .outcome())
                .isEqualTo(CallOutcome.VOICEMAIL);
        assertThat(((Inbound.Ready) inbound.get(3)).entry().events().get(0).data())
                .isInstanceOf(EmailSent.class);
        MeetingBooked meeting = (MeetingBooked)
                ((Inbound.Ready) inbound.get(4)).entry().events().get(0).data();
        assertThat(meeting.scheduledFor()).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(meeting.dealId()).isEqualTo("salesforce-0065e00000AbCdEAAZ");
    }

    @Test
    void eachNotificationIsJudgedAloneAndTheBadOnesAreNamed() {
        SalesforceMapper.Message message = map(message(
                ORG,
                WON,
                notification(
                        "04l5e00000Gx7R4AAJ",
                        "Opportunity",
                        Map.of(
                                "Id",
                                "0065e00000AbCdFAAZ",
                                "StageName",
                                "Maybe Later",
                                "LastModifiedDate",
                                "2026-11-26T09:30:00.000Z")),
                notification("04l5e00000Gx7R5AAJ", "Account", Map.of("Id", "0015e00000ZkM3hAAF"))));
        assertThat(message.intake().inbound()).hasSize(1);
        assertThat(message.intake().refused()).isEqualTo(2);
        assertThat(message.intake().rejected())
                .extracting(FieldProblem::field)
                .containsExactly("Notification[1].sObject.StageName", "Notification[2].sObject.type");
    }

    @Test
    void aForeignOrganisationOrAMessageWithADtdIsRefusedWhole() {
        assertThatThrownBy(() -> map(message("00D000000000001AAA", WON)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("OrganizationId"));
        String entity = """
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""";
        assertThatThrownBy(() -> map(entity))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("body"));
        assertThatThrownBy(() -> SalesforceMapper.map(
                        message(ORG, WON).getBytes(StandardCharsets.UTF_8),
                        new CrmProperties.Salesforce(List.of(), null, null, null, null, null),
                        (crm, owner) -> owner,
                        WINDOW))
                .as("no organisation configured: none may send")
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aContractIsItsCustomersContractAndTellsTheSameFactsAsEveryCrm() {
        java.util.List<io.salespulse.activity.ingest.Inbound> inbound = new java.util.ArrayList<>();
        int n = 0;
        for (io.salespulse.activity.accounts.ContractHistory.Moment m :
                io.salespulse.activity.accounts.ContractHistory.MOMENTS) {
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("Id", "8005e000000AbCdAAK");
            fields.put("AccountId", "0015e00000XyZaBAAV");
            fields.put("Status", m.churned() ? "Terminated" : "Activated");
            fields.put("StartDate", m.termStart());
            fields.put("EndDate", m.termEnd());
            fields.put("ARR__c", m.arr() + ".0");
            fields.put("CurrencyIsoCode", "EUR");
            fields.put("OwnerId", "0055e000001AbCdAAK");
            fields.put("LastModifiedDate", m.at().toString());
            SalesforceMapper.Message message =
                    map(message(ORG, notification("04l5e00000Gx7R" + (n++) + "AAJ", "Contract", fields)));
            assertThat(message.intake().refused()).isZero();
            inbound.addAll(message.intake().inbound());
        }
        assertThat(io.salespulse.activity.accounts.ContractHistory.told(inbound))
                .isEqualTo(io.salespulse.activity.accounts.ContractHistory.EXPECTED);
    }

    @Test
    void aRenewalOpportunityIsItsContractsRenewalAndABadContractFieldIsNamed() {
        SalesforceMapper.Message renewal = map(message(
                ORG,
                notification(
                        "04l5e00000Gx7S1AAJ",
                        "Opportunity",
                        Map.of(
                                "Id", "0065e00000ReNeWAAZ",
                                "Type", "Renewal",
                                "ContractId", "8005e000000AbCdAAK",
                                "StageName", "Prospecting",
                                "LastModifiedDate", "2026-11-20T09:00:00.000Z"))));
        assertThat(renewal.intake().inbound())
                .singleElement()
                .satisfies(in -> assertThat(((io.salespulse.activity.ingest.Inbound.Assembled<?>) in).aggregate())
                        .isEqualTo("contract:salesforce-8005e000000AbCdAAK"));
        SalesforceMapper.Message bad = map(message(
                ORG,
                notification(
                        "04l5e00000Gx7S2AAJ",
                        "Contract",
                        Map.of(
                                "Id", "8005e000000AbCdAAK",
                                "AccountId", "0015e00000XyZaBAAV",
                                "Status", "Activated",
                                "EndDate", "someday",
                                "ARR__c", "1000",
                                "LastModifiedDate", "2026-11-20T09:00:00.000Z"))));
        assertThat(bad.intake().refused()).isEqualTo(1);
        assertThat(bad.intake().rejected())
                .extracting(io.salespulse.kit.web.FieldProblem::field)
                .containsExactly("Notification[0].sObject.EndDate");
    }
}
