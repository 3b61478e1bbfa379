package io.salespulse.contracts;

import java.time.Instant;

/**
 * A fact that happened in a sales team, as carried on a SalesPulse topic. Each producer groups its
 * events under a sealed sub-interface; {@link EventType} names each record type.
 */
public interface SalesPulseEvent {

    /** When it happened (not when it arrived): KPIs count it in the period that contains this instant. */
    Instant occurredAt();

    /** The aggregate id that orders this event: the Kafka record key. */
    String partitionKey();
}
