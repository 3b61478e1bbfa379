package io.salespulse.activity.deals;

/** The properties of a deal a CRM update may carry; each is ordered by its own last-change time. */
public enum DealField {
    OWNER,
    NAME,
    STAGE,
    AMOUNT,
    CLOSE_DATE,
    LOST_REASON,
    FORECAST_CATEGORY,
    SOURCED_BY
}
