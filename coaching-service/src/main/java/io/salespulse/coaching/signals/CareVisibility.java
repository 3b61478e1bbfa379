package io.salespulse.coaching.signals;

import io.salespulse.kit.security.Caller;

/**
 * Who reads a care signal ({@link io.salespulse.contracts.signal.SignalType#isCare()}): the rep's managers, and the
 * rep itself; never leadership or an admin as such, never a dashboard (docs/security.md). To anyone else a care signal
 * does not exist: left out of lists, {@code 404} when asked for by id.
 */
final class CareVisibility {

    private CareVisibility() {}

    /** Whether the current caller may read this signal. */
    static boolean visible(Signal signal) {
        return !signal.type().isCare()
                || Caller.current()
                        .map(caller -> caller.seesCareOf(signal.teamId(), signal.repId()))
                        .orElse(false);
    }

    /** Whether the current caller reads the care signals of a team's reps: one of its managers. */
    static boolean ofTeam(String teamId) {
        return Caller.current().map(caller -> caller.seesCareOf(teamId, null)).orElse(false);
    }

    /** Whether the current caller reads the care signals about a rep: a manager of its team, or the rep. */
    static boolean ofRep(String teamId, String repId) {
        return Caller.current().map(caller -> caller.seesCareOf(teamId, repId)).orElse(false);
    }
}
