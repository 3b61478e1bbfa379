package io.salespulse.contracts.activity;

import java.time.Instant;

/**
 * A meeting took place. Type {@code salespulse.meeting.held.v1}.
 *
 * @param repId      the rep who held it
 * @param meetingId  the CRM's meeting id
 * @param dealId     the linked deal, if any
 * @param accountId  the customer account met (a customer touch), if any
 * @param occurredAt when it was held
 */
public record MeetingHeld(String repId, String meetingId, String dealId, String accountId, Instant occurredAt)
        implements ActivityEvent {

    /** A meeting linked to no customer account. */
    public MeetingHeld(String repId, String meetingId, String dealId, Instant occurredAt) {
        this(repId, meetingId, dealId, null, occurredAt);
    }
}
