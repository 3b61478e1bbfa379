package io.salespulse.coaching.signals.rules;

import io.salespulse.coaching.projection.DealView;

import io.salespulse.contracts.signal.Evidence;
import io.salespulse.contracts.signal.Severity;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deal rules: stalled in a stage (longer than 14 days and than 1.5x the team's median for that stage), gone quiet
 * (no linked activity for 14 days), close date slipping (pushed out twice or more), and the big win (above the
 * team's 75th percentile of won amounts, trailing 90 days). Pure.
 */
public final class DealRules {

    public static final long STALLED_MIN_DAYS = 14;
    public static final BigDecimal STALLED_MEDIAN_FACTOR = new BigDecimal("1.5");
    public static final long QUIET_DAYS = 14;
    public static final int SLIPPING_PUSHES = 2;
    public static final int BIG_WIN_MIN_SAMPLE = 4;

    private DealRules() {
    }

    public static Optional<Detection> stalled(DealView deal, BigDecimal teamMedianDays, Instant now) {
        if (!deal.open() || deal.stageSince() == null) {
            return Optional.empty();
        }
        long days = Duration.between(deal.stageSince(), now).toDays();
        BigDecimal limit = BigDecimal.valueOf(STALLED_MIN_DAYS);
        if (teamMedianDays != null) {
            limit = limit.max(teamMedianDays.multiply(STALLED_MEDIAN_FACTOR).setScale(1, RoundingMode.HALF_UP));
        }
        if (BigDecimal.valueOf(days).compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(SignalType.STALLED_DEAL, SubjectKind.DEAL, deal.dealId(), Severity.WARNING,
                List.of(Evidence.of("daysInStage", days), Evidence.of("threshold", limit))));
    }

    public static Optional<Detection> goneQuiet(DealView deal, Instant now) {
        if (!deal.open() || deal.lastActivityAt() == null) {
            return Optional.empty();
        }
        long days = Duration.between(deal.lastActivityAt(), now).toDays();
        return days >= QUIET_DAYS ? Optional.of(new Detection(SignalType.DEAL_GONE_QUIET, SubjectKind.DEAL, deal.dealId(),
                Severity.WARNING, List.of(Evidence.of("daysWithoutActivity", days), Evidence.of("threshold", QUIET_DAYS))))
                : Optional.empty();
    }

    public static Optional<Detection> closeDateSlipping(DealView deal) {
        return deal.open() && deal.pushes() >= SLIPPING_PUSHES
                ? Optional.of(new Detection(SignalType.CLOSE_DATE_SLIPPING, SubjectKind.DEAL, deal.dealId(), Severity.WARNING,
                List.of(Evidence.of("pushes", deal.pushes()), Evidence.of("threshold", SLIPPING_PUSHES))))
                : Optional.empty();
    }

    /** The 75th percentile (nearest rank) of the team's won amounts; empty below a minimal sample. */
    public static Optional<BigDecimal> p75(List<BigDecimal> wonAmounts) {
        if (wonAmounts.size() < BIG_WIN_MIN_SAMPLE) {
            return Optional.empty();
        }
        List<BigDecimal> sorted = wonAmounts.stream().sorted().toList();
        int rank = (int) Math.ceil(0.75 * sorted.size());
        return Optional.of(sorted.get(rank - 1));
    }

    public static Optional<Detection> bigWin(String dealId, BigDecimal amount, List<BigDecimal> teamWonTrailing90Days) {
        return p75(teamWonTrailing90Days).filter(p75 -> amount.compareTo(p75) > 0)
                .map(p75 -> new Detection(SignalType.BIG_WIN, SubjectKind.DEAL, dealId, Severity.INFO,
                        List.of(Evidence.of("amount", amount), Evidence.of("threshold", p75))));
    }
}
