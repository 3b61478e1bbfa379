package io.salespulse.kpi.pipeline;

import io.salespulse.contracts.objective.ObjectiveMetric;
import io.salespulse.contracts.objective.ObjectiveScope;
import io.salespulse.contracts.objective.ObjectiveSet;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.deals.DealProjection;
import io.salespulse.kpi.objectives.ObjectiveTracker;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The figures of the weekly pipeline ritual for a team or a rep: pipeline changes and the funnel over a period
 * against the period before, the forecast against quota, and the managers' calls. Reads the period's moves and
 * rep-days and the team's open deals: what is in flight, never the whole history.
 */
@Service
public class PipelineReview {

    private final DealMoves moves;
    private final DealProjection deals;
    private final RepDayStore repDays;
    private final ObjectiveTracker objectives;
    private final ForecastCalls calls;
    private final RosterStore roster;
    private final Clock clock;

    PipelineReview(
            DealMoves moves,
            DealProjection deals,
            RepDayStore repDays,
            ObjectiveTracker objectives,
            ForecastCalls calls,
            RosterStore roster,
            Clock clock) {
        this.moves = moves;
        this.deals = deals;
        this.repDays = repDays;
        this.objectives = objectives;
        this.calls = calls;
        this.roster = roster;
        this.clock = clock;
    }

    /** A period and the one it is compared with: the same days, whole weeks earlier (this week against last). */
    public record Span(LocalDate from, LocalDate to) {

        public Span previous() {
            long weeks = (ChronoUnit.DAYS.between(from, to) + 7) / 7;
            return new Span(from.minusWeeks(weeks), to.minusWeeks(weeks));
        }
    }

    /** Pipeline changes over a period, with the period before's figures. */
    public record Changes(String teamId, String repId, PipelineChanges changes, PipelineChanges.Summary previous) {}

    /** The funnel over a period, with the period before's. */
    public record FunnelReview(String teamId, String repId, Funnel funnel, Funnel previous) {}

    /**
     * The forecast of a period, with the managers' calls for it and where its quota comes from.
     *
     * @param quota where the forecast's quota comes from
     */
    /**
     * A team's forecast for a period with the calls made for it: its managers' (history included) and the call in
     * force of each of its reps.
     */
    public record ForecastReview(
            String teamId,
            PeriodKind period,
            Forecast forecast,
            List<ForecastCalls.Call> calls,
            Quota quota,
            List<ForecastCalls.Call> repCalls) {}

    /** Where a quota comes from: the team's own objective for the period, its reps' for it, or none set. */
    public enum QuotaSource {
        TEAM_OBJECTIVE,
        REP_OBJECTIVES,
        NONE
    }

    /**
     * A period's quota per currency, with its source and the objectives it adds up.
     *
     * @param amounts      per currency (empty: no quota)
     * @param source       where it comes from
     * @param objectiveIds the revenue objectives behind it
     */
    public record Quota(Map<String, BigDecimal> amounts, QuotaSource source, List<String> objectiveIds) {}

    /** The team's today, in its zone. */
    public LocalDate today(TeamChanged team) {
        return LocalDate.now(clock.withZone(ZoneId.of(team.timezone())));
    }

    /** This week so far (Monday to today). */
    public Span thisWeek(TeamChanged team) {
        LocalDate today = today(team);
        return new Span(Period.containing(PeriodKind.WEEK, today).from(), today);
    }

    public Changes teamChanges(String teamId, Span span) {
        return new Changes(
                teamId,
                null,
                changes(moves.ofTeam(teamId, span.from(), span.to()), span),
                changes(
                                moves.ofTeam(
                                        teamId,
                                        span.previous().from(),
                                        span.previous().to()),
                                span.previous())
                        .summary());
    }

    public Changes repChanges(String repId, Span span) {
        String teamId = roster.rep(repId).map(RepChanged::teamId).orElse(null);
        return new Changes(
                teamId,
                repId,
                changes(moves.ofRep(repId, span.from(), span.to()), span),
                changes(
                                moves.ofRep(
                                        repId,
                                        span.previous().from(),
                                        span.previous().to()),
                                span.previous())
                        .summary());
    }

    /**
     * A team's funnel for the span and the one before; each deals-won cohort judged as of today (the deals created in a
     * span, won in it or since).
     */
    public FunnelReview teamFunnel(String teamId, Span span) {
        Span before = span.previous();
        LocalDate today = LocalDate.now(clock.withZone(
                roster.team(teamId).map(t -> ZoneId.of(t.timezone())).orElse(ZoneId.of("UTC"))));
        LocalDate until = today.isAfter(span.to()) ? today : span.to();
        List<DealMoves.Move> sinceBefore = moves.ofTeam(teamId, before.from(), until);
        return new FunnelReview(
                teamId,
                null,
                Funnel.of(span.from(), span.to(), until, repDays.teamDays(teamId, span.from(), span.to()), sinceBefore),
                Funnel.of(
                        before.from(),
                        before.to(),
                        until,
                        repDays.teamDays(teamId, before.from(), before.to()),
                        sinceBefore));
    }

    public FunnelReview repFunnel(String repId, Span span) {
        Span before = span.previous();
        String teamId = roster.rep(repId).map(RepChanged::teamId).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        LocalDate until = today.isAfter(span.to()) ? today : span.to();
        List<DealMoves.Move> sinceBefore = sourcedOrOwned(repId, teamId, new Span(before.from(), until));
        return new FunnelReview(
                teamId,
                repId,
                Funnel.of(span.from(), span.to(), until, repDays.days(repId, span.from(), span.to()), sinceBefore),
                Funnel.of(
                        before.from(),
                        before.to(),
                        until,
                        repDays.days(repId, before.from(), before.to()),
                        sinceBefore));
    }

    /** A rep's own moves, and the deals it sourced for others (an SDR's sourced pipeline is on deals it does not own). */
    private List<DealMoves.Move> sourcedOrOwned(String repId, String teamId, Span span) {
        List<DealMoves.Move> own = moves.ofRep(repId, span.from(), span.to()).stream()
                .filter(m -> m.kind() != DealMoves.Kind.SOURCED)
                .toList();
        List<DealMoves.Move> sourced = teamId == null
                ? List.of()
                : moves.ofTeam(teamId, span.from(), span.to()).stream()
                        .filter(m -> m.kind() == DealMoves.Kind.SOURCED && repId.equals(m.sdrRepId()))
                        .toList();
        return java.util.stream.Stream.concat(own.stream(), sourced.stream()).toList();
    }

    /** The team's forecast for the period of this kind containing {@code date}. */
    public ForecastReview forecast(TeamChanged team, PeriodKind kind, LocalDate date) {
        Period period = Period.containing(kind, date);
        List<String> reps =
                roster.repsOf(team.teamId()).stream().map(RepChanged::repId).toList();
        Quota quota = quota(team.teamId(), period.from(), period.to());
        Forecast forecast = Forecast.of(
                period.from(),
                period.to(),
                deals.openDealsOf(reps),
                deals.wonBy(reps, period.from(), period.to()),
                quota.amounts(),
                today(team));
        return new ForecastReview(
                team.teamId(),
                kind,
                forecast,
                calls.of(team.teamId(), period.from(), period.to()),
                quota,
                List.copyOf(ForecastCalls.latest(calls.ofRepsOf(team.teamId(), period.from(), period.to()))
                        .values()));
    }

    /** What a rep won in a period and currency (its calls are judged against it). */
    public BigDecimal wonByRep(String repId, LocalDate from, LocalDate to, String currency) {
        return wonIn(deals.wonBy(List.of(repId), from, to), currency);
    }

    /** What the reps won in a period, per currency (a unit's calls are judged against its teams'). */
    public java.util.Map<String, BigDecimal> wonByReps(List<String> repIds, LocalDate from, LocalDate to) {
        java.util.Map<String, BigDecimal> won = new TreeMap<>();
        for (DealProjection.Deal deal : deals.wonBy(repIds, from, to)) {
            if (deal.amount() != null) {
                won.merge(deal.amount().currency(), deal.amount().amount(), BigDecimal::add);
            }
        }
        return won;
    }

    private static BigDecimal wonIn(List<DealProjection.Deal> won, String currency) {
        return won.stream()
                .filter(d -> d.amount() != null && d.amount().currency().equals(currency))
                .map(d -> d.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the team won in a period and currency (a call is judged against it). */
    public BigDecimal won(String teamId, LocalDate from, LocalDate to, String currency) {
        List<String> reps =
                roster.repsOf(teamId).stream().map(RepChanged::repId).toList();
        return deals.wonBy(reps, from, to).stream()
                .filter(d -> d.amount() != null && d.amount().currency().equals(currency))
                .map(d -> d.amount().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The quota of a period (a quarter, a month) per currency: the team's revenue-won objective for exactly that period;
     * with none, the sum of its reps' revenue-won objectives for exactly that period; else none. Objectives of a shorter
     * or another period are never added up into it (two AEs' December objectives are not the quarter's quota).
     */
    Quota quota(String teamId, LocalDate from, LocalDate to) {
        List<ObjectiveSet> revenue = objectives.ofTeamWithin(teamId, from, to).stream()
                .filter(o -> o.metric() == ObjectiveMetric.REVENUE_WON && o.currency() != null)
                .filter(o -> o.periodStart().equals(from) && o.periodEnd().equals(to))
                .toList();
        List<ObjectiveSet> teamOwn =
                revenue.stream().filter(o -> o.scope() == ObjectiveScope.TEAM).toList();
        List<ObjectiveSet> counted = teamOwn.isEmpty() ? revenue : teamOwn;
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (ObjectiveSet objective : counted) {
            amounts.merge(objective.currency(), objective.target(), BigDecimal::add);
        }
        QuotaSource source = counted.isEmpty()
                ? QuotaSource.NONE
                : teamOwn.isEmpty() ? QuotaSource.REP_OBJECTIVES : QuotaSource.TEAM_OBJECTIVE;
        return new Quota(
                amounts,
                source,
                counted.stream().map(ObjectiveSet::objectiveId).sorted().toList());
    }

    private PipelineChanges changes(List<DealMoves.Move> periodMoves, Span span) {
        Set<String> ids =
                periodMoves.stream().map(DealMoves.Move::dealId).collect(Collectors.toCollection(HashSet::new));
        Map<String, DealProjection.Deal> known =
                deals.find(ids).stream().collect(Collectors.toMap(DealProjection.Deal::dealId, Function.identity()));
        return PipelineChanges.of(span.from(), span.to(), periodMoves, known::get);
    }
}
