package io.salespulse.activity.ingest.hubspot;

import java.time.Instant;

/**
 * A HubSpot call, meeting or email as assembled from its webhook notifications (creation, then one per property),
 * and which SalesPulse activities it has already produced (each at most once).
 *
 * @param kind            call, meeting or email
 * @param objectId        HubSpot's id
 * @param ownerId         {@code hubspot_owner_id}
 * @param repId           the SalesPulse rep of that owner ({@code null}: unattributed)
 * @param disposition     {@code hs_call_disposition}
 * @param durationMillis  {@code hs_call_duration}
 * @param timestamp       {@code hs_timestamp}: when the activity happened
 * @param meetingStart    {@code hs_meeting_start_time}
 * @param meetingOutcome  {@code hs_meeting_outcome}
 * @param createdAt       when HubSpot created it
 * @param logged          a call or email already produced its activity
 * @param booked          a meeting already produced {@code MeetingBooked}
 * @param held            a meeting already produced {@code MeetingHeld}
 */
record HubSpotEngagement(
        Kind kind,
        String objectId,
        String ownerId,
        String repId,
        String disposition,
        Long durationMillis,
        Instant timestamp,
        Instant meetingStart,
        String meetingOutcome,
        Instant createdAt,
        boolean logged,
        boolean booked,
        boolean held) {

    enum Kind {
        CALL,
        MEETING,
        EMAIL
    }

    static HubSpotEngagement empty(Kind kind, String objectId) {
        return new HubSpotEngagement(
                kind, objectId, null, null, null, null, null, null, null, null, false, false, false);
    }
}
