package io.salespulse.kpi.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.accounts.AccountBook;
import io.salespulse.kpi.activity.Counter;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.changes.FigureChanges;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import io.salespulse.kpi.pipeline.PipelineReview;
import io.salespulse.kpi.report.TeamPipeline;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gauges cost what changed: a refresh with nothing new reads nothing; a team counting named is computed again,
 * and only it; anything else changing, a new day or rows too old recompute every team.
 */
class KpiGaugesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    private final RosterStore roster = mock(RosterStore.class);
    private final RepDayStore repDays = mock(RepDayStore.class);
    private final AccountBook accounts = mock(AccountBook.class);
    private final FigureChanges changes = new FigureChanges();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static TeamChanged team(String id) {
        return new TeamChanged(
                id,
                id,
                "UTC",
                null,
                List.of("mgr-" + id),
                null,
                null,
                null,
                null,
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private KpiGauges gauges(long maxAgeMillis) {
        when(roster.teams()).thenReturn(List.of(team("team-a"), team("team-b")));
        when(accounts.facts(any())).thenReturn(List.of());
        when(repDays.teamDays(eq("team-a"), eq(TODAY), eq(TODAY)))
                .thenReturn(List.of(new RepDay("r1", "team-a", TODAY, Map.of("calls", 3L), 3)));
        return new KpiGauges(
                roster,
                repDays,
                mock(TeamPipeline.class, RETURNS_DEEP_STUBS),
                mock(ObjectiveTracker.class, RETURNS_DEEP_STUBS),
                mock(PipelineReview.class, RETURNS_DEEP_STUBS),
                accounts,
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC),
                meters,
                changes,
                false,
                maxAgeMillis);
    }

    private double calls(String team) {
        return meters.get("salespulse.team.activity.today")
                .tags("team", team, "metric", Counter.calls.name())
                .gauge()
                .value();
    }

    @Test
    void aRefreshReadsOnlyWhatChanged() {
        KpiGauges gauges = gauges(600_000);
        gauges.refresh();
        assertThat(calls("team-a")).isEqualTo(3);
        verify(repDays, times(1)).teamDays("team-a", TODAY, TODAY);
        verify(repDays, times(1)).teamDays("team-b", TODAY, TODAY);

        gauges.refresh();
        verify(repDays, times(1)).teamDays("team-a", TODAY, TODAY);
        verify(repDays, times(1)).teamDays("team-b", TODAY, TODAY);

        changes.team("team-a");
        when(repDays.teamDays(eq("team-a"), eq(TODAY), eq(TODAY)))
                .thenReturn(List.of(new RepDay("r1", "team-a", TODAY, Map.of("calls", 4L), 4)));
        gauges.refresh();
        assertThat(calls("team-a")).isEqualTo(4);
        verify(repDays, times(2)).teamDays("team-a", TODAY, TODAY);
        verify(repDays, times(1)).teamDays("team-b", TODAY, TODAY);

        changes.anyTeam();
        gauges.refresh();
        verify(repDays, times(3)).teamDays("team-a", TODAY, TODAY);
        verify(repDays, times(2)).teamDays("team-b", TODAY, TODAY);
    }

    @Test
    void rowsOlderThanTheirMaximumAgeAreComputedAgain() {
        KpiGauges gauges = gauges(0);
        gauges.refresh();
        gauges.refresh();
        verify(repDays, times(2)).teamDays("team-b", TODAY, TODAY);
    }
}
