package io.salespulse.contracts.activity;

import java.time.Instant;

/**
 * A rep booked a meeting. Type {@code salespulse.meeting.booked.v1}.
 *
 * @param repId        the rep who booked it
 * @param meetingId    the CRM's meeting id
 * @param scheduledFor when the meeting is to take place (show rate counts meetings scheduled in a period)
 * @param dealId       the linked deal, if any
 * @param accountId    the customer account met (a customer touch), if any
 * @param occurredAt   when it was booked
 */
public record MeetingBooked(
        String repId, String meetingId, Instant scheduledFor, String dealId, String accountId, Instant occurredAt)
        implements ActivityEvent {

    /** A meeting linked to no customer account. */
    public MeetingBooked(String repId, String meetingId, Instant scheduledFor, String dealId, Instant occurredAt) {
        this(repId, meetingId, scheduledFor, dealId, null, occurredAt);
    }
}
