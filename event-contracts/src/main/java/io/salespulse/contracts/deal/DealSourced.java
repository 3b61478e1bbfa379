package io.salespulse.contracts.deal;

import java.time.Instant;

/**
 * The CRM names the SDR who sourced a deal (who found the opportunity and handed it over): the deal's pipeline counts
 * as that SDR's sourced pipeline. Type {@code salespulse.deal.sourced.v1}.
 *
 * @param dealId     the deal
 * @param ownerRepId its owner
 * @param sdrRepId   the rep who sourced it
 * @param occurredAt when the CRM said so
 */
public record DealSourced(String dealId, String ownerRepId, String sdrRepId, Instant occurredAt) implements DealEvent {}
