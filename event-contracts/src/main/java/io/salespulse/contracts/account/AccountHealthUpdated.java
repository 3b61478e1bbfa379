package io.salespulse.contracts.account;

import java.time.Instant;

/**
 * An account's health score changed (a CRM property, 0 to 100). Type {@code salespulse.account.health-updated.v1}.
 *
 * @param accountId     the customer account
 * @param csmRepId      the owning CSM, or {@code null} when the CRM's owner maps to no rep
 * @param score         the score now, 0 (about to leave) to 100 (thriving)
 * @param previousScore the score before ({@code null} the first time)
 * @param occurredAt    when the CRM recorded it
 */
public record AccountHealthUpdated(
        String accountId, String csmRepId, int score, Integer previousScore, Instant occurredAt)
        implements AccountEvent {}
