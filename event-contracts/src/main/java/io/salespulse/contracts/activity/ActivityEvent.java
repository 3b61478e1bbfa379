package io.salespulse.contracts.activity;

import io.salespulse.contracts.SalesPulseEvent;

/**
 * What a rep did: calls, emails, meetings. Published by activity-service to
 * {@link io.salespulse.contracts.Topics#ACTIVITIES}, keyed by rep id.
 */
public sealed interface ActivityEvent extends SalesPulseEvent
        permits CallLogged, EmailSent, MeetingBooked, MeetingHeld {

    /** The SalesPulse rep id, or {@code null} when the CRM owner maps to no rep (counted as unattributed). */
    String repId();

    /** The deal the activity is linked to, if any. */
    String dealId();

    /** The customer account the activity touched, if any (a customer success touch). */
    String accountId();

    /** The partition key of activities whose owner is unknown. */
    String UNATTRIBUTED = "unattributed";

    @Override
    default String partitionKey() {
        return repId() != null ? repId() : UNATTRIBUTED;
    }
}
