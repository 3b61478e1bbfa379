package io.salespulse.contracts.deal;

import io.salespulse.contracts.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal entered the pipeline. Type {@code salespulse.deal.created.v1}.
 *
 * @param dealId            the deal
 * @param ownerRepId        its owner
 * @param name              the deal's name in the CRM, if any
 * @param stage             its stage at creation
 * @param amount            its amount at creation ({@code null} when the CRM has not said yet)
 * @param expectedCloseDate when it is expected to close, if known
 * @param occurredAt        when it was created in the CRM
 */
public record DealCreated(
        String dealId,
        String ownerRepId,
        String name,
        DealStage stage,
        Money amount,
        LocalDate expectedCloseDate,
        Instant occurredAt)
        implements DealEvent {}
