package io.salespulse.kit.security;

import io.salespulse.kit.roster.OrgTree;
import java.util.Optional;

/**
 * The team a rep or a signal belongs to, so that a manager reaching another team's data through a rep or signal id
 * is refused as if by team id. Services answer what they know; an unknown id has no team (a manager is refused,
 * leadership gets the endpoint's own answer, usually 404).
 */
public interface TeamScope {

    Optional<String> teamOfRep(String repId);

    default Optional<String> teamOfSignal(String signalId) {
        return Optional.empty();
    }

    /** The organisation's tree (units and their teams), for directors' scope: none known, an empty tree. */
    default OrgTree tree() {
        return OrgTree.EMPTY;
    }
}
