package io.salespulse.kpi.report;

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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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

    /** A rep's KPIs for one period. */
    record RepKpis(String repId, String teamId, PeriodKind period, LocalDate from, LocalDate to, String timezone,
                   ActivityFigures activity, PipelineFigures pipeline) {
    }

    /** A team's totals for one period. */
    record Totals(ActivityFigures activity, PipelineFigures pipeline) {
    }

    /** A team's KPIs for one period: totals and one row per rep. */
    record TeamKpis(String teamId, PeriodKind period, LocalDate from, LocalDate to, String timezone,
                    Totals totals, List<RepKpis> reps) {
    }

    /** One day of a rep's series. */
    record DailyRow(LocalDate day, ActivityFigures activity) {
    }

    @GetMapping("/api/v1/reps/{repId}/kpis")
    RepKpis repKpis(@PathVariable String repId, @RequestParam(defaultValue = "day") String period,
                    @RequestParam(required = false) String date) {
        ZoneId zone = roster.zoneOf(repId);
        Period range = Period.containing(kind(period), date(date, zone));
        String teamId = roster.rep(repId).map(RepChanged::teamId).orElse(null);
        List<RepDay> days = repDays.days(repId, range.from(), range.to());
        return new RepKpis(repId, teamId, range.kind(), range.from(), range.to(), zone.getId(), ActivityFigures.of(days),
                PipelineFigures.of(days, deals.wonBy(List.of(repId), range.from(), range.to())));
    }

    @GetMapping("/api/v1/reps/{repId}/kpis/daily")
    List<DailyRow> repDaily(@PathVariable String repId, @RequestParam String from, @RequestParam String to) {
        LocalDate start = parse("from", from);
        LocalDate end = parse("to", to);
        if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > MAX_DAILY_RANGE) {
            throw new InvalidRequestException("to", "must be on or after from, at most " + MAX_DAILY_RANGE + " days later");
        }
        Map<LocalDate, RepDay> byDay = repDays.days(repId, start, end).stream()
                .collect(Collectors.toMap(RepDay::day, day -> day));
        return start.datesUntil(end.plusDays(1))
                .map(day -> new DailyRow(day, ActivityFigures.of(byDay.containsKey(day) ? List.of(byDay.get(day)) : List.of())))
                .toList();
    }

    @GetMapping("/api/v1/teams/{teamId}/kpis")
    TeamKpis teamKpis(@PathVariable String teamId, @RequestParam(defaultValue = "day") String period,
                      @RequestParam(required = false) String date) {
        TeamChanged team = roster.team(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        ZoneId zone = ZoneId.of(team.timezone());
        Period range = Period.containing(kind(period), date(date, zone));
        Map<String, List<RepDay>> byRep = repDays.teamDays(teamId, range.from(), range.to()).stream()
                .collect(Collectors.groupingBy(RepDay::repId));
        List<String> repIds = roster.repsOf(teamId).stream().map(RepChanged::repId).sorted().toList();
        List<DealProjection.Deal> won = deals.wonBy(repIds, range.from(), range.to());
        List<RepKpis> rows = repIds.stream()
                .map(rep -> new RepKpis(rep, teamId, range.kind(), range.from(), range.to(), zone.getId(),
                        ActivityFigures.of(byRep.getOrDefault(rep, List.of())),
                        PipelineFigures.of(byRep.getOrDefault(rep, List.of()),
                                won.stream().filter(deal -> rep.equals(deal.ownerRepId())).toList())))
                .toList();
        List<RepDay> all = byRep.values().stream().flatMap(List::stream).toList();
        return new TeamKpis(teamId, range.kind(), range.from(), range.to(), zone.getId(),
                new Totals(ActivityFigures.of(all), PipelineFigures.of(all, won)), rows);
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
