package io.salespulse.kpi.report;

import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.UnitChanged;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import io.salespulse.kpi.pipeline.CallRequest;
import io.salespulse.kpi.pipeline.ForecastCalls;
import io.salespulse.kpi.pipeline.PipelineReview;
import io.salespulse.kpi.rates.Conversion;
import io.salespulse.kpi.rates.ExchangeRates;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's figures: its teams side by side and its total in its reporting currency, and its forecast hierarchy (the
 * director's call for the unit beside its managers' calls for their teams and its reps' for themselves, with each
 * caller's accuracy over past periods).
 */
@RestController
class UnitsController {

    static final int MAX_ACCURACY_PERIODS = 12;

    private final RosterStore roster;
    private final UnitRollups rollups;
    private final KpiController kpis;
    private final ForecastCalls calls;
    private final PipelineReview review;
    private final ExchangeRates rates;
    private final Clock clock;

    UnitsController(
            RosterStore roster,
            UnitRollups rollups,
            KpiController kpis,
            ForecastCalls calls,
            PipelineReview review,
            ExchangeRates rates,
            Clock clock) {
        this.roster = roster;
        this.rollups = rollups;
        this.kpis = kpis;
        this.calls = calls;
        this.review = review;
        this.rates = rates;
        this.clock = clock;
    }

    @Operation(summary = "A unit's roll-up for a day, week, month or quarter, its teams side by side")
    @GetMapping("/api/v1/units/{unitId}/rollup")
    UnitRollups.Rollup rollup(
            @PathVariable @Bounded String unitId,
            @RequestParam(defaultValue = "week") String period,
            @RequestParam(required = false) String date) {
        UnitChanged unit = unit(unitId);
        PeriodKind kind = KpiController.kind(period);
        return rollups.of(unit, kind, kpis.date(date, ZoneId.of(unit.timezone())));
    }

    @Operation(summary = "Record the director's call for the unit's quarter")
    @PutMapping("/api/v1/units/{unitId}/forecast/call")
    ForecastCalls.Call call(@PathVariable @Bounded String unitId, @Valid @RequestBody CallRequest request) {
        UnitChanged unit = unit(unitId);
        LocalDate today = rollups.today(unit);
        Period period = Period.containing(
                request.period() == null
                        ? PeriodKind.QUARTER
                        : PeriodKind.valueOf(request.period().toUpperCase(Locale.ROOT)),
                today);
        return calls.put(
                ForecastCalls.Level.UNIT,
                unitId,
                null,
                period.from(),
                period.to(),
                Period.containing(PeriodKind.WEEK, today).from(),
                Caller.current().map(Caller::subject).orElse("anonymous"),
                request.amount(),
                request.currency(),
                request.note(),
                clock.instant());
    }

    /**
     * A unit's forecast hierarchy for a period.
     *
     * @param figures   the unit's forecast by category against quota, converted (as in its roll-up)
     * @param calls     the calls for the unit this period (history included), oldest first
     * @param units     each unit directly under it: its figures and the call in force for it
     * @param teams     each team under it: its figures, its managers' call in force, its reps' calls in force
     * @param accuracy  each caller's accuracy over past periods: for this unit and the units under it, for its teams, and
     *                  for its reps
     */
    record UnitForecast(
            String unitId,
            String name,
            String currency,
            PeriodKind period,
            LocalDate from,
            LocalDate to,
            LocalDate rateDay,
            UnitRollups.ForecastFigures figures,
            List<ForecastCalls.Call> calls,
            List<UnitCall> units,
            List<TeamCall> teams,
            List<ForecastCalls.Accuracy> accuracy) {}

    /** A unit under, its figures and the call in force for it (null: none this period). */
    record UnitCall(String unitId, String name, UnitRollups.ForecastFigures figures, ForecastCalls.Call call) {}

    /** A team under, its figures, its manager's call in force and each of its reps' calls in force. */
    record TeamCall(
            String teamId,
            String name,
            UnitRollups.ForecastFigures figures,
            ForecastCalls.Call call,
            List<ForecastCalls.Call> repCalls) {}

    @Operation(summary = "A unit's forecast with the calls of every level under it and their accuracy")
    @GetMapping("/api/v1/units/{unitId}/forecast")
    UnitForecast forecast(
            @PathVariable @Bounded String unitId,
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "4") int periods) {
        if (periods < 1 || periods > MAX_ACCURACY_PERIODS) {
            throw new InvalidRequestException("periods", "must be between 1 and " + MAX_ACCURACY_PERIODS);
        }
        String value = period.toUpperCase(Locale.ROOT);
        if (!value.equals("MONTH") && !value.equals("QUARTER")) {
            throw new InvalidRequestException("period", "must be month or quarter");
        }
        UnitChanged unit = unit(unitId);
        PeriodKind kind = PeriodKind.valueOf(value);
        LocalDate day = kpis.date(date, ZoneId.of(unit.timezone()));
        UnitRollups.Rollup rollup = rollups.of(unit, kind, day);
        Period range = Period.containing(kind, day);
        OrgTree tree = roster.tree();
        List<UnitCall> units = new ArrayList<>();
        for (UnitRollups.UnitLine child : rollup.units()) {
            units.add(new UnitCall(
                    child.unitId(),
                    child.name(),
                    child.figures().forecast(),
                    ForecastCalls.latest(calls.of(ForecastCalls.Level.UNIT, child.unitId(), range.from(), range.to()))
                            .get(child.unitId())));
        }
        List<TeamCall> teams = new ArrayList<>();
        List<ForecastCalls.Accuracy> accuracy = new ArrayList<>();
        List<String> unitIds = new ArrayList<>(List.of(unitId));
        unitIds.addAll(tree.children(unitId));
        accuracy.addAll(calls.accuracy(
                ForecastCalls.Level.UNIT,
                Criteria.where("subjectId").in(unitIds),
                rollups.today(unit),
                periods,
                (call, currency) -> wonByUnit(call, currency)));
        for (UnitRollups.TeamLine team : rollup.teams()) {
            teams.add(new TeamCall(
                    team.teamId(),
                    team.name(),
                    team.figures().forecast(),
                    ForecastCalls.latest(calls.of(team.teamId(), range.from(), range.to()))
                            .get(team.teamId()),
                    List.copyOf(ForecastCalls.latest(calls.ofRepsOf(team.teamId(), range.from(), range.to()))
                            .values())));
        }
        List<String> teamIds =
                rollup.teams().stream().map(UnitRollups.TeamLine::teamId).toList();
        accuracy.addAll(calls.accuracy(
                ForecastCalls.Level.TEAM,
                Criteria.where("teamId").in(teamIds),
                rollups.today(unit),
                periods,
                (call, currency) -> review.won(
                        call.subject(),
                        LocalDate.parse(call.periodFrom()),
                        LocalDate.parse(call.periodTo()),
                        currency)));
        accuracy.addAll(calls.accuracy(
                ForecastCalls.Level.REP,
                Criteria.where("teamId").in(teamIds),
                rollups.today(unit),
                periods,
                (call, currency) -> review.wonByRep(
                        call.subject(),
                        LocalDate.parse(call.periodFrom()),
                        LocalDate.parse(call.periodTo()),
                        currency)));
        return new UnitForecast(
                unitId,
                unit.name(),
                unit.reportingCurrency(),
                kind,
                range.from(),
                range.to(),
                rollup.rateDay(),
                rollup.total().forecast(),
                calls.of(ForecastCalls.Level.UNIT, unitId, range.from(), range.to()),
                units,
                teams,
                accuracy);
    }

    /**
     * What a unit's teams (as the tree is now) won in the call's period, in the call's currency at the rates of the
     * period's last day; null when a rate is missing (the call is then not judged).
     */
    private BigDecimal wonByUnit(ForecastCalls.Call call, String currency) {
        LocalDate from = LocalDate.parse(call.periodFrom());
        LocalDate to = LocalDate.parse(call.periodTo());
        List<String> reps = roster.tree().teamsUnder(call.subject()).stream()
                .flatMap(team -> roster.repsOf(team).stream())
                .map(RepChanged::repId)
                .toList();
        Map<String, BigDecimal> won = reps.isEmpty() ? new TreeMap<>() : review.wonByReps(reps, from, to);
        return Conversion.of(won, currency, to, rates.table()).total();
    }

    UnitChanged unit(String unitId) {
        return roster.tree().unit(unitId).orElseThrow(() -> new NotFoundException("No unit " + unitId));
    }
}
