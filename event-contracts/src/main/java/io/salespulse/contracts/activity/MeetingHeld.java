package io.salespulse.contracts.activity;

import java.time.Instant;

/**
 * A meeting took place. Type {@code salespulse.meeting.held.v1}.
 *
 * @param repId      the rep who held it
 * @param meetingId  the CRM's meeting id
 * @param dealId     the linked deal, if any
 * @param occurredAt when it was held
 */
public record MeetingHeld(String repId, String meetingId, String dealId, Instant occurredAt) implements ActivityEvent {}
