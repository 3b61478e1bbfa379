package io.salespulse.activity.accounts;

import io.salespulse.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a CRM said about a customer contract at one moment: a full snapshot (a CloudEvents {@code contract.updated}, a
 * CRM company or contract record). {@link ContractFacts} tells what changed since the last one, which is kept as the
 * contract's state (an older snapshot than it is stale and changes nothing).
 *
 * @param contractId     the contract (SalesPulse id: the CRM's, prefixed by the CRM where ids could collide)
 * @param accountId      the customer account it belongs to
 * @param accountName    the account's name
 * @param csmRepId       the owning CSM as a SalesPulse rep ({@code null} if the CRM owner maps to none)
 * @param arr            its annual recurring revenue
 * @param termStart      the first day of its current term
 * @param termEnd        the last day of its current term
 * @param churned        whether the customer has left (the CRM's status says so, or its ARR went to nothing)
 * @param renewalDealId  the deal of its renewal in the CRM's renewal pipeline, if one is open
 * @param occurredAt     when the CRM made this change
 */
public record ContractUpdate(
        String contractId,
        String accountId,
        String accountName,
        String csmRepId,
        Money arr,
        LocalDate termStart,
        LocalDate termEnd,
        boolean churned,
        String renewalDealId,
        Instant occurredAt) {

    /** This contract naming a deal of the renewal pipeline as its renewal, as of {@code at}. */
    public ContractUpdate withRenewal(String dealId, Instant at) {
        return new ContractUpdate(
                contractId, accountId, accountName, csmRepId, arr, termStart, termEnd, churned, dealId, at);
    }

    /** The aggregate that orders a contract's updates in the accepted-event log. */
    public String aggregate() {
        return aggregateOf(contractId);
    }

    /** The aggregate of a contract's updates. */
    public static String aggregateOf(String contractId) {
        return "contract:" + contractId;
    }
}
