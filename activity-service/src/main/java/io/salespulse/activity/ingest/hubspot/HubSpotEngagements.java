package io.salespulse.activity.ingest.hubspot;

import io.salespulse.activity.ingest.CrmValues;
import io.salespulse.activity.outbox.AggregateLog;
import io.salespulse.contracts.SalesPulseEvent;
import io.salespulse.contracts.activity.CallLogged;
import io.salespulse.contracts.activity.CallOutcome;
import io.salespulse.contracts.activity.EmailSent;
import io.salespulse.contracts.activity.MeetingBooked;
import io.salespulse.contracts.activity.MeetingHeld;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles HubSpot engagements and says when one becomes a SalesPulse activity: a call once its owner and its
 * outcome are known (the disposition, or else the duration), and for a connected call its duration too, an email once its owner is, a meeting booked once its owner and start are
 * known and held once its outcome is {@code COMPLETED}. Each activity is produced once, whatever the order and
 * repetition of the notifications. Pure.
 */
final class HubSpotEngagements {

    private HubSpotEngagements() {}

    /**
     * One notification about an engagement.
     *
     * @param property   the property that changed ({@code null} for the creation)
     * @param value      its new value
     * @param repId      the SalesPulse rep, when the property is the owner
     * @param occurredAt when HubSpot says it happened
     */
    record Change(String property, String value, String repId, Instant occurredAt) {}

    static AggregateLog.Step<HubSpotEngagement> apply(
            HubSpotEngagement previous,
            HubSpotEngagement.Kind kind,
            String objectId,
            Change change,
            Map<String, CallOutcome> dispositions) {
        HubSpotEngagement e = previous != null ? previous : HubSpotEngagement.empty(kind, objectId);
        String owner = e.ownerId();
        String rep = e.repId();
        String disposition = e.disposition();
        Long duration = e.durationMillis();
        Instant timestamp = e.timestamp();
        Instant start = e.meetingStart();
        String outcome = e.meetingOutcome();
        Instant created = e.createdAt();
        if (change.property() == null) {
            created = created == null ? change.occurredAt() : created;
        } else {
            switch (change.property()) {
                case "hubspot_owner_id" -> {
                    owner = blankToNull(change.value());
                    rep = change.repId();
                }
                case "hs_call_disposition" -> disposition = blankToNull(change.value());
                case "hs_call_duration" -> duration = parseLong(change.value());
                case "hs_timestamp" -> timestamp = CrmValues.instant(change.value());
                case "hs_meeting_start_time" -> start = CrmValues.instant(change.value());
                case "hs_meeting_outcome" -> outcome = blankToNull(change.value());
                default -> {
                    // a property SalesPulse does not read
                }
            }
        }
        Instant when = timestamp != null ? timestamp : created != null ? created : change.occurredAt();
        List<SalesPulseEvent> events = new ArrayList<>();
        boolean logged = e.logged();
        boolean booked = e.booked();
        boolean held = e.held();
        if (owner != null) {
            CallOutcome callOutcome = disposition != null && dispositions.containsKey(disposition)
                    ? dispositions.get(disposition)
                    : duration != null ? (duration > 0 ? CallOutcome.CONNECTED : CallOutcome.NO_ANSWER) : null;
            // A connected call waits for its duration (talk time); other outcomes need none.
            boolean complete = callOutcome != null && (callOutcome != CallOutcome.CONNECTED || duration != null);
            if (kind == HubSpotEngagement.Kind.CALL && !logged && complete) {
                Integer seconds = duration == null ? null : (int) (duration / 1000);
                events.add(new CallLogged(rep, objectId, callOutcome, seconds, null, when));
                logged = true;
            } else if (kind == HubSpotEngagement.Kind.EMAIL && !logged) {
                events.add(new EmailSent(rep, null, when));
                logged = true;
            } else if (kind == HubSpotEngagement.Kind.MEETING) {
                if (!booked && start != null) {
                    events.add(new MeetingBooked(
                            rep, objectId, start, null, created != null ? created : change.occurredAt()));
                    booked = true;
                }
                if (!held && "COMPLETED".equalsIgnoreCase(outcome)) {
                    events.add(new MeetingHeld(rep, objectId, null, start != null ? start : change.occurredAt()));
                    held = true;
                }
            }
        }
        HubSpotEngagement next = new HubSpotEngagement(
                kind,
                objectId,
                owner,
                rep,
                disposition,
                duration,
                timestamp,
                start,
                outcome,
                created,
                logged,
                booked,
                held);
        return new AggregateLog.Step<>(next, events);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
