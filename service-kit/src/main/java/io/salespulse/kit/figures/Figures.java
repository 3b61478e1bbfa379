package io.salespulse.kit.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The formulas more than one figure uses, in one place (docs/kpis-and-signals.md): a ratio such as a win rate or a
 * connect rate, a median such as days in a stage or a sales cycle, and the days a deal has been in its stage (the
 * board, the rep page, a signal's deal and the stalled-deal rule all count them so).
 */
public final class Figures {

    private Figures() {}

    /** {@code part / whole} to 4 decimals (0.2500 is 25%), or {@code null} when there is no whole. */
    public static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** Won / (won + lost), or {@code null} with nothing closed. */
    public static BigDecimal winRate(long won, long lost) {
        return ratio(won, won + lost);
    }

    /** The median of some values (the mean of the two middle ones, to one decimal, for an even count), or {@code null}. */
    public static BigDecimal median(Collection<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? BigDecimal.valueOf(sorted.get(middle))
                : BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle))
                        .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }

    /**
     * Days since a moment, as a manager counts them: calendar days of the team's zone from the day it happened to
     * today (a deal that entered its stage yesterday evening has been in it 1 day this morning); never below 0.
     */
    public static long daysSince(Instant since, ZoneId zone, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(since, zone), today));
    }
}
