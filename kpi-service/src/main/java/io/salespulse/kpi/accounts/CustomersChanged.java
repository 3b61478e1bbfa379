package io.salespulse.kpi.accounts;

import java.util.Set;

/**
 * Contracts changed (started, renewed, expanded, contracted, churned; or their facts replayed): the customer success
 * objectives of these CSMs and teams (renewed ARR, retention, renewal rate) have new figures. Published by the
 * {@link AccountListener} once a batch is recorded.
 *
 * @param csms  the CSMs whose contracts changed
 * @param teams their teams
 */
public record CustomersChanged(Set<String> csms, Set<String> teams) {}
