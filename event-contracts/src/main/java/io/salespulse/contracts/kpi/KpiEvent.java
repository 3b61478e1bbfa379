package io.salespulse.contracts.kpi;

import io.salespulse.contracts.SalesPulseEvent;

/**
 * What kpi-service computed, for coaching-service. Published to {@link io.salespulse.contracts.Topics#KPIS}
 * keyed by rep id (team id for team figures).
 */
public sealed interface KpiEvent extends SalesPulseEvent
        permits RepDayKpisUpdated, ObjectiveProgressed, PipelineReviewed {}
