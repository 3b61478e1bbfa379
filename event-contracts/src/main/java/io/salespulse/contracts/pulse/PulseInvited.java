package io.salespulse.contracts.pulse;

import io.salespulse.contracts.SalesPulseEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rep is asked the team pulse's question for a week ("How was your week?"), by coaching-service, on its team's last
 * working day of the week; notification-service sends the rep its link. Type {@code salespulse.pulse.invited.v1}, on
 * {@link io.salespulse.contracts.Topics#SIGNALS}, key the rep.
 *
 * @param inviteId   the invitation
 * @param key        the link's secret (256 random bits, base64url): with the invitation's id, the only way to answer
 *                   it; coaching-service keeps its SHA-256 only
 * @param repId      the rep asked
 * @param teamId     its team
 * @param week       the Monday of the week asked about
 * @param expiresAt  the link works until then (7 days), and once
 * @param occurredAt when it was asked
 */
public record PulseInvited(
        String inviteId, String key, String repId, String teamId, LocalDate week, Instant expiresAt, Instant occurredAt)
        implements SalesPulseEvent {

    @Override
    public String partitionKey() {
        return repId;
    }

    /** Never the key in a log line. */
    @Override
    public String toString() {
        return "PulseInvited[" + inviteId + ", rep " + repId + ", week " + week + "]";
    }
}
