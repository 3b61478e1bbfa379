package io.salespulse.coaching.signals;

import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.contracts.signal.SignalType;
import io.salespulse.contracts.signal.SubjectKind;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a director reads first of its teams' signals: how many weak signals are open in each team under the unit, by
 * type, against a week ago (docs/kpis-and-signals.md, "Units"). Counts, never a person: no rep is named, and care
 * signals are never counted (they are between a rep and its managers). The signals about a team itself are listed, for
 * the director to acknowledge.
 */
@RestController
class UnitSignalsController {

    private final RosterStore roster;
    private final SignalStore book;
    private final Clock clock;

    UnitSignalsController(RosterStore roster, SignalStore book, Clock clock) {
        this.roster = roster;
        this.book = book;
        this.clock = clock;
    }

    /**
     * The heatmap.
     *
     * @param at      when it was counted
     * @param weekAgo what {@code weekAgo} counts compare with
     * @param types   the types with an open signal somewhere under the unit (its columns), in the contract's order
     * @param teams   each team under the unit, the most open signals first
     * @param totals  each type's open signals across the unit
     */
    record Heatmap(
            String unitId,
            Instant at,
            Instant weekAgo,
            List<SignalType> types,
            List<TeamRow> teams,
            Map<SignalType, Long> totals) {}

    /**
     * A team's row.
     *
     * @param open        its open weak signals (acknowledged ones included) by type
     * @param total       their number
     * @param weekAgo     how many were open a week ago
     * @param teamSignals the open signals about the team itself (not about one of its people)
     */
    record TeamRow(
            String teamId,
            String name,
            Map<SignalType, Long> open,
            long total,
            long weekAgo,
            List<Signal> teamSignals) {}

    @Operation(summary = "A unit's open weak signals by team and type, against a week ago (never a care signal)")
    @GetMapping("/api/v1/units/{unitId}/signals/heatmap")
    Heatmap heatmap(@PathVariable @Bounded String unitId) {
        OrgTree tree = roster.tree();
        UnitChanged unit = tree.unit(unitId).orElseThrow(() -> new NotFoundException("No unit " + unitId));
        Set<String> teamIds = tree.teamsUnder(unit.unitId());
        Instant now = clock.instant();
        Instant weekAgo = now.minus(Duration.ofDays(7));
        List<Signal> signals = teamIds.isEmpty() ? List.of() : book.weakOpenSince(teamIds, weekAgo);
        Set<SignalType> types = new TreeSet<>();
        Map<SignalType, Long> totals = new EnumMap<>(SignalType.class);
        List<TeamRow> rows = new ArrayList<>();
        for (String teamId : teamIds) {
            Map<SignalType, Long> open = new EnumMap<>(SignalType.class);
            long before = 0;
            List<Signal> aboutTeam = new ArrayList<>();
            for (Signal signal : signals) {
                if (!teamId.equals(signal.teamId())) {
                    continue;
                }
                if (openAt(signal, now)) {
                    open.merge(signal.type(), 1L, Long::sum);
                    totals.merge(signal.type(), 1L, Long::sum);
                    types.add(signal.type());
                    if (signal.subjectKind() == SubjectKind.TEAM) {
                        aboutTeam.add(signal);
                    }
                }
                before += openAt(signal, weekAgo) ? 1 : 0;
            }
            rows.add(new TeamRow(
                    teamId,
                    roster.team(teamId).map(TeamChanged::name).orElse(teamId),
                    open,
                    open.values().stream().mapToLong(Long::longValue).sum(),
                    before,
                    aboutTeam));
        }
        rows.sort(Comparator.comparingLong(TeamRow::total).reversed().thenComparing(TeamRow::name));
        return new Heatmap(unitId, now, weekAgo, List.copyOf(types), rows, totals);
    }

    /** Whether the signal was open (raised, not yet resolved) at that instant. */
    static boolean openAt(Signal signal, Instant at) {
        return !signal.raisedAt().isAfter(at)
                && (signal.resolvedAt() == null || signal.resolvedAt().isAfter(at));
    }
}
