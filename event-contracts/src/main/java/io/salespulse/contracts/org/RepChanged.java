package io.salespulse.contracts.org;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A rep as it now is (created, changed, moved team, deactivated). Type {@code salespulse.rep.changed.v1},
 * key {@code rep:<repId>}.
 *
 * @param repId       the rep
 * @param displayName the name shown to managers (never a metric label)
 * @param teamId      the rep's team
 * @param role        SDR, AE or CSM
 * @param seniority   junior or senior
 * @param startDate   when the rep started (new reps are not flagged for silence)
 * @param externalIds the rep's ids in each CRM, by source name ({@code hubspot}, {@code pipedrive}, {@code twenty})
 * @param active      whether the rep is active
 * @param email       where the rep is written to (the team pulse's question); {@code null}: nowhere
 * @param occurredAt  when the change was made
 */
public record RepChanged(
        String repId,
        String displayName,
        String teamId,
        RepRole role,
        Seniority seniority,
        LocalDate startDate,
        Map<String, String> externalIds,
        boolean active,
        String email,
        Instant occurredAt)
        implements OrgEvent {

    /** A rep without an email address. */
    public RepChanged(
            String repId,
            String displayName,
            String teamId,
            RepRole role,
            Seniority seniority,
            LocalDate startDate,
            Map<String, String> externalIds,
            boolean active,
            Instant occurredAt) {
        this(repId, displayName, teamId, role, seniority, startDate, externalIds, active, null, occurredAt);
    }

    @Override
    public String partitionKey() {
        return OrgEvent.repKey(repId);
    }
}
