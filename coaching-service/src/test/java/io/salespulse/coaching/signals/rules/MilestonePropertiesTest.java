package io.salespulse.coaching.signals.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.kpi.ObjectiveProgressed;
import io.salespulse.contracts.kpi.ObjectiveStatus;
import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever way an objective's attainment moves (up, down after a target raised, in jumps), the milestones told for it
 * are in order: each once, each higher than every one told before, and reaching 100% never told as 50% first.
 */
class MilestonePropertiesTest {

    private static final RuleSettings.Objectives O = RuleSettings.DEFAULTS.objectives();

    private static ObjectiveProgressed progress(BigDecimal attainment) {
        return new ObjectiveProgressed(
                "o",
                ObjectiveScope.REP,
                "r",
                "t",
                ObjectiveMetric.CALLS,
                new BigDecimal("100"),
                attainment.movePointRight(2),
                attainment,
                new BigDecimal("0.5"),
                null,
                null,
                ObjectiveStatus.ON_TRACK,
                null,
                Instant.parse("2027-11-17T10:00:00Z"));
    }

    @Property
    void milestonesAreToldInOrderEachOnce(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 220) Integer> percents) {
        BigDecimal previous = null;
        BigDecimal highestTold = null;
        List<BigDecimal> told = new ArrayList<>();
        for (int percent : percents) {
            BigDecimal attainment = BigDecimal.valueOf(percent).movePointLeft(2);
            Optional<Detection> detection = ObjectiveRules.milestone(O, previous, highestTold, progress(attainment));
            if (detection.isPresent()) {
                BigDecimal milestone = detection.get().evidence().get(0).value();
                assertThat(attainment).as("a milestone is crossed when told").isGreaterThanOrEqualTo(milestone);
                if (highestTold != null) {
                    assertThat(milestone).as("never one after a higher one").isGreaterThan(highestTold);
                }
                // Only the highest crossed: no milestone between it and the attainment.
                for (BigDecimal m : O.milestones()) {
                    if (m.compareTo(milestone) > 0) {
                        assertThat(attainment).isLessThan(m);
                    }
                }
                told.add(milestone);
                highestTold = milestone;
            }
            previous = attainment;
        }
        assertThat(told).doesNotHaveDuplicates().isSorted();
    }
}
