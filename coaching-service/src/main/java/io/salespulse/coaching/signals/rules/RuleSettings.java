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
 * @param care       the care rules (after hours, rest, overload, energy, 1:1 cadence)
 * @param accounts   the customer success rules (renewals, quiet customers, health, churn, expansion)
 */
@ConfigurationProperties("salespulse.signals.rules")
public record RuleSettings(Deals deals, Objectives objectives, Windows windows, Care care, Accounts accounts) {

    /** Every default. */
    public static final RuleSettings DEFAULTS = new RuleSettings(null, null, null, null, null);

    /** These settings with a team's own thresholds over them ({@link TeamRules}, set through the roster API). */
    public RuleSettings forTeam(TeamRules team) {
        return team == null || team.equals(TeamRules.NONE)
                ? this
                : new RuleSettings(deals.forTeam(team), objectives.forTeam(team), windows, care, accounts);
    }

    public RuleSettings {
        deals = deals == null ? Deals.DEFAULTS : deals;
        objectives = objectives == null ? Objectives.DEFAULTS : objectives;
        windows = windows == null ? Windows.DEFAULTS : windows;
        care = care == null ? Care.DEFAULTS : care;
        accounts = accounts == null ? Accounts.DEFAULTS : accounts;
    }

    /**
     * The customer success rules (docs/kpis-and-signals.md, "Customer success signals").
     *
     * @param renewalHorizonDays a renewal this many days away or fewer is watched (90)
     * @param meetingDays        ...and at risk without a customer meeting held in this many days (30)
     * @param healthFloor        ...or with a health score under this (50)
     * @param detractorDays      ...or with an NPS answer of 6 or less within this many days (90)
     * @param urgentDays         a renewal at risk this many days away or fewer is critical (30)
     * @param quietDays          an account is gone quiet after this many days without a touch (30)
     * @param quietArrFloor      ...when its ARR (in any one currency) is at least this (10 000)
     * @param healthDropPoints   a health score this many points under its highest of the window has dropped (15)
     * @param healthDropDays     the window, in days (30)
     * @param churnNewsDays      a lost customer stays told for this many days (14)
     * @param newsDays           a fact is news (recognised) for this many days after it happened (7)
     * @param earlyRenewalDays   a renewal signed this many days or more before its term ended is early (30)
     */
    public record Accounts(
            Integer renewalHorizonDays,
            Integer meetingDays,
            Integer healthFloor,
            Integer detractorDays,
            Integer urgentDays,
            Integer quietDays,
            BigDecimal quietArrFloor,
            Integer healthDropPoints,
            Integer healthDropDays,
            Integer churnNewsDays,
            Integer newsDays,
            Integer earlyRenewalDays) {

        public static final Accounts DEFAULTS =
                new Accounts(null, null, null, null, null, null, null, null, null, null, null, null);

        public Accounts {
            renewalHorizonDays = renewalHorizonDays == null ? 90 : renewalHorizonDays;
            meetingDays = meetingDays == null ? 30 : meetingDays;
            healthFloor = healthFloor == null ? 50 : healthFloor;
            detractorDays = detractorDays == null ? 90 : detractorDays;
            urgentDays = urgentDays == null ? 30 : urgentDays;
            quietDays = quietDays == null ? 30 : quietDays;
            quietArrFloor = quietArrFloor == null ? new BigDecimal("10000") : quietArrFloor;
            healthDropPoints = healthDropPoints == null ? 15 : healthDropPoints;
            healthDropDays = healthDropDays == null ? 30 : healthDropDays;
            churnNewsDays = churnNewsDays == null ? 14 : churnNewsDays;
            newsDays = newsDays == null ? 7 : newsDays;
            earlyRenewalDays = earlyRenewalDays == null ? 30 : earlyRenewalDays;
        }
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

    /**
     * The care rules' thresholds (docs/kpis-and-signals.md, "Care signals").
     *
     * @param afterHoursFloor        the share of activity outside working hours over the recent window from which it
     *                               can be rising (0.20)...
     * @param afterHoursFactor       ...when it is also at least this many times the rep's own share before (2)
     * @param afterHoursWindowDays   the recent window, in the rep's working days (10)
     * @param baselineWeeks          the weeks before a window the rep's own share and usual week are measured on (8)
     * @param minActions             activities a window needs before a share is spoken of (20)
     * @param noRestDays             days in a row with activity that make no rest (12)
     * @param noDayOffWeeks          weeks without a day off (a day away, or a non-working day without activity) that
     *                               make no rest too (10)
     * @param overloadRatio          a week at or above this share of the rep's usual week is overloaded (1.4)...
     * @param overloadWeeks          ...so many weeks in a row (3)...
     * @param afterHoursRise         ...with the share of activity outside working hours up by at least this (0.05)
     * @param energyLow              an energy check at or below this is low; the last two low is a drop (2)
     * @param energyFall             a last check this far under the average of the four before is a drop too (2)
     * @param oneOnOneDaysOnboarding the longest gap between two 1:1s of a rep in onboarding, in days (7)
     * @param oneOnOneDaysJunior     ...of a junior (14)
     * @param oneOnOneDaysSenior     ...of a senior (28)
     * @param moraleMargin           the team pulse's week this far under its usual (or more) is a morale drop (0.5)
     * @param moraleBaselineWeeks    the weeks before it the usual is their mean over (6; three of them at least)
     */
    public record Care(
            BigDecimal afterHoursFloor,
            BigDecimal afterHoursFactor,
            Integer afterHoursWindowDays,
            Integer baselineWeeks,
            Integer minActions,
            Integer noRestDays,
            Integer noDayOffWeeks,
            BigDecimal overloadRatio,
            Integer overloadWeeks,
            BigDecimal afterHoursRise,
            Integer energyLow,
            Integer energyFall,
            Integer oneOnOneDaysOnboarding,
            Integer oneOnOneDaysJunior,
            Integer oneOnOneDaysSenior,
            BigDecimal moraleMargin,
            Integer moraleBaselineWeeks) {

        static final Care DEFAULTS = new Care(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        public Care {
            afterHoursFloor = afterHoursFloor == null ? new BigDecimal("0.20") : afterHoursFloor;
            afterHoursFactor = afterHoursFactor == null ? new BigDecimal("2") : afterHoursFactor;
            afterHoursWindowDays = afterHoursWindowDays == null ? 10 : afterHoursWindowDays;
            baselineWeeks = baselineWeeks == null ? 8 : baselineWeeks;
            minActions = minActions == null ? 20 : minActions;
            noRestDays = noRestDays == null ? 12 : noRestDays;
            noDayOffWeeks = noDayOffWeeks == null ? 10 : noDayOffWeeks;
            overloadRatio = overloadRatio == null ? new BigDecimal("1.4") : overloadRatio;
            overloadWeeks = overloadWeeks == null ? 3 : overloadWeeks;
            afterHoursRise = afterHoursRise == null ? new BigDecimal("0.05") : afterHoursRise;
            energyLow = energyLow == null ? 2 : energyLow;
            energyFall = energyFall == null ? 2 : energyFall;
            oneOnOneDaysOnboarding = oneOnOneDaysOnboarding == null ? 7 : oneOnOneDaysOnboarding;
            oneOnOneDaysJunior = oneOnOneDaysJunior == null ? 14 : oneOnOneDaysJunior;
            oneOnOneDaysSenior = oneOnOneDaysSenior == null ? 28 : oneOnOneDaysSenior;
            moraleMargin = moraleMargin == null ? new BigDecimal("0.5") : moraleMargin;
            moraleBaselineWeeks = moraleBaselineWeeks == null ? 6 : moraleBaselineWeeks;
        }

        /** The longest gap between two 1:1s for a rep led this way, the team's own cadence over the installation's. */
        public int oneOnOneDays(
                boolean onboarding,
                io.salespulse.contracts.org.Seniority seniority,
                io.salespulse.contracts.org.TeamCare team) {
            if (onboarding) {
                return team.oneOnOneDaysOnboarding() != null ? team.oneOnOneDaysOnboarding() : oneOnOneDaysOnboarding;
            }
            if (seniority == io.salespulse.contracts.org.Seniority.SENIOR) {
                return team.oneOnOneDaysSenior() != null ? team.oneOnOneDaysSenior() : oneOnOneDaysSenior;
            }
            return team.oneOnOneDaysJunior() != null ? team.oneOnOneDaysJunior() : oneOnOneDaysJunior;
        }
    }
}
