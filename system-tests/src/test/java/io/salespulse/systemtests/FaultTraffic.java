package io.salespulse.systemtests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A realistic stream for one day, as the CRMs send it: CloudEvents batches from a dialer (calls, emails, meetings,
 * deal snapshots), signed HubSpot engagement notifications, Pipedrive webhooks (activities and deals), Twenty
 * opportunities; some batches delivered twice, and deal updates arriving out of order. Every request is retried as a
 * CRM retries (connection refused, 5xx, 429) until it is answered 202, so what it was told is accepted is what must be
 * counted. It knows what each day must count to.
 */
final class FaultTraffic {

    /** Each phase's volumes: about 2,800 CRM events a day. */
    static final int CE_CALLS = 800;

    static final int CE_EMAILS = 300;
    static final int CE_MEETINGS = 100;
    static final int CE_DEALS = 60;
    static final int HUBSPOT_CALLS = 100;
    static final int HUBSPOT_EMAILS = 50;
    static final int PIPEDRIVE_CALLS = 300;
    static final int PIPEDRIVE_EMAILS = 100;
    static final int PIPEDRIVE_DEALS = 40;
    static final int TWENTY_DEALS = 30;

    /** What a day's stream must count to, in the teams' KPIs. */
    record Expected(long calls, long emails, long meetingsBooked, long dealsCreated, long dealsWon) {

        static Expected ofOneDay() {
            return new Expected(
                    CE_CALLS + HUBSPOT_CALLS + PIPEDRIVE_CALLS,
                    CE_EMAILS + HUBSPOT_EMAILS + PIPEDRIVE_EMAILS,
                    CE_MEETINGS,
                    CE_DEALS + PIPEDRIVE_DEALS + TWENTY_DEALS,
                    CE_DEALS + PIPEDRIVE_DEALS);
        }

        long total() {
            return calls + emails + meetingsBooked + dealsCreated + dealsWon;
        }
    }

    /**
     * Where to send, and the local run's credentials.
     *
     * @param nycReps      reps whose activities come from the dialer (CloudEvents) and HubSpot, with their HubSpot owner ids
     * @param parisReps    reps on Pipedrive, with their Pipedrive owner ids
     * @param twentyOwner  the Twenty workspace member mapped to a rep
     */
    record Target(
            String activityUrl,
            String ingestKey,
            String hubspotSecret,
            String pipedriveUser,
            String pipedrivePassword,
            String twentySecret,
            List<String[]> nycReps,
            List<String[]> parisReps,
            String twentyOwner) {}

    private static final String HUBSPOT_NO_ANSWER = "73a0d17f-1163-4015-bdd5-ec830791da20";

    private final Target target;
    private final CrmClient crm;
    private final AtomicLong hubspotIds = new AtomicLong(50_000_000);
    private final AtomicLong objectIds = new AtomicLong(9_000_000_000L);

    FaultTraffic(Target target) {
        this.target = target;
        this.crm = new CrmClient(
                target.activityUrl(),
                target.ingestKey(),
                target.hubspotSecret(),
                target.pipedriveUser(),
                target.pipedrivePassword(),
                target.twentySecret(),
                null,
                Clock.systemUTC());
    }

    /** CRM events sent so far (a HubSpot notification, a Pipedrive or Twenty webhook, a CloudEvent), duplicates included. */
    long sent() {
        return crm.counts().sent.get();
    }

    /** Events the service answered as newly accepted. */
    /** Requests answered 503 and sent again. */
    long unavailable() {
        return crm.counts().unavailable.get();
    }

    long accepted() {
        return crm.counts().accepted.get();
    }

    long duplicates() {
        return crm.counts().duplicates.get();
    }

    private static Instant at(LocalDate day, int i) {
        // 12:00 to 17:00 UTC: the same day in Paris and in New York.
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(12 * 3600 + (i % (5 * 3600)));
    }

    /** The dialer: calls, emails and meetings as CloudEvents batches of 200, two of them delivered twice. */
    void cloudEventActivities(LocalDate day, String tag) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < CE_CALLS + CE_EMAILS + CE_MEETINGS; i++) {
            String rep = target.nycReps().get(i % target.nycReps().size())[0];
            String id = "ce-" + tag + "-" + i;
            String time = at(day, i).toString();
            if (i < CE_CALLS) {
                events.add(CrmClient.cloudEvent(id, "salespulse.call.logged.v1", time, """
                        {"repId":"%s","callId":"%s","outcome":"%s","durationSeconds":%d}""".formatted(
                                rep, id, i % 3 == 0 ? "CONNECTED" : "NO_ANSWER", i % 3 == 0 ? 120 + i % 300 : 0)));
            } else if (i < CE_CALLS + CE_EMAILS) {
                events.add(CrmClient.cloudEvent(
                        id, "salespulse.email.sent.v1", time, "{\"repId\":\"%s\"}".formatted(rep)));
            } else {
                events.add(CrmClient.cloudEvent(id, "salespulse.meeting.booked.v1", time, """
                        {"repId":"%s","meetingId":"%s","scheduledFor":"%s"}""".formatted(
                                rep, id, at(day, i).plus(Duration.ofDays(3)))));
            }
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 200) {
            batches.add(events.subList(i, Math.min(events.size(), i + 200)));
        }
        for (int b = 0; b < batches.size(); b++) {
            crm.postCloudEvents(batches.get(b));
            if (b == 1 || b == 4) {
                crm.postCloudEvents(batches.get(b - 1)); // a retry of an earlier batch: nothing new
            }
        }
    }

    /**
     * Deal snapshots from the dialer's CRM: created in PROPOSAL, then WON, then a stale NEGOTIATION snapshot (older
     * than the win) arriving last, which must not move the deal back.
     */
    void cloudEventDeals(LocalDate day, String tag) {
        String[] stages = {"PROPOSAL", "WON", "NEGOTIATION"};
        int[] minutes = {0, 120, 60};
        for (int step = 0; step < 3; step++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < CE_DEALS; i++) {
                String rep = target.nycReps().get(i % target.nycReps().size())[0];
                Instant created = at(day, i * 7);
                Instant time = created.plus(Duration.ofMinutes(minutes[step]));
                events.add(CrmClient.cloudEvent(
                        "deal-" + tag + "-" + i + "-" + step,
                        "salespulse.deal.updated.v1",
                        time.toString(),
                        """
                        {"dealId":"ce-deal-%s-%d","ownerRepId":"%s","stage":"%s","amount":%d,"currency":"USD","name":"Deal %d",
                         "createdAt":"%s","expectedCloseDate":"%s"}""".formatted(tag, i, rep, stages[step], 1000 + i * 10, i, created, day.plusDays(30))));
            }
            crm.postCloudEvents(events);
        }
    }

    /** HubSpot calls (creation, time, owner, outcome: four notifications each) and emails (creation, owner), 100 a batch. */
    void hubspotEngagements(LocalDate day, String tag) {
        List<String> notifications = new ArrayList<>();
        int objects = 0;
        for (int i = 0; i < HUBSPOT_CALLS + HUBSPOT_EMAILS; i++) {
            String[] rep = target.nycReps().get(i % target.nycReps().size());
            long objectId = objectIds.incrementAndGet();
            long time = at(day, i * 11).toEpochMilli();
            boolean call = i < HUBSPOT_CALLS;
            String typeId = call ? "0-48" : "0-49";
            notifications.add(hubspot("object.creation", typeId, objectId, null, null, time));
            notifications.add(
                    hubspot("object.propertyChange", typeId, objectId, "hs_timestamp", String.valueOf(time), time));
            notifications.add(hubspot("object.propertyChange", typeId, objectId, "hubspot_owner_id", rep[1], time));
            if (call) {
                notifications.add(hubspot(
                        "object.propertyChange", typeId, objectId, "hs_call_disposition", HUBSPOT_NO_ANSWER, time));
            }
            if (++objects % 25 == 0) {
                crm.postHubSpot(notifications);
                notifications = new ArrayList<>();
            }
        }
        crm.postHubSpot(notifications);
    }

    private String hubspot(String type, String typeId, long objectId, String property, String value, long at) {
        String change =
                property == null ? "" : ",\"propertyName\":\"%s\",\"propertyValue\":\"%s\"".formatted(property, value);
        return """
                {"eventId":%d,"subscriptionId":4102,"portalId":77001,"appId":1160452,"occurredAt":%d,"subscriptionType":"%s",
                 "objectTypeId":"%s","attemptNumber":0,"objectId":%d,"changeSource":"CRM_UI"%s}""".formatted(hubspotIds.incrementAndGet(), at, type, typeId, objectId, change);
    }

    /** Pipedrive: calls and emails marked done, and deals created, won, then a stale change arriving last. */
    void pipedrive(LocalDate day, String tag) {
        for (int i = 0; i < PIPEDRIVE_CALLS + PIPEDRIVE_EMAILS; i++) {
            String[] rep = target.parisReps().get(i % target.parisReps().size());
            boolean call = i < PIPEDRIVE_CALLS;
            String time = at(day, i * 13).toString();
            long number = objectIds.incrementAndGet();
            String fields = call
                    ? "\"type\":\"call\",\"done\":true,\"marked_as_done_time\":\"%s\",\"duration\":\"00:0%d:00\""
                            .formatted(time, i % 4)
                    : "\"type\":\"email\",\"done\":true,\"marked_as_done_time\":\"%s\"".formatted(time);
            crm.postPipedrive("""
                    {"meta":{"action":"create","entity":"activity","entity_id":"%d","id":"pd-%s-%d","timestamp":"%s","version":"2.0","company_id":"faults"},
                     "data":{"id":%d,"owner_id":%s,%s},"previous":null}""".formatted(number, tag, i, time, number, rep[1], fields));
        }
        for (int i = 0; i < PIPEDRIVE_DEALS; i++) {
            String[] rep = target.parisReps().get(i % target.parisReps().size());
            long number = objectIds.incrementAndGet();
            Instant created = at(day, i * 17);
            crm.postPipedrive(pipedriveDeal(tag, i, number, rep[1], "create", "open", 4, created, created, day));
            crm.postPipedrive(pipedriveDeal(
                    tag, i, number, rep[1], "change", "won", 5, created, created.plus(Duration.ofHours(2)), day));
            crm.postPipedrive(pipedriveDeal(
                    tag, i, number, rep[1], "change", "open", 5, created, created.plus(Duration.ofHours(1)), day));
        }
    }

    private static String pipedriveDeal(
            String tag,
            int i,
            long number,
            String owner,
            String action,
            String status,
            int stage,
            Instant created,
            Instant updated,
            LocalDate day) {
        return """
                {"meta":{"action":"%s","entity":"deal","entity_id":"%d","id":"pd-deal-%s-%d-%d","timestamp":"%s","version":"2.0","company_id":"faults"},
                 "data":{"id":%d,"title":"Deal %d","owner_id":%s,"stage_id":%d,"status":"%s","value":%d,"currency":"EUR",
                         "expected_close_date":"%s","add_time":"%s","update_time":"%s"},"previous":%s}""".formatted(
                        action,
                        number,
                        tag,
                        i,
                        updated.toEpochMilli(),
                        updated,
                        number,
                        i,
                        owner,
                        stage,
                        status,
                        2000 + i,
                        day.plusDays(20),
                        created,
                        updated,
                        "create".equals(action) ? "null" : "{}");
    }

    /** Twenty: opportunities created by the mapped workspace member. */
    void twenty(LocalDate day, String tag) {
        for (int i = 0; i < TWENTY_DEALS; i++) {
            Instant created = at(day, i * 19);
            String body = """
                    {"eventName":"opportunity.created","workspaceId":"ws-faults","record":{"id":"tw-%s-%d","name":"Opportunity %d","stage":"PROPOSAL",
                     "amount":{"amountMicros":%d,"currencyCode":"EUR"},"ownerId":"%s","createdAt":"%s","updatedAt":"%s"}}""".formatted(tag, i, i, 5_000_000_000L + i, target.twentyOwner(), created, created);
            crm.postTwenty(body);
        }
    }
}
