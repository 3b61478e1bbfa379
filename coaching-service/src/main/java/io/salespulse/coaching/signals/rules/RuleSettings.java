package io.salespulse.coaching.signals.rules;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.TeamRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The deal, objective and coverage thresholds and the rules' time windows (docs/kpis-and-signals.md), from
 * {@code salespulse.signals.rules.*}; a setting left out keeps its default. The activity rules' thresholds, per role
 * and seniority, are {@code ActivityThresholds}.
 *
 * @param deals      stalled, gone quiet, slipping, big win
 * @param objectives at risk, milestones, coverage
 * @param windows    how far back the rules look
 */
@ConfigurationProperties("salespulse.signals.rules")
public record RuleSettings(Deals deals, Objectives objectives, Windows windows) {

    /** Every default. */
    public static final RuleSettings DEFAULTS = new RuleSettings(null, null, null);

    /** These settings with a team's own thresholds over them ({@link TeamRules}, set through the roster API). */
    public RuleSettings forTeam(TeamRules team) {
        return team == null || team.equals(TeamRules.NONE)
                ? this
                : new RuleSettings(deals.forTeam(team), objectives.forTeam(team), windows);
    }

    public RuleSettings {
        deals = deals == null ? Deals.DEFAULTS : deals;
        objectives = objectives == null ? Objectives.DEFAULTS : objectives;
        windows = windows == null ? Windows.DEFAULTS : windows;
    }

    /**
     * @param stalledMinDays      a deal is stalled after more days than this in one stage (14), unless its stage has its
     *                            own {@code rottingDays}...
     * @param stalledMedianFactor ...and than this times the team's median days in that stage (1.5)
     * @param quietDays           gone quiet after this many days without a linked activity (14)
     * @param slippingPushes      slipping once its close date was pushed out this often (2)
     * @param bigWinMinSample     won deals the team needs in the window before a big win can be told (4)
     * @param bigWinPercentile    a big win is above this percentile of the team's won amounts (0.75)
     * @param rottingDays         days a deal may stay in a given stage before it is stalled (each stage: stalledMinDays)
     * @param closeDatePassedDays an open deal is flagged once its expected close date is this many days past (0: the day
     *                            after)
     */
    public record Deals(
            Long stalledMinDays,
            BigDecimal stalledMedianFactor,
            Long quietDays,
            Integer slippingPushes,
            Integer bigWinMinSample,
            BigDecimal bigWinPercentile,
            Map<DealStage, Long> rottingDays,
            Integer closeDatePassedDays) {

        static final Deals DEFAULTS = new Deals(null, null, null, null, null, null, null, null);

        public Deals {
            stalledMinDays = stalledMinDays == null ? 14L : stalledMinDays;
            stalledMedianFactor = stalledMedianFactor == null ? new BigDecimal("1.5") : stalledMedianFactor;
            quietDays = quietDays == null ? 14L : quietDays;
            slippingPushes = slippingPushes == null ? 2 : slippingPushes;
            bigWinMinSample = bigWinMinSample == null ? 4 : bigWinMinSample;
            bigWinPercentile = bigWinPercentile == null ? new BigDecimal("0.75") : bigWinPercentile;
            rottingDays = rottingDays == null ? Map.of() : Map.copyOf(rottingDays);
            closeDatePassedDays = closeDatePassedDays == null ? 0 : closeDatePassedDays;
        }

        /** Days a deal may stay in this stage before it is stalled. */
        public long rottingDays(DealStage stage) {
            return stage == null ? stalledMinDays : rottingDays.getOrDefault(stage, stalledMinDays);
        }

        /** These settings with a team's own thresholds over them. */
        public Deals forTeam(TeamRules team) {
            Map<DealStage, Long> rotting = new EnumMap<>(DealStage.class);
            rotting.putAll(rottingDays);
            team.rottingDays().forEach((stage, days) -> rotting.put(stage, days.longValue()));
            return new Deals(
                    stalledMinDays,
                    stalledMedianFactor,
                    team.quietDays() != null ? team.quietDays().longValue() : quietDays,
                    team.slippingPushes() != null ? team.slippingPushes() : slippingPushes,
                    bigWinMinSample,
                    team.bigWinPercentile() != null ? team.bigWinPercentile() : bigWinPercentile,
                    rotting,
                    team.closeDatePassedDays() != null ? team.closeDatePassedDays() : closeDatePassedDays);
        }
    }

    /**
     * @param minElapsed      an objective is judged at risk once this share of its period has elapsed (0.25)
     * @param milestones      the attainments recognised when crossed (0.5, 1, 1.5)
     * @param coverageMin     low coverage below this many times what is left to win (3)
     * @param coverageMinLeft ...while at least this share of the objective is left (0.25)
     */
    public record Objectives(
            BigDecimal minElapsed, List<BigDecimal> milestones, BigDecimal coverageMin, BigDecimal coverageMinLeft) {

        static final Objectives DEFAULTS = new Objectives(null, null, null, null);

        public Objectives {
            minElapsed = minElapsed == null ? new BigDecimal("0.25") : minElapsed;
            milestones = milestones == null || milestones.isEmpty()
                    ? List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("1.5"))
                    : List.copyOf(milestones);
            coverageMin = coverageMin == null ? new BigDecimal("3") : coverageMin;
            coverageMinLeft = coverageMinLeft == null ? new BigDecimal("0.25") : coverageMinLeft;
        }

        /** These settings with a team's own thresholds over them. */
        public Objectives forTeam(TeamRules team) {
            return team.coverageMin() == null
                    ? this
                    : new Objectives(minElapsed, milestones, team.coverageMin(), coverageMinLeft);
        }
    }

    /**
     * @param stageMedian  the trailing window of the team's median days in a stage (90 days)
     * @param bigWinSample the trailing window of the team's won amounts a big win is measured against (90 days)
     * @param bigWinNews   a win older than this when it arrives is not told as news (7 days)
     * @param backOnTrack  a rep is back on track when an activity drop or silence was resolved within this (14 days)
     * @param returnGraceDays working days after an absence on which no silence or activity drop is raised (2): a rep
     *                        back from leave first catches up
     * @param onboarding   a rep is in onboarding for this long after its start date (90 days): suggestions and 1:1
     *                     questions speak of its ramp
     * @param backfillSettle   after a backfill completes, its teams' rules stay quiet this long (2 minutes: the KPIs of
     *                         the history reach coaching-service), then judge each team once
     * @param backfillMaxQuiet a backfill never completed stops holding its teams' rules after this (6 hours)
     */
    public record Windows(
            Duration stageMedian,
            Duration bigWinSample,
            Duration bigWinNews,
            Duration backOnTrack,
            Integer returnGraceDays,
            Duration onboarding,
            Duration backfillSettle,
            Duration backfillMaxQuiet) {

        static final Windows DEFAULTS = new Windows(null, null, null, null, null, null, null, null);

        public Windows {
            stageMedian = stageMedian == null ? Duration.ofDays(90) : stageMedian;
            bigWinSample = bigWinSample == null ? Duration.ofDays(90) : bigWinSample;
            bigWinNews = bigWinNews == null ? Duration.ofDays(7) : bigWinNews;
            backOnTrack = backOnTrack == null ? Duration.ofDays(14) : backOnTrack;
            returnGraceDays = returnGraceDays == null ? 2 : returnGraceDays;
            onboarding = onboarding == null ? Duration.ofDays(90) : onboarding;
            backfillSettle = backfillSettle == null ? Duration.ofMinutes(2) : backfillSettle;
            backfillMaxQuiet = backfillMaxQuiet == null ? Duration.ofHours(6) : backfillMaxQuiet;
        }
    }
}
