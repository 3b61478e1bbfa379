package io.salespulse.localrun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.localrun.demo.DemoStory.Act;
import io.salespulse.localrun.demo.DemoStory.DealState;
import io.salespulse.localrun.demo.DemoStory.Plan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoStoryTest {

    static final Instant NOW = Instant.parse("2026-11-26T14:00:00Z");

    @Test
    void aSeedGivesTheSameStoryAndAnotherSeedAnotherOne() {
        assertThat(DemoStory.plan(42, NOW)).isEqualTo(DemoStory.plan(42, NOW));
        assertThat(DemoStory.plan(43, NOW).activityHistory())
                .isNotEqualTo(DemoStory.plan(42, NOW).activityHistory());
    }

    @Test
    void theStorylinesAreInTheData() {
        Plan plan = DemoStory.plan(42, NOW);
        List<Act> lea = plan.activityHistory().stream()
                .flatMap(List::stream)
                .filter(a -> a.repId().equals("sdr-lea"))
                .toList();
        Instant lastWeek = Instant.parse("2026-11-19T00:00:00Z");
        long before = lea.stream()
                .filter(a -> a.at().isBefore(lastWeek) && a.kind() == DemoStory.Kind.CALL)
                .count();
        long after = lea.stream()
                .filter(a -> !a.at().isBefore(lastWeek) && a.kind() == DemoStory.Kind.CALL)
                .count();
        // 15 usual days, then 5 at a quarter of the pace.
        assertThat((double) after / 5).isLessThan(0.35 * before / 15);

        List<DealState> globex = plan.dealHistory().stream()
                .filter(d -> d.title().startsWith("Globex — plateforme"))
                .toList();
        assertThat(globex)
                .extracting(DealState::stage)
                .containsExactly("QUALIFIED", "DISCOVERY", "PROPOSAL", "NEGOTIATION", "NEGOTIATION", "NEGOTIATION");
        assertThat(globex.get(4).close()).isAfter(globex.get(3).close());
        assertThat(globex.get(5).close()).isAfter(globex.get(4).close());

        assertThat(plan.lateActivity())
                .hasSize(5)
                .allSatisfy(day -> assertThat(day).allMatch(a -> a.repId().equals("sdr-ethan")));
        assertThat(plan.liveDeals())
                .extracting(DealState::repId, DealState::stage, DealState::amount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ae-marc", "WON", DemoStory.MARC_BIG_WIN),
                        org.assertj.core.groups.Tuple.tuple("ae-olivia", "WON", DemoStory.OLIVIA_CLOSING));
        DemoStory.Objective olivia = plan.objectives().stream()
                .filter(o -> o.scopeId().equals("ae-olivia"))
                .findFirst()
                .orElseThrow();
        long wonThisMonth = plan.dealHistory().stream()
                .filter(d -> d.repId().equals("ae-olivia")
                        && d.stage().equals("WON")
                        && !d.at().isBefore(Instant.parse("2026-11-01T05:00:00Z")))
                .mapToLong(DealState::amount)
                .sum();
        assertThat(wonThisMonth).isLessThan(olivia.target());
        assertThat(wonThisMonth + DemoStory.OLIVIA_CLOSING).isGreaterThanOrEqualTo(olivia.target());
    }
}
