package io.salespulse.contracts.account;

import io.salespulse.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract's renewal is being worked: a deal in the CRM's renewal pipeline. Type {@code salespulse.renewal.opened.v1}.
 *
 * @param accountId  the customer account
 * @param contractId the contract up for renewal
 * @param dealId     the renewal deal
 * @param csmRepId   the owning CSM, or {@code null} when the CRM's owner maps to no rep
 * @param closeDate  when the renewal is due: the contract's term end
 * @param arr        the ARR up for renewal
 * @param occurredAt when the renewal was opened
 */
public record RenewalOpened(
        String accountId,
        String contractId,
        String dealId,
        String csmRepId,
        LocalDate closeDate,
        Money arr,
        Instant occurredAt)
        implements AccountEvent {}
