package io.salespulse.activity.roster;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.security.TeamScope;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A rep's team, from the roster this service owns. */
@Component
class RosterTeamScope implements TeamScope {

    private final RosterService roster;

    RosterTeamScope(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public Optional<String> teamOfRep(String repId) {
        return roster.rep(repId).map(RepChanged::teamId);
    }

    @Override
    public OrgTree tree() {
        return roster.tree();
    }
}
