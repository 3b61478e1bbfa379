package io.salespulse.kit.roster;

import io.salespulse.contracts.org.OrgEvent;

/**
 * A roster change this service has just taken in (published in-process, after the {@link RosterStore} has it; again on
 * redelivery): for what waited on a team or rep to be known.
 *
 * @param event the team or rep change
 */
public record RosterApplied(OrgEvent event) {}
