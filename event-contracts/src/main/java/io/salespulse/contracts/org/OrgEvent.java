package io.salespulse.contracts.org;

import io.salespulse.contracts.SalesPulseEvent;

/**
 * The roster, published to the log-compacted {@link io.salespulse.contracts.Topics#ORG}: each event carries the
 * whole current state of its team or rep, so the latest record per key is all a consumer needs.
 */
public sealed interface OrgEvent extends SalesPulseEvent
        permits TeamChanged, RepChanged, RepAbsence, Backfill, UnitChanged {

    /** The compaction key of a team. */
    static String teamKey(String teamId) {
        return "team:" + teamId;
    }

    /** The compaction key of a rep. */
    static String repKey(String repId) {
        return "rep:" + repId;
    }

    /** The compaction key of a unit of the organisation. */
    static String unitKey(String unitId) {
        return "unit:" + unitId;
    }

    /** The compaction key of a rep's absence. */
    static String absenceKey(String absenceId) {
        return "absence:" + absenceId;
    }
}
