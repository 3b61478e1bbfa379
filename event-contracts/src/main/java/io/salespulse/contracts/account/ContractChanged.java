package io.salespulse.contracts.account;

import io.salespulse.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract started, renewed, expanded, contracted or churned. Type {@code salespulse.contract.changed.v1}.
 *
 * @param accountId   the customer account
 * @param accountName the account's name, as the CRM shows it
 * @param contractId  the contract
 * @param change      what happened
 * @param arr         the annual recurring revenue after it (zero when churned)
 * @param previousArr the ARR before it ({@code null} when the contract started), in the same currency
 * @param termStart   the first day of the contract's current term
 * @param termEnd     the last day of the contract's current term (when its renewal falls due)
 * @param csmRepId    the owning CSM, or {@code null} when the CRM's owner maps to no rep
 * @param occurredAt  when the CRM recorded it
 */
public record ContractChanged(
        String accountId,
        String accountName,
        String contractId,
        ContractChange change,
        Money arr,
        Money previousArr,
        LocalDate termStart,
        LocalDate termEnd,
        String csmRepId,
        Instant occurredAt)
        implements AccountEvent {}
