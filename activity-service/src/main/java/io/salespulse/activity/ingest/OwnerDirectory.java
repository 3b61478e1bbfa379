package io.salespulse.activity.ingest;

import io.salespulse.activity.roster.RosterService;
import io.salespulse.contracts.org.RepChanged;
import org.springframework.stereotype.Component;

/** Maps a CRM's owner ids to SalesPulse reps through the roster's {@code externalIds}. */
@Component
public class OwnerDirectory {

    private final RosterService roster;

    OwnerDirectory(RosterService roster) {
        this.roster = roster;
    }

    /** The rep whose id in {@code crm} is {@code ownerId}, or {@code null} (the event is then unattributed). */
    public String repOf(String crm, String ownerId) {
        if (ownerId == null || ownerId.isBlank()) {
            return null;
        }
        return roster.repByExternalId(crm, ownerId).map(RepChanged::repId).orElse(null);
    }
}
