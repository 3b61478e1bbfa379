package io.salespulse.contracts.org;

import java.time.Instant;
import java.util.List;

/**
 * A unit of the organisation as it now is (created or changed): the company at the root, then regions or segments,
 * at most {@value #MAX_DEPTH} levels deep; each team sits under one unit. Type {@code salespulse.unit.changed.v1}, key
 * {@code unit:<unitId>}.
 *
 * @param unitId            the unit
 * @param name              its name
 * @param parentId          the unit it sits under ({@code null}: the company, the root of the tree)
 * @param headIds           who heads it (the directors: their token's {@code sub}); a director's token names the
 *                          units it reads in its {@code units} claim
 * @param teamIds           the teams directly under it
 * @param reportingCurrency the ISO 4217 currency its totals are given in (amounts of other currencies converted at
 *                          the dated rate)
 * @param locale            the language its directors read it in
 * @param timezone          its IANA time zone: its days and weeks (and its directors' digest) are counted in it
 * @param occurredAt        when the change was made
 */
public record UnitChanged(
        String unitId,
        String name,
        String parentId,
        List<String> headIds,
        List<String> teamIds,
        String reportingCurrency,
        Language locale,
        String timezone,
        Instant occurredAt)
        implements OrgEvent {

    /** The deepest a unit may sit: the company is level 1. */
    public static final int MAX_DEPTH = 5;

    public UnitChanged {
        headIds = headIds == null ? List.of() : List.copyOf(headIds);
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }

    @Override
    public String partitionKey() {
        return OrgEvent.unitKey(unitId);
    }
}
