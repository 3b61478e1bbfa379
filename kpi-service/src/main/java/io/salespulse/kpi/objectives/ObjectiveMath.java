package io.salespulse.kpi.objectives;

import io.salespulse.contracts.kpi.ObjectiveStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * The objective formulas (kpis-and-signals.md): attainment = actual / target; elapsed = working days elapsed /
 * working days in the period (a day counts as elapsed at its end); projection = actual / elapsed (what the period
 * ends at, at this pace); pace = attainment / elapsed; status ACHIEVED (attainment >= 1), ON_TRACK (projection >=
 * target), AT_RISK (>= 80% of target), OFF_TRACK (below). Before any working day has elapsed there is no
 * projection and an objective not yet achieved is ON_TRACK. Pure.
 */
public final class ObjectiveMath {

    static final BigDecimal AT_RISK_FLOOR = new BigDecimal("0.8");

    private ObjectiveMath() {}

    /**
     * @param actual      the figure so far
     * @param target      the figure to reach
     * @param attainment  actual / target
     * @param elapsed     share of the period's working days elapsed
     * @param projection  actual / elapsed, or null
     * @param pace        attainment / elapsed, or null
     * @param status      where it stands
     */
    public record Figures(
            BigDecimal actual,
            BigDecimal target,
            BigDecimal attainment,
            BigDecimal elapsed,
            BigDecimal projection,
            BigDecimal pace,
            ObjectiveStatus status) {}

    /** The share of the period's working days elapsed through {@code elapsedThrough} (1 for a period without any). */
    static BigDecimal elapsed(
            LocalDate start, LocalDate end, LocalDate elapsedThrough, Predicate<LocalDate> workingDay) {
        long total = workingDays(start, end, workingDay);
        long done = workingDays(start, elapsedThrough.isAfter(end) ? end : elapsedThrough, workingDay);
        return total == 0
                ? BigDecimal.ONE.setScale(4)
                : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }

    /** Working days from..to, inclusive (0 when to is before from). */
    public static long workingDays(LocalDate from, LocalDate to, Predicate<LocalDate> workingDay) {
        if (to.isBefore(from)) {
            return 0;
        }
        return from.datesUntil(to.plusDays(1)).filter(workingDay).count();
    }

    /**
     * A ratio objective's figures (a retention or a renewal rate: a share over the period so far, not a sum): the
     * share holds as it is, so projection = actual and pace = attainment; status {@code ACHIEVED} once the period is
     * over at the target or above, {@code ON_TRACK} at the target or above before that, {@code AT_RISK} from 80% of
     * it, {@code OFF_TRACK} below. Without a figure yet (no customer at the period's start, no renewal due yet):
     * nothing to judge, {@code ON_TRACK} with an actual of 0 and no projection.
     *
     * @param actual the share so far, or null when there is none yet
     */
    public static Figures ratioFigures(
            BigDecimal actual,
            BigDecimal target,
            LocalDate start,
            LocalDate end,
            LocalDate elapsedThrough,
            Predicate<LocalDate> workingDay) {
        BigDecimal elapsed = elapsed(start, end, elapsedThrough, workingDay);
        if (actual == null) {
            return new Figures(
                    BigDecimal.ZERO,
                    target,
                    BigDecimal.ZERO.setScale(4),
                    elapsed,
                    null,
                    null,
                    ObjectiveStatus.ON_TRACK);
        }
        BigDecimal attainment = actual.divide(target, 4, RoundingMode.HALF_UP);
        boolean over = !elapsedThrough.isBefore(end);
        ObjectiveStatus status;
        if (actual.compareTo(target) >= 0) {
            status = over ? ObjectiveStatus.ACHIEVED : ObjectiveStatus.ON_TRACK;
        } else if (actual.compareTo(target.multiply(AT_RISK_FLOOR)) >= 0) {
            status = ObjectiveStatus.AT_RISK;
        } else {
            status = ObjectiveStatus.OFF_TRACK;
        }
        return new Figures(actual, target, attainment, elapsed, actual, attainment, status);
    }

    /**
     * @param elapsedThrough the last day that has fully elapsed (yesterday, for today's figures)
     */
    public static Figures figures(
            BigDecimal actual,
            BigDecimal target,
            LocalDate start,
            LocalDate end,
            LocalDate elapsedThrough,
            Predicate<LocalDate> workingDay) {
        long total = workingDays(start, end, workingDay);
        long done = workingDays(start, elapsedThrough.isAfter(end) ? end : elapsedThrough, workingDay);
        BigDecimal attainment = actual.divide(target, 4, RoundingMode.HALF_UP);
        BigDecimal elapsed = elapsed(start, end, elapsedThrough, workingDay);
        BigDecimal projection = null;
        BigDecimal pace = null;
        if (done > 0 || total == 0) {
            BigDecimal share = total == 0
                    ? BigDecimal.ONE
                    : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
            projection = actual.divide(share, 2, RoundingMode.HALF_UP);
            pace = actual.divide(target, 10, RoundingMode.HALF_UP).divide(share, 4, RoundingMode.HALF_UP);
        }
        ObjectiveStatus status;
        if (actual.compareTo(target) >= 0) {
            status = ObjectiveStatus.ACHIEVED;
        } else if (projection == null || projection.compareTo(target) >= 0) {
            status = ObjectiveStatus.ON_TRACK;
        } else if (projection.compareTo(target.multiply(AT_RISK_FLOOR)) >= 0) {
            status = ObjectiveStatus.AT_RISK;
        } else {
            status = ObjectiveStatus.OFF_TRACK;
        }
        return new Figures(actual, target, attainment, elapsed, projection, pace, status);
    }
}
