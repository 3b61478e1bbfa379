package io.salespulse.contracts.deal;

import java.time.Instant;

/**
 * The CRM set (or cleared) a deal's own forecast category. Type {@code salespulse.deal.forecast-category-changed.v1}.
 *
 * @param dealId     the deal
 * @param ownerRepId its owner
 * @param previous   the CRM's category before ({@code null}: none, the stage's default applied)
 * @param current    the CRM's category now ({@code null}: cleared, the stage's default applies again)
 * @param occurredAt when it changed
 */
public record DealForecastCategoryChanged(
        String dealId, String ownerRepId, ForecastCategory previous, ForecastCategory current, Instant occurredAt)
        implements DealEvent {}
