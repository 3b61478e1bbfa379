package io.salespulse.contracts.activity;

import java.time.Instant;

/**
 * A rep logged a call. Type {@code salespulse.call.logged.v1}.
 *
 * @param repId           the rep who called
 * @param callId          the CRM's call id, if any
 * @param outcome         how it ended
 * @param durationSeconds the talk time, if known
 * @param dealId          the linked deal, if any
 * @param accountId       the customer account called (a customer touch), if any
 * @param occurredAt      when the call happened
 */
public record CallLogged(
        String repId,
        String callId,
        CallOutcome outcome,
        Integer durationSeconds,
        String dealId,
        String accountId,
        Instant occurredAt)
        implements ActivityEvent {

    /** A call linked to no customer account. */
    public CallLogged(
            String repId,
            String callId,
            CallOutcome outcome,
            Integer durationSeconds,
            String dealId,
            Instant occurredAt) {
        this(repId, callId, outcome, durationSeconds, dealId, null, occurredAt);
    }
}
