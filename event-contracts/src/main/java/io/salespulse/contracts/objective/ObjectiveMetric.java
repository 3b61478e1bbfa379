package io.salespulse.contracts.objective;

/** What an objective counts. Amount metrics are summed in the objective's currency. */
public enum ObjectiveMetric {
    CALLS(false),
    CONNECTED_CALLS(false),
    EMAILS(false),
    MEETINGS_BOOKED(false),
    MEETINGS_HELD(false),
    DEALS_CREATED(false),
    PIPELINE_CREATED(true),
    DEALS_WON(false),
    REVENUE_WON(true),
    /** Customer success: the ARR of the contracts renewed (their ARR after the renewal), by the CSM or the team. */
    ARR_RENEWED(true);

    private final boolean amount;

    ObjectiveMetric(boolean amount) {
        this.amount = amount;
    }

    /** Whether the metric is a money amount (and so has a currency). */
    public boolean isAmount() {
        return amount;
    }
}
