package io.salespulse.activity.accounts;

import io.salespulse.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract as last known. An update older than {@code updatedAt} is stale and changes nothing, so late or
 * out-of-order deliveries never move a contract back.
 *
 * @param contractId    the contract
 * @param accountId     its account
 * @param accountName   its account's name
 * @param csmRepId      its CSM ({@code null}: unattributed)
 * @param arr           its ARR (the last one before it churned, when churned)
 * @param termStart     its current term's first day
 * @param termEnd       its current term's last day
 * @param churned       whether the customer has left
 * @param renewalDealId the renewal deal the CRM last named, if any (told once, see {@link ContractFacts})
 * @param updatedAt     when the CRM last changed it
 */
public record ContractState(
        String contractId,
        String accountId,
        String accountName,
        String csmRepId,
        Money arr,
        LocalDate termStart,
        LocalDate termEnd,
        boolean churned,
        String renewalDealId,
        Instant updatedAt) {

    static ContractState of(ContractUpdate u) {
        return new ContractState(
                u.contractId(),
                u.accountId(),
                u.accountName(),
                u.csmRepId(),
                u.arr(),
                u.termStart(),
                u.termEnd(),
                u.churned(),
                u.renewalDealId(),
                u.occurredAt());
    }
}
