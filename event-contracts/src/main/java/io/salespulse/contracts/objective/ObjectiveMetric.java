package io.salespulse.contracts.objective;

/**
 * What an objective counts. Amount metrics are summed in the objective's currency; ratio metrics are a share over the
 * period so far (the target a share too: 0.95 for 95 %), in the objective's currency for the revenue ratios.
 */
public enum ObjectiveMetric {
    CALLS(false, false, false),
    CONNECTED_CALLS(false, false, false),
    EMAILS(false, false, false),
    MEETINGS_BOOKED(false, false, false),
    MEETINGS_HELD(false, false, false),
    DEALS_CREATED(false, false, false),
    PIPELINE_CREATED(true, false, true),
    DEALS_WON(false, false, false),
    REVENUE_WON(true, false, true),
    /** Customer success: the ARR of the contracts renewed (their ARR after the renewal), by the CSM or the team. */
    ARR_RENEWED(true, false, true),
    /** Customer success: net revenue retention of the customers at the period's start, in one currency. */
    NRR(false, true, true),
    /** Customer success: gross revenue retention of the customers at the period's start, in one currency. */
    GRR(false, true, true),
    /** Customer success: contract terms ending in the period that were renewed, of those decided or past their end. */
    RENEWAL_RATE(false, true, false);

    private final boolean amount;
    private final boolean ratio;
    private final boolean inCurrency;

    ObjectiveMetric(boolean amount, boolean ratio, boolean inCurrency) {
        this.amount = amount;
        this.ratio = ratio;
        this.inCurrency = inCurrency;
    }

    /** Whether the metric is a money amount (and so has a currency). */
    public boolean isAmount() {
        return amount;
    }

    /** Whether the metric is a share over the period so far (not summed day by day), its target a share too. */
    public boolean isRatio() {
        return ratio;
    }

    /** Whether an objective on it names a currency (amounts, and the revenue ratios). */
    public boolean inCurrency() {
        return inCurrency;
    }
}
