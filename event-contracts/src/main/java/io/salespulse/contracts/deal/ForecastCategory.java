package io.salespulse.contracts.deal;

/**
 * Where a deal stands in the forecast. By default it follows the deal's stage ({@link #ofStage}); a CRM that keeps its
 * own forecast category (HubSpot's {@code hs_manual_forecast_category}, a mapped Pipedrive field, a CloudEvent's
 * {@code forecastCategory}) overrides it.
 */
public enum ForecastCategory {
    /** Early: counted in the pipeline only. */
    PIPELINE,
    /** Could close in the period if things go well. */
    BEST_CASE,
    /** The rep commits to closing it in the period. */
    COMMIT,
    /** Won. */
    CLOSED,
    /** Left out of the forecast (lost, or set aside in the CRM). */
    OMITTED;

    /** The default category of a deal in a stage. */
    public static ForecastCategory ofStage(DealStage stage) {
        return switch (stage) {
            case NEW, QUALIFIED -> PIPELINE;
            case DISCOVERY, PROPOSAL -> BEST_CASE;
            case NEGOTIATION -> COMMIT;
            case WON -> CLOSED;
            case LOST -> OMITTED;
        };
    }
}
