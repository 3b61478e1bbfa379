package io.salespulse.kpi.activity;

import io.salespulse.contracts.Money;
import io.salespulse.contracts.deal.DealStage;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Keys of rep-day counters beyond the plain {@link Counter}s: money summed per currency in hundredths (exact, and
 * never added across currencies), and counts per deal stage.
 */
public final class Measures {

    /** Every counter is stored under this prefix in a rep-day document. */
    static final String FIELD_PREFIX = "c.";

    public static final String PIPELINE_CREATED = "pipelineCreated";
    public static final String REVENUE_WON = "revenueWon";
    public static final String AMOUNT_LOST = "amountLost";
    public static final String STAGE_EXITS = "stageExits";
    public static final String STAGE_FORWARD = "stageForward";

    /** Activities by the hour of the team's zone they happened in, e.g. {@code hours.h19}. */
    public static final String HOURS = "hours";

    private Measures() {}

    /** The key of an hour's activity count (0-23), e.g. {@code hours.h07}. */
    public static String hour(int hour) {
        return String.format(java.util.Locale.ROOT, "%s.h%02d", HOURS, hour);
    }

    /** The key of an amount measure in one currency, e.g. {@code money.revenueWon.EUR}. */
    public static String money(String measure, String currency) {
        return "money." + measure + "." + currency;
    }

    /** The key of a per-stage count, e.g. {@code stageExits.PROPOSAL}. */
    public static String stage(String measure, DealStage stage) {
        return measure + "." + stage.name();
    }

    /** An amount in hundredths, as stored. */
    public static long cents(Money money) {
        return money.amount()
                .setScale(2, RoundingMode.HALF_UP)
                .movePointRight(2)
                .longValueExact();
    }

    /** Hundredths back to an amount. */
    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
