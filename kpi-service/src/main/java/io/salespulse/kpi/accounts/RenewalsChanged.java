package io.salespulse.kpi.accounts;

import java.util.Set;

/**
 * Contracts were renewed (or their renewals replayed): the objectives on renewed ARR of these CSMs and teams have new
 * figures. Published by the {@link AccountListener} once a batch is recorded.
 *
 * @param csms  the CSMs whose contracts renewed
 * @param teams their teams
 */
public record RenewalsChanged(Set<String> csms, Set<String> teams) {}
