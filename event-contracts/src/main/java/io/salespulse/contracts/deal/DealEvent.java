package io.salespulse.contracts.deal;

import io.salespulse.contracts.SalesPulseEvent;

/**
 * Facts about a deal, derived by activity-service from the CRM's successive states of the deal.
 * Published to {@link io.salespulse.contracts.Topics#DEALS}, keyed by deal id, so one deal's facts stay in order.
 */
public sealed interface DealEvent extends SalesPulseEvent
        permits DealCreated,
                DealStageChanged,
                DealAmountChanged,
                DealCloseDateMoved,
                DealOwnerChanged,
                DealWon,
                DealLost,
                DealForecastCategoryChanged,
                DealSourced {

    /** The deal. */
    String dealId();

    /** The owning rep after this fact, or {@code null} when the CRM owner maps to no rep. */
    String ownerRepId();

    @Override
    default String partitionKey() {
        return dealId();
    }
}
