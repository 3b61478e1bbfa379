package io.salespulse.kpi.periods;

/** The periods KPIs are reported for. */
public enum PeriodKind {
    DAY,
    WEEK,
    MONTH,
    QUARTER
}
