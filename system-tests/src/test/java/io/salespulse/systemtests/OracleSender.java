package io.salespulse.systemtests;

import io.salespulse.systemtests.OracleMonth.Channel;
import io.salespulse.systemtests.OracleMonth.Deal;
import io.salespulse.systemtests.OracleMonth.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tells an {@link OracleMonth} through each CRM's real format: CloudEvents batches, HubSpot notifications assembled
 * across several changes, Pipedrive webhooks, Twenty opportunities and Salesforce Outbound Messages. Some requests are
 * delivered twice (a CRM retrying), facts arrive shuffled, and some deals' stale snapshots arrive after their last one.
 */
final class OracleSender {

    static final String SALESFORCE_ORGANIZATION = "00D5e0000000ORCLAA";
    private static final String HUBSPOT_CONNECTED = "f240bbac-87c9-4f6e-bf70-924b57d47db7";
    private static final String HUBSPOT_NO_ANSWER = "73a0d17f-1163-4015-bdd5-ec830791da20";

    private final OracleMonth month;
    private final CrmClient crm;
    private final List<String> cloudEvents = new ArrayList<>();
    private long numbers;
    private int batches;

    OracleSender(OracleMonth month, CrmClient crm) {
        this.month = month;
        this.crm = crm;
        this.numbers = 1_000_000L * month.seed;
    }

    void sendAll() {
        for (OracleMonth.Call call : month.shuffled(month.calls)) {
            switch (call.channel()) {
                case CLOUDEVENTS ->
                    cloudEvent(call.id(), "salespulse.call.logged.v1", call.at(), """
                        {"repId":"%s","callId":"%s","outcome":"%s","durationSeconds":%d}""".formatted(
                                    call.rep().repId(),
                                    call.id(),
                                    call.connected() ? "CONNECTED" : "VOICEMAIL",
                                    call.seconds()));
                case PIPEDRIVE ->
                    pipedriveActivity(
                            "create",
                            number(),
                            call.rep(),
                            call.at(),
                            """
                        "type":"call","done":true,"marked_as_done_time":"%s","duration":"%02d:%02d\"""".formatted(call.at(), call.seconds() / 3600, call.seconds() / 60 % 60),
                            "null");
                case HUBSPOT -> {
                    long object = number();
                    List<String> notes = new ArrayList<>(List.of(
                            hubspot("object.creation", "0-48", object, null, null, call.at()),
                            hubspot(
                                    "object.propertyChange",
                                    "0-48",
                                    object,
                                    "hs_timestamp",
                                    String.valueOf(call.at().toEpochMilli()),
                                    call.at()),
                            hubspot(
                                    "object.propertyChange",
                                    "0-48",
                                    object,
                                    "hubspot_owner_id",
                                    call.rep().crmId(),
                                    call.at()),
                            hubspot(
                                    "object.propertyChange",
                                    "0-48",
                                    object,
                                    "hs_call_disposition",
                                    call.connected() ? HUBSPOT_CONNECTED : HUBSPOT_NO_ANSWER,
                                    call.at())));
                    if (call.connected()) {
                        notes.add(hubspot(
                                "object.propertyChange",
                                "0-48",
                                object,
                                "hs_call_duration",
                                String.valueOf(call.seconds() * 1000L),
                                call.at()));
                    }
                    crm.postHubSpot(notes);
                }
                default -> throw new IllegalStateException(call.channel().toString());
            }
        }
        for (OracleMonth.Email email : month.shuffled(month.emails)) {
            switch (email.channel()) {
                case CLOUDEVENTS ->
                    cloudEvent(
                            email.id(),
                            "salespulse.email.sent.v1",
                            email.at(),
                            "{\"repId\":\"%s\"}".formatted(email.rep().repId()));
                case PIPEDRIVE ->
                    pipedriveActivity(
                            "create",
                            number(),
                            email.rep(),
                            email.at(),
                            "\"type\":\"email\",\"done\":true,\"marked_as_done_time\":\"%s\"".formatted(email.at()),
                            "null");
                case HUBSPOT -> {
                    long object = number();
                    crm.postHubSpot(List.of(
                            hubspot("object.creation", "0-49", object, null, null, email.at()),
                            hubspot(
                                    "object.propertyChange",
                                    "0-49",
                                    object,
                                    "hs_timestamp",
                                    String.valueOf(email.at().toEpochMilli()),
                                    email.at()),
                            hubspot(
                                    "object.propertyChange",
                                    "0-49",
                                    object,
                                    "hubspot_owner_id",
                                    email.rep().crmId(),
                                    email.at())));
                }
                default -> throw new IllegalStateException(email.channel().toString());
            }
        }
        for (OracleMonth.Meeting meeting : month.shuffled(month.meetings)) {
            if (meeting.channel() == Channel.PIPEDRIVE) {
                long number = number();
                String due = "\"type\":\"meeting\",\"due_date\":\"%s\",\"due_time\":\"%s\""
                        .formatted(
                                meeting.scheduledFor().atZone(ZoneOffset.UTC).toLocalDate(),
                                meeting.scheduledFor().atZone(ZoneOffset.UTC).toLocalTime());
                pipedriveActivity("create", number, meeting.rep(), meeting.bookedAt(), due + ",\"done\":false", "null");
                if (meeting.held()) {
                    pipedriveActivity(
                            "change",
                            number,
                            meeting.rep(),
                            meeting.scheduledFor().plus(Duration.ofMinutes(30)),
                            due + ",\"done\":true",
                            "{\"done\":false}");
                }
            } else {
                cloudEvent(meeting.id() + "-booked", "salespulse.meeting.booked.v1", meeting.bookedAt(), """
                        {"repId":"%s","meetingId":"%s","scheduledFor":"%s"}""".formatted(
                                meeting.rep().repId(), meeting.id(), meeting.scheduledFor()));
                if (meeting.held()) {
                    cloudEvent(
                            meeting.id() + "-held", "salespulse.meeting.held.v1", meeting.scheduledFor(), """
                            {"repId":"%s","meetingId":"%s"}""".formatted(
                                            meeting.rep().repId(), meeting.id()));
                }
            }
        }
        for (Deal deal : month.shuffled(month.deals)) {
            List<Snapshot> told = new ArrayList<>(deal.snapshots());
            if (deal.late() != null) {
                told.add(deal.late());
            }
            for (int i = 0; i < told.size(); i++) {
                if (deal.channel() == Channel.HUBSPOT) {
                    // HubSpot tells what changed, property by property (all of it at creation, and for the late one).
                    hubspotDeal(
                            deal, told.get(i), i == 0 || i == deal.snapshots().size() ? null : told.get(i - 1), i == 0);
                } else {
                    dealSnapshot(deal, told.get(i), i, i == 0);
                }
            }
        }
        for (OracleMonth.Objective objective : month.objectives) {
            cloudEvent(
                    objective.id(),
                    "salespulse.objective.set.v1",
                    objective.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    """
                    {"objectiveId":"%s","scope":"%s","scopeId":"%s","metric":"%s","target":%d,%s"periodStart":"%s","periodEnd":"%s"}""".formatted(
                            objective.id(),
                            objective.rep() == null ? "TEAM" : "REP",
                            objective.rep() == null
                                    ? objective.team().teamId()
                                    : objective.rep().repId(),
                            objective.metric(),
                            objective.target(),
                            objective.currency() == null ? "" : "\"currency\":\"" + objective.currency() + "\",",
                            objective.from(),
                            objective.to()));
        }
        flushCloudEvents();
    }

    /** What the managers do through the API, once the CRM's objectives are in: adjust a target, cancel an objective. */
    void managersAct(
            java.util.function.BiConsumer<String, String> put, java.util.function.BiConsumer<String, String> post) {
        for (OracleMonth.Objective objective : month.objectives) {
            String path = "/api/v1/teams/" + objective.team().teamId() + "/objectives/" + objective.id();
            if (objective.adjustedTarget() != null) {
                put.accept(path, """
                        {"scope":"%s","scopeId":"%s","metric":"%s","target":%d,%s"periodStart":"%s","periodEnd":"%s"}""".formatted(
                                objective.rep() == null ? "TEAM" : "REP",
                                objective.rep() == null
                                        ? objective.team().teamId()
                                        : objective.rep().repId(),
                                objective.metric(),
                                objective.adjustedTarget(),
                                objective.currency() == null ? "" : "\"currency\":\"" + objective.currency() + "\",",
                                objective.from(),
                                objective.to()));
            }
            if (objective.cancelled()) {
                post.accept(path + "/cancel", "{\"reason\":\"Not this month after all\"}");
            }
        }
    }

    private long number() {
        return ++numbers;
    }

    private void cloudEvent(String id, String type, Instant at, String data) {
        cloudEvents.add(CrmClient.cloudEvent(id, type, at.toString(), data));
        if (cloudEvents.size() == 400) {
            flushCloudEvents();
        }
    }

    private void flushCloudEvents() {
        List<String> batch = List.copyOf(cloudEvents);
        cloudEvents.clear();
        crm.postCloudEvents(batch);
        if (++batches % 3 == 0) {
            crm.postCloudEvents(batch); // a third of the batches delivered twice: nothing new
        }
    }

    private void pipedriveActivity(
            String action, long number, OracleMonth.Rep rep, Instant at, String fields, String previous) {
        String body = """
                {"meta":{"action":"%s","entity":"activity","entity_id":"%d","id":"%s","timestamp":"%s","version":"2.0","company_id":"oracle"},
                 "data":{"id":%d,"owner_id":%s,%s},"previous":%s}""".formatted(action, number, UUID.randomUUID(), at, number, rep.crmId(), fields, previous);
        crm.postPipedrive(body);
        if (number % 17 == 0) {
            crm.postPipedrive(body); // a retry
        }
    }

    private String hubspot(String type, String typeId, long objectId, String property, String value, Instant at) {
        String change =
                property == null ? "" : ",\"propertyName\":\"%s\",\"propertyValue\":\"%s\"".formatted(property, value);
        String objectType = typeId == null ? "" : ",\"objectTypeId\":\"" + typeId + "\"";
        return """
                {"eventId":%d,"subscriptionId":4102,"portalId":77001,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s"%s,
                 "attemptNumber":0,"objectId":%d,"changeSource":"CRM_UI"%s}""".formatted(number(), at.toEpochMilli(), type, objectType, objectId, change);
    }

    private void dealSnapshot(Deal deal, Snapshot s, int index, boolean first) {
        OracleMonth.Rep owner = deal.owner();
        String currency = owner.team().currency();
        Instant created = deal.first().at();
        switch (deal.channel()) {
            case CLOUDEVENTS ->
                cloudEvent(deal.id() + "-" + index, "salespulse.deal.updated.v1", s.at(), """
                    {"dealId":"%s","ownerRepId":"%s","stage":"%s","amount":%d,"currency":"%s","name":"Deal %s","createdAt":"%s",
                     "expectedCloseDate":"%s"%s%s}""".formatted(
                        deal.id(),
                        owner.repId(),
                        s.stage(),
                        s.amount(),
                        currency,
                        deal.id(),
                        created,
                        s.closeDate(),
                        s.lostReason() == null ? "" : ",\"lostReason\":\"" + s.lostReason() + "\"",
                        deal.sourcedBy() == null
                                ? ""
                                : ",\"sourcedByRepId\":\"" + deal.sourcedBy().repId() + "\""));
            case PIPEDRIVE -> {
                String status = switch (s.stage()) {
                    case "WON" -> "won";
                    case "LOST" -> "lost";
                    default -> "open";
                };
                int stageId = switch (s.stage()) {
                    case "QUALIFIED" -> 2;
                    case "DISCOVERY" -> 3;
                    case "PROPOSAL" -> 4;
                    default -> 5;
                };
                String body = """
                        {"meta":{"action":"%s","entity":"deal","entity_id":"%s","id":"%s","timestamp":"%s","version":"2.0","company_id":"oracle"},
                         "data":{"id":%s,"title":"Deal %s","owner_id":%s,"stage_id":%d,"status":"%s","value":%d,"currency":"%s",
                                 "expected_close_date":"%s","add_time":"%s","update_time":"%s"%s},"previous":%s}""".formatted(
                                first ? "create" : "change",
                                pipedriveId(deal),
                                UUID.randomUUID(),
                                s.at(),
                                pipedriveId(deal),
                                deal.id(),
                                owner.crmId(),
                                stageId,
                                status,
                                s.amount(),
                                currency,
                                s.closeDate(),
                                created,
                                s.at(),
                                s.lostReason() == null ? "" : ",\"lost_reason\":\"" + s.lostReason() + "\"",
                                first ? "null" : "{}");
                crm.postPipedrive(body);
            }
            case TWENTY -> {
                String stage = switch (s.stage()) {
                    case "QUALIFIED" -> "SCREENING";
                    case "DISCOVERY" -> "MEETING";
                    case "WON" -> "CUSTOMER";
                    default -> s.stage();
                };
                crm.postTwenty("""
                        {"eventName":"opportunity.%s","workspaceId":"ws-oracle","record":{"id":"%s","name":"Deal %s","stage":"%s",
                         "amount":{"amountMicros":%d,"currencyCode":"%s"},"ownerId":"%s","closeDate":"%sT00:00:00.000Z",
                         "createdAt":"%s","updatedAt":"%s"}}""".formatted(
                                first ? "created" : "updated",
                                deal.id(),
                                deal.id(),
                                stage,
                                s.amount() * 1_000_000L,
                                currency,
                                owner.secondCrmId(),
                                s.closeDate(),
                                created,
                                s.at()));
            }
            case SALESFORCE -> {
                String stage = switch (s.stage()) {
                    case "QUALIFIED" -> "Qualification";
                    case "DISCOVERY" -> "Needs Analysis";
                    case "PROPOSAL" -> "Proposal/Price Quote";
                    case "NEGOTIATION" -> "Negotiation/Review";
                    case "WON" -> "Closed Won";
                    default -> "Closed Lost";
                };
                String notification =
                        "<Notification><Id>04l5e%013d</Id><sObject xsi:type=\"sf:Opportunity\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">"
                                        .formatted(number())
                                + "<sf:Id>%s</sf:Id><sf:Name>Deal %s</sf:Name><sf:Amount>%d.0</sf:Amount><sf:CurrencyIsoCode>%s</sf:CurrencyIsoCode>"
                                        .formatted(salesforceId(deal), deal.id(), s.amount(), currency)
                                + "<sf:CloseDate>%s</sf:CloseDate><sf:StageName>%s</sf:StageName><sf:OwnerId>%s</sf:OwnerId>"
                                        .formatted(s.closeDate(), stage, owner.secondCrmId())
                                + "<sf:CreatedDate>%s</sf:CreatedDate><sf:LastModifiedDate>%s</sf:LastModifiedDate></sObject></Notification>"
                                        .formatted(created, s.at());
                crm.postSalesforce("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                         <soapenv:Body>
                          <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                           <OrganizationId>%s</OrganizationId>
                           <ActionId>04k5e000000CaRkAAK</ActionId>
                           %s
                          </notifications>
                         </soapenv:Body>
                        </soapenv:Envelope>""".formatted(SALESFORCE_ORGANIZATION, notification), 1);
            }
            default -> throw new IllegalStateException(deal.channel().toString());
        }
    }

    private void hubspotDeal(Deal deal, Snapshot s, Snapshot before, boolean first) {
        long object = hubspotId(deal);
        List<String> notes = new ArrayList<>();
        if (first) {
            notes.add(hubspot("deal.creation", null, object, null, null, s.at()));
            notes.add(hubspot("deal.propertyChange", null, object, "dealname", "Deal " + deal.id(), s.at()));
            notes.add(hubspot(
                    "deal.propertyChange",
                    null,
                    object,
                    "hubspot_owner_id",
                    deal.owner().crmId(),
                    s.at()));
        }
        if (before == null || before.amount() != s.amount()) {
            notes.add(hubspot("deal.propertyChange", null, object, "amount", String.valueOf(s.amount()), s.at()));
        }
        if (before == null || !before.closeDate().equals(s.closeDate())) {
            notes.add(hubspot(
                    "deal.propertyChange",
                    null,
                    object,
                    "closedate",
                    String.valueOf(s.closeDate()
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli()),
                    s.at()));
        }
        if (s.lostReason() != null) {
            notes.add(hubspot("deal.propertyChange", null, object, "closed_lost_reason", s.lostReason(), s.at()));
        }
        if (before == null || !before.stage().equals(s.stage())) {
            String stage = switch (s.stage()) {
                case "QUALIFIED" -> "qualifiedtobuy";
                case "DISCOVERY" -> "presentationscheduled";
                case "PROPOSAL" -> "decisionmakerboughtin";
                case "NEGOTIATION" -> "contractsent";
                case "WON" -> "closedwon";
                default -> "closedlost";
            };
            notes.add(hubspot("deal.propertyChange", null, object, "dealstage", stage, s.at()));
        }
        crm.postHubSpot(notes);
    }

    /** The deal's id as a CRM knows it (its number in Pipedrive, an 18-character id in Salesforce). */
    static String crmDealId(Deal deal) {
        return switch (deal.channel()) {
            case PIPEDRIVE -> "pipedrive-" + pipedriveId(deal);
            case TWENTY -> "twenty-" + deal.id();
            case SALESFORCE -> "salesforce-" + salesforceId(deal);
            case HUBSPOT -> "hubspot-" + hubspotId(deal);
            default -> deal.id();
        };
    }

    private static String pipedriveId(Deal deal) {
        return deal.id().substring(1).replace("-", "");
    }

    private static long hubspotId(Deal deal) {
        return 7_000_000_000L + Long.parseLong(pipedriveId(deal));
    }

    private static String salesforceId(Deal deal) {
        return "0065e" + "%013d".formatted(Long.parseLong(pipedriveId(deal)));
    }
}
