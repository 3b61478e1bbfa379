package io.salespulse.coaching.signals.rules;

import io.salespulse.coaching.projection.DealView;
import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.kit.figures.Figures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Deal rules: stalled in a stage (longer than the stage's rotting days, 14 by default, and than 1.5x the team's median
 * for that stage), close date passed (an open deal whose expected close date has gone by), gone quiet
 * (no linked activity for 14 days), close date slipping (pushed out twice or more), and the big win (above the
 * team's 75th percentile of won amounts, trailing 90 days); thresholds from {@link RuleSettings.Deals}. Pure.
 */
public final class DealRules {

    private DealRules() {}

    /**
     * Stalled: an open deal in its stage longer than the stage's rotting days and than the team's median stay times
     * {@code stalledMedianFactor}; its days in stage counted as the board and the rep page count them (calendar days
     * of the team's zone, {@link Figures#daysSince}).
     */
    public static Optional<Detection> stalled(
            RuleSettings.Deals settings, DealView deal, BigDecimal teamMedianDays, ZoneId zone, LocalDate today) {
        if (!deal.open() || deal.stageSince() == null) {
            return Optional.empty();
        }
        long days = Figures.daysSince(deal.stageSince(), zone, today);
        BigDecimal limit = BigDecimal.valueOf(settings.rottingDays(stageOf(deal)));
        if (teamMedianDays != null) {
            limit = limit.max(
                    teamMedianDays.multiply(settings.stalledMedianFactor()).setScale(1, RoundingMode.HALF_UP));
        }
        if (BigDecimal.valueOf(days).compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(
                SignalType.STALLED_DEAL,
                SubjectKind.DEAL,
                deal.dealId(),
                Severity.WARNING,
                List.of(Evidence.of("daysInStage", days), Evidence.of("threshold", limit))));
    }

    /**
     * Close date passed: an open deal whose expected close date is more than {@code closeDatePassedDays} behind
     * {@code today} (the team's day). Moving the date or closing the deal resolves it.
     */
    public static Optional<Detection> closeDatePassed(RuleSettings.Deals settings, DealView deal, LocalDate today) {
        if (!deal.open() || deal.expectedCloseDate() == null) {
            return Optional.empty();
        }
        long past = ChronoUnit.DAYS.between(deal.expectedCloseDate(), today);
        return past > settings.closeDatePassedDays()
                ? Optional.of(new Detection(
                        SignalType.CLOSE_DATE_PASSED,
                        SubjectKind.DEAL,
                        deal.dealId(),
                        Severity.WARNING,
                        List.of(
                                Evidence.of("daysPastCloseDate", past),
                                Evidence.of("threshold", settings.closeDatePassedDays()))))
                : Optional.empty();
    }

    /** The deal's stage, or {@code null} when it has none or one this build does not know. */
    public static DealStage stageOf(DealView deal) {
        try {
            return deal.stage() == null ? null : DealStage.valueOf(deal.stage());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public static Optional<Detection> goneQuiet(RuleSettings.Deals settings, DealView deal, Instant now) {
        if (!deal.open() || deal.lastActivityAt() == null) {
            return Optional.empty();
        }
        long days = Duration.between(deal.lastActivityAt(), now).toDays();
        return days >= settings.quietDays()
                ? Optional.of(new Detection(
                        SignalType.DEAL_GONE_QUIET,
                        SubjectKind.DEAL,
                        deal.dealId(),
                        Severity.WARNING,
                        List.of(
                                Evidence.of("daysWithoutActivity", days),
                                Evidence.of("threshold", settings.quietDays()))))
                : Optional.empty();
    }

    public static Optional<Detection> closeDateSlipping(RuleSettings.Deals settings, DealView deal) {
        return deal.open() && deal.pushes() >= settings.slippingPushes()
                ? Optional.of(new Detection(
                        SignalType.CLOSE_DATE_SLIPPING,
                        SubjectKind.DEAL,
                        deal.dealId(),
                        Severity.WARNING,
                        List.of(
                                Evidence.of("pushes", deal.pushes()),
                                Evidence.of("threshold", settings.slippingPushes()))))
                : Optional.empty();
    }

    /** The big-win percentile (nearest rank; the 75th by default) of the team's won amounts; empty below a minimal sample. */
    public static Optional<BigDecimal> percentile(RuleSettings.Deals settings, List<BigDecimal> wonAmounts) {
        if (wonAmounts.size() < settings.bigWinMinSample()) {
            return Optional.empty();
        }
        List<BigDecimal> sorted = wonAmounts.stream().sorted().toList();
        int rank = Math.max(1, (int) Math.ceil(settings.bigWinPercentile().doubleValue() * sorted.size()));
        return Optional.of(sorted.get(rank - 1));
    }

    public static Optional<Detection> bigWin(
            RuleSettings.Deals settings, String dealId, BigDecimal amount, List<BigDecimal> teamWonTrailing) {
        return percentile(settings, teamWonTrailing)
                .filter(p75 -> amount.compareTo(p75) > 0)
                .map(p75 -> new Detection(
                        SignalType.BIG_WIN,
                        SubjectKind.DEAL,
                        dealId,
                        Severity.INFO,
                        List.of(Evidence.of("amount", amount), Evidence.of("threshold", p75))));
    }
}
