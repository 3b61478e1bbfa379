package io.salespulse.cockpit.services;

import java.math.BigDecimal;

/** What every page shows of an objective, whichever service tells it: its measure and where it stands. */
public interface ObjectiveFigures {

    /** What it counts: CALLS, REVENUE_WON... */
    String metric();

    /** actual / target (null: no target to measure against). */
    BigDecimal attainment();

    /** The attainment against the share of the period elapsed (null: too early to say). */
    BigDecimal pace();

    /** ON_TRACK, AT_RISK, OFF_TRACK, ACHIEVED, MISSED, CANCELLED... */
    String status();
}
