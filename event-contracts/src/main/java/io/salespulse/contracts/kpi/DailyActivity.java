package io.salespulse.contracts.kpi;

/**
 * A rep's activity counts for one day of the team's time zone.
 *
 * @param calls            calls logged
 * @param connectedCalls   calls that connected
 * @param talkTimeSeconds  total duration of connected calls
 * @param emails           emails sent
 * @param meetingsBooked   meetings booked (on the day they were booked)
 * @param meetingsScheduled meetings booked to take place on this day (the base of the show rate)
 * @param meetingsHeld     meetings held
 * @param dealsCreated     deals created
 * @param dealsAdvanced    deals moved forward a stage (not won, not lost)
 * @param dealsWon         deals won
 * @param dealsLost        deals lost
 */
public record DailyActivity(
        long calls,
        long connectedCalls,
        long talkTimeSeconds,
        long emails,
        long meetingsBooked,
        long meetingsScheduled,
        long meetingsHeld,
        long dealsCreated,
        long dealsAdvanced,
        long dealsWon,
        long dealsLost) {

    /** No activity. */
    public static final DailyActivity NONE = new DailyActivity(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
