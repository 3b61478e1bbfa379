package io.salespulse.kpi.report;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kpi.activity.RepDay;
import io.salespulse.kpi.activity.RepDayStore;
import io.salespulse.kpi.deals.DealProjection;
import io.salespulse.kpi.periods.Period;
import io.salespulse.kpi.periods.PeriodKind;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read side of the KPI views: per rep and per team, for a day, week, month or quarter of the team's time zone. */
@RestController
class KpiController {

    private static final int MAX_DAILY_RANGE = 400;
    private static final int MAX_TEAM_DAILY_RANGE = 92;
    private static final int MAX_DEALS = 500;

    private final RepDayStore repDays;
    private final DealProjection deals;
    private final RosterStore roster;
    private final Clock clock;

    KpiController(RepDayStore repDays, DealProjection deals, RosterStore roster, Clock clock) {
        this.repDays = repDays;
        this.deals = deals;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * A rep's KPIs for one period, and with {@code compare=true} the same figures over what the period is compared with.
     */
    record RepKpis(
            String repId,
            String teamId,
            PeriodKind period,
            LocalDate from,
            LocalDate to,
            String timezone,
            ActivityFigures activity,
            PipelineFigures pipeline,
            Compared comparison) {}

    /**
     * The figures of the window a period is compared with ({@link Period#likeForLike}): a period in progress against the
     * same elapsed span of the previous one, a finished one against the whole previous one.
     *
     * @param likeForLike whether the window is a part of the previous period (the period under way), not all of it
     */
    record Compared(
            LocalDate from, LocalDate to, boolean likeForLike, ActivityFigures activity, PipelineFigures pipeline) {}

    /** A team's totals for one period. */
    record Totals(ActivityFigures activity, PipelineFigures pipeline) {}

    /** A team's KPIs for one period: totals and one row per rep; with {@code compare=true}, the comparison window's totals. */
    record TeamKpis(
            String teamId,
            PeriodKind period,
            LocalDate from,
            LocalDate to,
            String timezone,
            Totals totals,
            List<RepKpis> reps,
            Compared comparison) {}

    /** One day of a rep's series. */
    record DailyRow(LocalDate day, ActivityFigures activity) {}

    /** One rep's days in a team's series. */
    record RepSeries(String repId, List<DailyRow> days) {}

    /** A team's series: one row per rep, each with one row per day. */
    record TeamDaily(String teamId, LocalDate from, LocalDate to, List<RepSeries> reps) {}

    /**
     * An open deal of a rep, as a manager reviews it: how long it has sat in its stage (null when unknown), and whether
     * its expected close date has gone by.
     */
    record OpenDeal(
            String dealId,
            String name,
            DealStage stage,
            BigDecimal amount,
            String currency,
            LocalDate expectedCloseDate,
            Instant createdAt,
            Instant stageSince,
            Long daysInStage,
            boolean closeDatePassed) {}

    @Operation(summary = "A rep's KPIs for a day, week, month or quarter")
    @GetMapping("/api/v1/reps/{repId}/kpis")
    RepKpis repKpis(
            @PathVariable String repId,
            @RequestParam(defaultValue = "day") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean compare) {
        ZoneId zone = roster.zoneOf(repId);
        Period range = Period.containing(kind(period), date(date, zone));
        String teamId = roster.rep(repId).map(RepChanged::teamId).orElse(null);
        List<RepDay> days = repDays.days(repId, range.from(), range.to());
        Compared comparison = null;
        if (compare) {
            Period window = range.likeForLike(LocalDate.now(clock.withZone(zone)));
            List<RepDay> then = repDays.days(repId, window.from(), window.to());
            comparison = new Compared(
                    window.from(),
                    window.to(),
                    !window.to().equals(range.previous().to()),
                    ActivityFigures.of(then),
                    PipelineFigures.of(then, deals.wonBy(List.of(repId), window.from(), window.to())));
        }
        return new RepKpis(
                repId,
                teamId,
                range.kind(),
                range.from(),
                range.to(),
                zone.getId(),
                ActivityFigures.of(days),
                PipelineFigures.of(days, deals.wonBy(List.of(repId), range.from(), range.to())),
                comparison);
    }

    @Operation(summary = "A rep's figures day by day")
    @GetMapping("/api/v1/reps/{repId}/kpis/daily")
    List<DailyRow> repDaily(@PathVariable String repId, @RequestParam String from, @RequestParam String to) {
        LocalDate start = parse("from", from);
        LocalDate end = parse("to", to);
        checkRange(start, end, MAX_DAILY_RANGE);
        return series(start, end, repDays.days(repId, start, end));
    }

    /** Every rep of a team day by day (in rep id order), for the team board's chart: at most a quarter. */
    @Operation(summary = "A team's figures day by day, per rep")
    @GetMapping("/api/v1/teams/{teamId}/kpis/daily")
    TeamDaily teamDaily(@PathVariable String teamId, @RequestParam String from, @RequestParam String to) {
        roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        LocalDate start = parse("from", from);
        LocalDate end = parse("to", to);
        checkRange(start, end, MAX_TEAM_DAILY_RANGE);
        Map<String, List<RepDay>> byRep =
                repDays.teamDays(teamId, start, end).stream().collect(Collectors.groupingBy(RepDay::repId));
        List<RepSeries> reps = roster.repsOf(teamId).stream()
                .map(RepChanged::repId)
                .sorted()
                .map(rep -> new RepSeries(rep, series(start, end, byRep.getOrDefault(rep, List.of()))))
                .toList();
        return new TeamDaily(teamId, start, end, reps);
    }

    /** A rep's open deals, the soonest expected to close first (then by id); at most {@code limit} (1 to 500). */
    @Operation(summary = "A rep's open deals")
    @GetMapping("/api/v1/reps/{repId}/deals")
    List<OpenDeal> openDeals(@PathVariable String repId, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_DEALS) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_DEALS);
        }
        LocalDate today = LocalDate.now(clock.withZone(roster.zoneOf(repId)));
        return deals.openDealsOf(List.of(repId)).stream()
                .sorted(Comparator.comparing(
                                DealProjection.Deal::expectedCloseDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(DealProjection.Deal::dealId))
                .limit(limit)
                .map(deal -> new OpenDeal(
                        deal.dealId(),
                        deal.name(),
                        deal.stage(),
                        deal.amount() == null ? null : deal.amount().amount(),
                        deal.amount() == null ? null : deal.amount().currency(),
                        deal.expectedCloseDate(),
                        deal.createdAt(),
                        deal.stageSince(),
                        deal.stageSince() == null
                                ? null
                                : io.salespulse.kit.figures.Figures.daysSince(
                                        deal.stageSince(), roster.zoneOf(repId), today),
                        deal.expectedCloseDate() != null
                                && deal.expectedCloseDate().isBefore(today)))
                .toList();
    }

    private static void checkRange(LocalDate start, LocalDate end, int days) {
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > days) {
            throw new InvalidRequestException("to", "must be on or after from, at most " + days + " days later");
        }
    }

    /** One row per day from..to, a day without figures as zeros. */
    private static List<DailyRow> series(LocalDate start, LocalDate end, List<RepDay> days) {
        Map<LocalDate, RepDay> byDay = days.stream().collect(Collectors.toMap(RepDay::day, day -> day));
        return start.datesUntil(end.plusDays(1))
                .map(day -> new DailyRow(
                        day, ActivityFigures.of(byDay.containsKey(day) ? List.of(byDay.get(day)) : List.of())))
                .toList();
    }

    @Operation(summary = "A team's KPIs per rep for a day, week, month or quarter")
    @GetMapping("/api/v1/teams/{teamId}/kpis")
    TeamKpis teamKpis(
            @PathVariable String teamId,
            @RequestParam(defaultValue = "day") String period,
            @RequestParam(required = false) String date,
            @RequestParam(defaultValue = "false") boolean compare) {
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        ZoneId zone = ZoneId.of(team.timezone());
        Period range = Period.containing(kind(period), date(date, zone));
        List<String> repIds =
                roster.repsOf(teamId).stream().map(RepChanged::repId).sorted().toList();
        TeamFiguresStore now = teamFigures(teamId, repIds, range.from(), range.to());
        TeamFiguresStore then = null;
        Period window = null;
        if (compare) {
            window = range.likeForLike(LocalDate.now(clock.withZone(zone)));
            then = teamFigures(teamId, repIds, window.from(), window.to());
        }
        boolean partial = window != null && !window.to().equals(range.previous().to());
        List<RepKpis> rows = new java.util.ArrayList<>();
        for (String rep : repIds) {
            Compared repThen = then == null
                    ? null
                    : new Compared(window.from(), window.to(), partial, then.activity(rep), then.pipeline(rep));
            rows.add(new RepKpis(
                    rep,
                    teamId,
                    range.kind(),
                    range.from(),
                    range.to(),
                    zone.getId(),
                    now.activity(rep),
                    now.pipeline(rep),
                    repThen));
        }
        return new TeamKpis(
                teamId,
                range.kind(),
                range.from(),
                range.to(),
                zone.getId(),
                now.totals(),
                rows,
                then == null
                        ? null
                        : new Compared(
                                window.from(),
                                window.to(),
                                partial,
                                then.totals().activity(),
                                then.totals().pipeline()));
    }

    /** A team's days and wins over from..to, per rep and in total. */
    private record TeamFiguresStore(Map<String, List<RepDay>> byRep, List<DealProjection.Deal> won) {

        ActivityFigures activity(String rep) {
            return ActivityFigures.of(byRep.getOrDefault(rep, List.of()));
        }

        PipelineFigures pipeline(String rep) {
            return PipelineFigures.of(
                    byRep.getOrDefault(rep, List.of()),
                    won.stream().filter(deal -> rep.equals(deal.ownerRepId())).toList());
        }

        Totals totals() {
            List<RepDay> all = byRep.values().stream().flatMap(List::stream).toList();
            return new Totals(ActivityFigures.of(all), PipelineFigures.of(all, won));
        }
    }

    private TeamFiguresStore teamFigures(String teamId, List<String> repIds, LocalDate from, LocalDate to) {
        return new TeamFiguresStore(
                repDays.teamDays(teamId, from, to).stream().collect(Collectors.groupingBy(RepDay::repId)),
                deals.wonBy(repIds, from, to));
    }

    static PeriodKind kind(String period) {
        try {
            return PeriodKind.valueOf(period.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("period", "must be day, week, month or quarter");
        }
    }

    LocalDate date(String date, ZoneId zone) {
        return date == null || date.isBlank() ? LocalDate.now(clock.withZone(zone)) : parse("date", date);
    }

    static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date, e.g. 2026-11-24");
        }
    }
}
