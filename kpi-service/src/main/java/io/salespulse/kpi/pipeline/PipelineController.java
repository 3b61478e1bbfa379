package io.salespulse.kpi.pipeline;

import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pipeline ritual's figures: pipeline changes and the funnel of a team or rep over any period (this week so far by
 * default, against the same days a week earlier), the forecast of a month or quarter against quota, the managers'
 * weekly calls and their accuracy.
 */
@RestController
class PipelineController {

    static final int MAX_RANGE_DAYS = 366;
    static final int MAX_ACCURACY_PERIODS = 12;

    private final PipelineReview review;
    private final ForecastCalls calls;
    private final RosterStore roster;
    private final Clock clock;

    PipelineController(PipelineReview review, ForecastCalls calls, RosterStore roster, Clock clock) {
        this.review = review;
        this.calls = calls;
        this.roster = roster;
        this.clock = clock;
    }

    @Operation(summary = "What moved in a team's pipeline over a period")
    @GetMapping("/api/v1/teams/{teamId}/pipeline/changes")
    PipelineReview.Changes teamChanges(
            @PathVariable String teamId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return review.teamChanges(teamId, span(team(teamId), from, to));
    }

    @Operation(summary = "What moved in a rep's pipeline over a period")
    @GetMapping("/api/v1/reps/{repId}/pipeline/changes")
    PipelineReview.Changes repChanges(
            @PathVariable String repId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return review.repChanges(repId, span(teamOfRep(repId), from, to));
    }

    @Operation(summary = "A team's funnel for a period, with its conversions")
    @GetMapping("/api/v1/teams/{teamId}/funnel")
    PipelineReview.FunnelReview teamFunnel(
            @PathVariable String teamId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return review.teamFunnel(teamId, span(team(teamId), from, to));
    }

    @Operation(summary = "A rep's funnel for a period, with its conversions")
    @GetMapping("/api/v1/reps/{repId}/funnel")
    PipelineReview.FunnelReview repFunnel(
            @PathVariable String repId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return review.repFunnel(repId, span(teamOfRep(repId), from, to));
    }

    @Operation(summary = "A team's forecast for a quarter, by category, against quota")
    @GetMapping("/api/v1/teams/{teamId}/forecast")
    PipelineReview.ForecastReview forecast(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String date) {
        TeamChanged team = team(teamId);
        return review.forecast(
                team, kind(period), date == null || date.isBlank() ? review.today(team) : parse("date", date));
    }

    @Operation(summary = "Record the manager's call for the quarter")
    @PutMapping("/api/v1/teams/{teamId}/forecast/call")
    ForecastCalls.Call call(@PathVariable String teamId, @Valid @RequestBody CallRequest request) {
        TeamChanged team = team(teamId);
        LocalDate today = review.today(team);
        Period period =
                Period.containing(request.period() == null ? PeriodKind.QUARTER : kind(request.period()), today);
        String manager = Caller.current().map(Caller::subject).orElse("anonymous");
        return calls.put(
                teamId,
                period.from(),
                period.to(),
                Period.containing(PeriodKind.WEEK, today).from(),
                manager,
                request.amount(),
                request.currency(),
                request.note(),
                clock.instant());
    }

    /**
     * Each caller's accuracy over the team's last periods that are over (4 by default, at most 12): its managers' calls
     * for the team ({@code level=team}, the default), or its reps' calls for themselves ({@code level=rep}).
     */
    @Operation(summary = "How far the past calls for the team, or for its reps, were from what closed")
    @GetMapping("/api/v1/teams/{teamId}/forecast/accuracy")
    List<ForecastCalls.Accuracy> accuracy(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "4") int periods,
            @RequestParam(defaultValue = "team") String level) {
        checkPeriods(periods);
        TeamChanged team = team(teamId);
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "team" ->
                calls.accuracy(
                        teamId,
                        review.today(team),
                        periods,
                        (call, currency) -> review.won(
                                teamId,
                                LocalDate.parse(call.periodFrom()),
                                LocalDate.parse(call.periodTo()),
                                currency));
            case "rep" ->
                calls.accuracy(
                        ForecastCalls.Level.REP,
                        Criteria.where("teamId").is(teamId),
                        review.today(team),
                        periods,
                        this::wonByRep);
            default -> throw new InvalidRequestException("level", "must be team or rep");
        };
    }

    static void checkPeriods(int periods) {
        if (periods < 1 || periods > MAX_ACCURACY_PERIODS) {
            throw new InvalidRequestException("periods", "must be between 1 and " + MAX_ACCURACY_PERIODS);
        }
    }

    private BigDecimal wonByRep(ForecastCalls.Call call, String currency) {
        return review.wonByRep(
                call.subject(), LocalDate.parse(call.periodFrom()), LocalDate.parse(call.periodTo()), currency);
    }

    @Operation(summary = "Record a rep's call for the quarter: the rep's own, or its manager's for it")
    @PutMapping("/api/v1/reps/{repId}/forecast/call")
    ForecastCalls.Call repCall(@PathVariable String repId, @Valid @RequestBody CallRequest request) {
        TeamChanged team = teamOfRep(repId);
        LocalDate today = review.today(team);
        Period period =
                Period.containing(request.period() == null ? PeriodKind.QUARTER : kind(request.period()), today);
        return calls.put(
                ForecastCalls.Level.REP,
                repId,
                team.teamId(),
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
     * A rep's calls.
     *
     * @param calls    the calls for the period (history included), oldest first
     * @param accuracy how far its past calls were from what it won
     */
    record RepCalls(
            String repId,
            PeriodKind period,
            LocalDate from,
            LocalDate to,
            List<ForecastCalls.Call> calls,
            List<ForecastCalls.Accuracy> accuracy) {}

    @Operation(summary = "A rep's forecast calls for the quarter, and its accuracy over past ones")
    @GetMapping("/api/v1/reps/{repId}/forecast/calls")
    RepCalls repCalls(
            @PathVariable String repId,
            @RequestParam(defaultValue = "quarter") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "4") int periods) {
        checkPeriods(periods);
        TeamChanged team = teamOfRep(repId);
        PeriodKind kind = kind(period);
        Period range =
                Period.containing(kind, date == null || date.isBlank() ? review.today(team) : parse("date", date));
        return new RepCalls(
                repId,
                kind,
                range.from(),
                range.to(),
                calls.of(ForecastCalls.Level.REP, repId, range.from(), range.to()),
                calls.accuracy(
                        ForecastCalls.Level.REP,
                        Criteria.where("subjectId").is(repId),
                        review.today(team),
                        periods,
                        this::wonByRep));
    }

    private PipelineReview.Span span(TeamChanged team, String from, String to) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return review.thisWeek(team);
        }
        if (from == null || from.isBlank()) {
            throw new InvalidRequestException("from", "is required with to");
        }
        LocalDate start = parse("from", from);
        LocalDate end = to == null || to.isBlank() ? review.today(team) : parse("to", to);
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_RANGE_DAYS) {
            throw new InvalidRequestException(
                    "to", "must be on or after from, at most " + MAX_RANGE_DAYS + " days later");
        }
        return new PipelineReview.Span(start, end);
    }

    private static PeriodKind kind(String period) {
        String value = period.toUpperCase(Locale.ROOT);
        if (!value.equals("MONTH") && !value.equals("QUARTER")) {
            throw new InvalidRequestException("period", "must be month or quarter");
        }
        return PeriodKind.valueOf(value);
    }

    private static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date, e.g. 2026-11-24");
        }
    }

    private TeamChanged team(String teamId) {
        return roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
    }

    private TeamChanged teamOfRep(String repId) {
        return roster.rep(repId)
                .flatMap(rep -> roster.team(rep.teamId()))
                .orElseThrow(() -> new NotFoundException("No rep " + repId));
    }
}
