package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.coaching.projection.DealView;
import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.signal.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveAndDealRulesTest {

    static final RuleSettings.Objectives O = RuleSettings.DEFAULTS.objectives();
    static final RuleSettings.Deals D = RuleSettings.DEFAULTS.deals();

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static ObjectiveProgressed progress(String attainment, String elapsed, ObjectiveStatus status) {
        return new ObjectiveProgressed(
                "o",
                ObjectiveScope.REP,
                "r",
                "t",
                ObjectiveMetric.CALLS,
                new BigDecimal("100"),
                new BigDecimal(attainment).movePointRight(2),
                new BigDecimal(attainment),
                new BigDecimal(elapsed),
                null,
                null,
                status,
                null,
                NOW);
    }

    @Test
    void objectiveAtRiskOnlyOnceAQuarterHasElapsed() {
        assertThat(ObjectiveRules.atRisk(O, progress("0.1", "0.25", ObjectiveStatus.AT_RISK)))
                .get()
                .extracting(Detection::severity)
                .isEqualTo(Severity.WARNING);
        assertThat(ObjectiveRules.atRisk(O, progress("0.1", "0.2499", ObjectiveStatus.OFF_TRACK)))
                .isEmpty();
        assertThat(ObjectiveRules.atRisk(O, progress("0.1", "0.26", ObjectiveStatus.OFF_TRACK)))
                .get()
                .extracting(Detection::severity)
                .isEqualTo(Severity.CRITICAL);
        assertThat(ObjectiveRules.atRisk(O, progress("0.5", "0.5", ObjectiveStatus.ON_TRACK)))
                .isEmpty();
    }

    @Test
    void aShareIsToldAchievedOnlyOnceItsPeriodIsOverNeverHalfWay() {
        java.util.function.Function<ObjectiveStatus, ObjectiveProgressed> nrr = status -> new ObjectiveProgressed(
                "nrr",
                ObjectiveScope.REP,
                "r",
                "t",
                ObjectiveMetric.NRR,
                new BigDecimal("0.95"),
                new BigDecimal("0.97"),
                new BigDecimal("1.0211"),
                new BigDecimal("0.5"),
                new BigDecimal("0.97"),
                new BigDecimal("1.0211"),
                status,
                null,
                NOW);
        // 102% of the target half way: a share is not climbed towards, nothing to tell yet.
        assertThat(ObjectiveRules.milestone(O, new BigDecimal("0.4"), null, nrr.apply(ObjectiveStatus.ON_TRACK)))
                .isEmpty();
        assertThat(ObjectiveRules.milestone(O, new BigDecimal("1.0211"), null, nrr.apply(ObjectiveStatus.ACHIEVED)))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("nrr@100");
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("1.0211"), BigDecimal.ONE, nrr.apply(ObjectiveStatus.ACHIEVED)))
                .isEmpty();
    }

    @Test
    void milestonesFireOnTheCrossingOnly() {
        assertThat(ObjectiveRules.milestone(
                        O,
                        new BigDecimal("0.99"),
                        new BigDecimal("0.5"),
                        progress("1.0", "0.9", ObjectiveStatus.ACHIEVED)))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("o@100");
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("1.0"), BigDecimal.ONE, progress("1.2", "0.9", ObjectiveStatus.ACHIEVED)))
                .isEmpty();
        // First figures: a starting point; only its highest milestone from 100% up is news.
        assertThat(ObjectiveRules.milestone(O, null, null, progress("1.6", "0.9", ObjectiveStatus.ACHIEVED)))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("o@150");
        assertThat(ObjectiveRules.milestone(O, null, null, progress("1.2", "0.9", ObjectiveStatus.ACHIEVED)))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("o@100");
        assertThat(ObjectiveRules.milestone(O, null, null, progress("0.7", "0.6", ObjectiveStatus.ON_TRACK)))
                .isEmpty();
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("0.2"), null, progress("0.4999", "0.3", ObjectiveStatus.AT_RISK)))
                .isEmpty();
    }

    @Test
    void aJumpOverSeveralMilestonesTellsOnlyTheHighestAndNoneIsToldAfterAHigherOne() {
        // 40% to 110% in one win: the objective is achieved; 50% is not news any more.
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("0.4"), null, progress("1.1", "0.6", ObjectiveStatus.ACHIEVED)))
                .get()
                .satisfies(d -> assertThat(d.subjectId()).isEqualTo("o@100"))
                .satisfies(d -> assertThat(d.evidence())
                        .anySatisfy(e -> assertThat(e.name()).isEqualTo("attainment")));
        // 40% to 90%: 50% is the highest crossed, told with the attainment it now is.
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("0.4"), null, progress("0.9", "0.6", ObjectiveStatus.ON_TRACK)))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("o@50");
        // 100% was told, the target was raised (back to 40%), then 60%: 50% is crossed again but never told after 100%.
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("0.4"), BigDecimal.ONE, progress("0.6", "0.6", ObjectiveStatus.ON_TRACK)))
                .isEmpty();
        // ...and 150% is still news once reached.
        assertThat(ObjectiveRules.milestone(
                        O, new BigDecimal("0.6"), BigDecimal.ONE, progress("1.5", "0.9", ObjectiveStatus.ACHIEVED)))
                .get()
                .extracting(Detection::subjectId)
                .isEqualTo("o@150");
    }

    private static final java.time.LocalDate TODAY = java.time.LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC);

    private static DealView deal(long daysInStage, long quietDays, int pushes) {
        return new DealView(
                "d",
                true,
                "PROPOSAL",
                NOW.minusSeconds(daysInStage * 86400),
                NOW.minusSeconds(quietDays * 86400),
                pushes);
    }

    @Test
    void stalledAfterFourteenDaysOrOneAndAHalfMedians() {
        assertThat(DealRules.stalled(D, deal(14, 0, 0), null, java.time.ZoneOffset.UTC, TODAY))
                .isEmpty();
        assertThat(DealRules.stalled(D, deal(15, 0, 0), null, java.time.ZoneOffset.UTC, TODAY))
                .isPresent();
        // Median 20 days: the limit is 30.
        assertThat(DealRules.stalled(D, deal(30, 0, 0), new BigDecimal("20"), java.time.ZoneOffset.UTC, TODAY))
                .isEmpty();
        assertThat(DealRules.stalled(D, deal(31, 0, 0), new BigDecimal("20"), java.time.ZoneOffset.UTC, TODAY))
                .isPresent();
        // A short median never lowers the 14-day floor.
        assertThat(DealRules.stalled(D, deal(10, 0, 0), new BigDecimal("2"), java.time.ZoneOffset.UTC, TODAY))
                .isEmpty();
    }

    @Test
    void eachStageRotsAfterItsOwnDaysAndATeamsSettingWins() {
        RuleSettings.Deals configured = new RuleSettings.Deals(
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.Map.of(io.salespulse.contracts.deal.DealStage.PROPOSAL, 21L),
                null);
        assertThat(DealRules.stalled(configured, deal(20, 0, 0), null, java.time.ZoneOffset.UTC, TODAY))
                .isEmpty();
        assertThat(DealRules.stalled(configured, deal(22, 0, 0), null, java.time.ZoneOffset.UTC, TODAY))
                .get()
                .satisfies(d ->
                        assertThat(d.evidence()).contains(io.salespulse.contracts.signal.Evidence.of("threshold", 21)));
        // The team asks for 10 days in PROPOSAL: its setting wins over the installation's 21.
        RuleSettings.Deals team = configured.forTeam(new io.salespulse.contracts.org.TeamRules(
                java.util.Map.of(io.salespulse.contracts.deal.DealStage.PROPOSAL, 10),
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        assertThat(DealRules.stalled(team, deal(11, 0, 0), null, java.time.ZoneOffset.UTC, TODAY))
                .isPresent();
        assertThat(team.rottingDays(io.salespulse.contracts.deal.DealStage.DISCOVERY))
                .isEqualTo(14);
    }

    @Test
    void aCloseDateGoneByFlagsAnOpenDealOnlyAfterTheGraceDays() {
        java.time.LocalDate today = java.time.LocalDate.parse("2026-11-26");
        DealView due = new DealView("d", true, "NEGOTIATION", NOW, NOW, 0, "Acme", null, today.minusDays(1));
        assertThat(DealRules.closeDatePassed(D, due, today))
                .get()
                .satisfies(d -> assertThat(d.evidence())
                        .contains(io.salespulse.contracts.signal.Evidence.of("daysPastCloseDate", 1)));
        assertThat(DealRules.closeDatePassed(
                        D, new DealView("d", true, "NEGOTIATION", NOW, NOW, 0, "Acme", null, today), today))
                .isEmpty();
        RuleSettings.Deals grace =
                D.forTeam(new io.salespulse.contracts.org.TeamRules(null, null, null, 3, null, null, null, null));
        assertThat(DealRules.closeDatePassed(grace, due, today)).isEmpty();
        assertThat(DealRules.closeDatePassed(
                        D, new DealView("d", false, "WON", NOW, NOW, 0, "Acme", null, today.minusDays(9)), today))
                .isEmpty();
    }

    @Test
    void quietAfterFourteenDaysAndSlippingFromTwoPushes() {
        assertThat(DealRules.goneQuiet(D, deal(0, 13, 0), NOW)).isEmpty();
        assertThat(DealRules.goneQuiet(D, deal(0, 14, 0), NOW)).isPresent();
        assertThat(DealRules.closeDateSlipping(D, deal(0, 0, 1))).isEmpty();
        assertThat(DealRules.closeDateSlipping(D, deal(0, 0, 2))).isPresent();
        assertThat(DealRules.closeDateSlipping(D, new DealView("d", false, "WON", NOW, NOW, 3)))
                .isEmpty();
    }

    @Test
    void bigWinAboveTheSeventyFifthPercentileWithEnoughHistory() {
        List<BigDecimal> won =
                List.of(new BigDecimal("10"), new BigDecimal("20"), new BigDecimal("30"), new BigDecimal("40"));
        assertThat(DealRules.percentile(D, won)).contains(new BigDecimal("30"));
        assertThat(DealRules.bigWin(D, "d", new BigDecimal("30"), won)).isEmpty();
        assertThat(DealRules.bigWin(D, "d", new BigDecimal("30.01"), won)).isPresent();
        assertThat(DealRules.bigWin(D, "d", new BigDecimal("1000"), won.subList(0, 3)))
                .isEmpty();
    }

    @Test
    void lowCoverageBelowThreeTimesWhatIsLeftWhileAQuarterIsLeft() {
        // Target 100k, 40k won: 60k left. 180k expected is exactly 3x: fine; 179.99k is not.
        assertThat(ObjectiveRules.lowCoverage(
                        O, "o", new BigDecimal("100000"), new BigDecimal("40000"), new BigDecimal("180000")))
                .isEmpty();
        assertThat(ObjectiveRules.lowCoverage(
                        O, "o", new BigDecimal("100000"), new BigDecimal("40000"), new BigDecimal("179000")))
                .isPresent();
        // 25% left exactly still counts; less does not.
        assertThat(ObjectiveRules.lowCoverage(
                        O, "o", new BigDecimal("100000"), new BigDecimal("75000"), BigDecimal.ZERO))
                .isPresent();
        assertThat(ObjectiveRules.lowCoverage(
                        O, "o", new BigDecimal("100000"), new BigDecimal("75001"), BigDecimal.ZERO))
                .isEmpty();
    }

    @Test
    void aConfiguredThresholdReplacesItsDefaultAndLeavesTheOthers() {
        RuleSettings configured = new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                java.util.Map.of(
                                        "salespulse.signals.rules.deals.quiet-days", "21",
                                        "salespulse.signals.rules.objectives.coverage-min", "2")))
                .bind("salespulse.signals.rules", RuleSettings.class)
                .get();
        assertThat(DealRules.goneQuiet(configured.deals(), deal(0, 20, 0), NOW)).isEmpty();
        assertThat(DealRules.goneQuiet(configured.deals(), deal(0, 21, 0), NOW)).isPresent();
        assertThat(configured.deals().stalledMinDays()).isEqualTo(14);
        assertThat(configured.objectives().coverageMin()).isEqualByComparingTo("2");
        assertThat(configured.objectives().milestones()).isEqualTo(O.milestones());
        assertThat(configured.windows()).isEqualTo(RuleSettings.DEFAULTS.windows());
    }
}
