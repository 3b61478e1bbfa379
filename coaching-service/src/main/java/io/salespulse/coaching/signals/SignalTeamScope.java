package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.TeamScope;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A rep's team from the roster projection, a signal's from the signal book. */
@Component
class SignalTeamScope implements TeamScope {

    private final RosterStore roster;
    private final SignalStore signals;

    SignalTeamScope(RosterStore roster, SignalStore signals) {
        this.roster = roster;
        this.signals = signals;
    }

    @Override
    public Optional<String> teamOfRep(String repId) {
        return roster.rep(repId).map(RepChanged::teamId);
    }

    @Override
    public Optional<String> teamOfSignal(String signalId) {
        return signals.get(signalId).map(Signal::teamId);
    }

    @Override
    public OrgTree tree() {
        return roster.tree();
    }
}
