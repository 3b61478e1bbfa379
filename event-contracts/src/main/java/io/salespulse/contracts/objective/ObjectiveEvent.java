package io.salespulse.contracts.objective;

import io.salespulse.contracts.SalesPulseEvent;

/** Objectives, published to {@link io.salespulse.contracts.Topics#OBJECTIVES} keyed by objective id. */
public sealed interface ObjectiveEvent extends SalesPulseEvent
        permits ObjectiveSet, ObjectiveUpdated, ObjectiveCancelled {

    /** The objective. */
    String objectiveId();

    @Override
    default String partitionKey() {
        return objectiveId();
    }
}
