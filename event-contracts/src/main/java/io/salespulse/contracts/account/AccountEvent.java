package io.salespulse.contracts.account;

import io.salespulse.contracts.SalesPulseEvent;

/**
 * What happened to a customer account: its contracts, their renewals, its health and its customers' NPS answers.
 * Published by activity-service to {@link io.salespulse.contracts.Topics#ACCOUNTS}, keyed by account id, so one
 * account's facts stay in order.
 */
public sealed interface AccountEvent extends SalesPulseEvent
        permits ContractChanged, RenewalOpened, AccountHealthUpdated, NpsAnswered {

    /** The account (SalesPulse id: the CRM's, prefixed by the CRM where ids could collide). */
    String accountId();

    /** The customer success manager who owns the account, or {@code null} when the CRM's owner maps to no rep. */
    String csmRepId();

    @Override
    default String partitionKey() {
        return accountId();
    }
}
