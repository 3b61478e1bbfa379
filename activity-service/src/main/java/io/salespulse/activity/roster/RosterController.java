package io.salespulse.activity.roster;

import io.salespulse.contracts.org.Language;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.contracts.org.TeamCare;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.contracts.org.TeamRules;
import io.salespulse.contracts.org.WorkingHours;
import io.salespulse.kit.calendar.PublicHolidays;
import io.salespulse.kit.roster.OrgTree;
import io.salespulse.kit.security.Caller;
import io.salespulse.kit.web.Bounded;
import io.salespulse.kit.web.FieldProblem;
import io.salespulse.kit.web.InvalidRequestException;
import io.salespulse.kit.web.NotFoundException;
import io.salespulse.kit.web.Paging;
import io.salespulse.kit.web.Revisions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation roster: teams and reps. Every change is published to the compacted org topic. */
@RestController
class RosterController {

    private static final List<String> DEFAULT_WORKING_DAYS = List.of("MON", "TUE", "WED", "THU", "FRI");

    private final RosterService roster;

    RosterController(RosterService roster) {
        this.roster = roster;
    }

    /**
     * A team as the API shows it.
     */
    record TeamView(
            String teamId,
            String name,
            String timezone,
            Language locale,
            List<String> managerIds,
            List<String> workingDays,
            String holidayCountry,
            String holidayRegion,
            TeamRules rules,
            String workdayStart,
            String workdayEnd,
            TeamCare care,
            long revision) {

        static TeamView of(TeamChanged team) {
            List<String> days = team.workingDays().stream()
                    .sorted()
                    .map(day -> day.name().substring(0, 3))
                    .toList();
            TeamChanged.HolidayCalendar holidays = team.holidays();
            return new TeamView(
                    team.teamId(),
                    team.name(),
                    team.timezone(),
                    team.locale(),
                    team.managerIds(),
                    days,
                    holidays == null ? null : holidays.country(),
                    holidays == null ? null : holidays.region(),
                    team.rulesOrNone(),
                    team.workingHoursOrDefault().start().toString(),
                    team.workingHoursOrDefault().end().toString(),
                    team.careOrNone(),
                    revisionOf(team.occurredAt()));
        }
    }

    /**
     * A rep as the API shows it.
     */
    record RepView(
            String repId,
            String displayName,
            String teamId,
            RepRole role,
            Seniority seniority,
            LocalDate startDate,
            Map<String, String> externalIds,
            boolean active,
            String email,
            long revision) {

        static RepView of(RepChanged rep) {
            return new RepView(
                    rep.repId(),
                    rep.displayName(),
                    rep.teamId(),
                    rep.role(),
                    rep.seniority(),
                    rep.startDate(),
                    rep.externalIds(),
                    rep.active(),
                    rep.email(),
                    revisionOf(rep.occurredAt()));
        }
    }

    /**
     * A roster record's revision: when it last changed, in epoch milliseconds (its ETag, for {@code If-Match}: a save
     * over a change its author never saw is {@code 412}).
     */
    static long revisionOf(Instant changedAt) {
        return changedAt.toEpochMilli();
    }

    @Operation(summary = "Add or change a team")
    @PutMapping("/api/v1/teams/{teamId}")
    ResponseEntity<TeamView> putTeam(
            @PathVariable @Bounded String teamId,
            @Valid @RequestBody TeamRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        Optional<Instant> last = roster.team(teamId).map(TeamChanged::occurredAt);
        Revisions.check(ifMatch, last.map(RosterController::revisionOf));
        List<FieldProblem> problems = new ArrayList<>();
        try {
            ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timezone", "must be an IANA time zone such as Europe/Paris"));
        }
        TeamChanged.HolidayCalendar holidays = holidaysOf(request, problems);
        WorkingHours hours = workingHoursOf(request, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : request.workingDays() == null || request.workingDays().isEmpty()
                ? DEFAULT_WORKING_DAYS
                : request.workingDays()) {
            days.add(dayOf(day));
        }
        TeamChanged team = new TeamChanged(
                teamId,
                request.name(),
                request.timezone(),
                Language.valueOf(request.locale().toLowerCase(Locale.ROOT)),
                request.managerIds() == null ? List.of() : List.copyOf(request.managerIds()),
                new TreeSet<>(days),
                holidays,
                request.rules() == null ? null : request.rules().toContract(),
                hours,
                request.care() == null ? null : request.care().toContract(),
                roster.nextChange(last));
        return tagged(TeamView.of(roster.saveTeam(team)), TeamView::revision);
    }

    /** The team's working day (null: the default), its end after its start; problems named by field. */
    private static WorkingHours workingHoursOf(TeamRequest request, List<FieldProblem> problems) {
        if (request.workdayStart() == null && request.workdayEnd() == null) {
            return null;
        }
        LocalTime start =
                request.workdayStart() == null ? WorkingHours.DEFAULT.start() : LocalTime.parse(request.workdayStart());
        LocalTime end =
                request.workdayEnd() == null ? WorkingHours.DEFAULT.end() : LocalTime.parse(request.workdayEnd());
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem("workdayEnd", "must be after workdayStart (" + start + ")"));
            return null;
        }
        return new WorkingHours(start, end);
    }

    /** The team's public-holiday calendar, a country and region the holiday library knows; problems named by field. */
    private static TeamChanged.HolidayCalendar holidaysOf(TeamRequest request, List<FieldProblem> problems) {
        String country =
                request.holidayCountry() == null || request.holidayCountry().isBlank()
                        ? null
                        : request.holidayCountry().toUpperCase(Locale.ROOT);
        String region =
                request.holidayRegion() == null || request.holidayRegion().isBlank() ? null : request.holidayRegion();
        if (country == null) {
            if (region != null) {
                problems.add(new FieldProblem("holidayRegion", "needs a holidayCountry"));
            }
            return null;
        }
        if (!PublicHolidays.knows(country)) {
            problems.add(new FieldProblem(
                    "holidayCountry",
                    "has no public-holiday calendar; use an ISO 3166 code such as FR, BE, CH, DE or GB"));
            return null;
        }
        if (region != null && !PublicHolidays.regionsOf(country).contains(region)) {
            problems.add(new FieldProblem("holidayRegion", "is not a region of " + country + "'s holiday calendar"));
            return null;
        }
        return new TeamChanged.HolidayCalendar(country, region);
    }

    /**
     * The teams the caller reads, in id order, paged: every team for leadership and admins, a manager's own teams
     * (those of its token) for a manager, every team under its units for a director.
     */
    @Operation(summary = "The teams the caller reads")
    @GetMapping("/api/v1/teams")
    ResponseEntity<List<TeamView>> getTeams(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Paging paging = Paging.of(limit, cursor);
        Caller caller = Caller.current().orElseThrow();
        return roster.pageOfTeams(
                caller.readableTeams(caller.has(Caller.DIRECTOR) ? roster.tree() : OrgTree.EMPTY),
                paging,
                TeamView::of);
    }

    @Operation(summary = "A team")
    @GetMapping("/api/v1/teams/{teamId}")
    ResponseEntity<TeamView> getTeam(@PathVariable @Bounded String teamId) {
        return tagged(
                roster.team(teamId).map(TeamView::of).orElseThrow(() -> new NotFoundException("No team " + teamId)),
                TeamView::revision);
    }

    /** The view with its revision as the ETag. */
    static <T> ResponseEntity<T> tagged(T view, java.util.function.ToLongFunction<T> revision) {
        return ResponseEntity.ok()
                .eTag(Revisions.etag(revision.applyAsLong(view)))
                .body(view);
    }

    @Operation(summary = "A team's reps, in id order")
    @GetMapping("/api/v1/teams/{teamId}/reps")
    ResponseEntity<List<RepView>> getTeamReps(
            @PathVariable @Bounded String teamId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Paging paging = Paging.of(limit, cursor);
        getTeam(teamId);
        return roster.pageOfTeam(teamId, paging, RepView::of);
    }

    @Operation(summary = "Add or change a rep")
    @PutMapping("/api/v1/reps/{repId}")
    ResponseEntity<RepView> putRep(
            @PathVariable @Bounded String repId,
            @Valid @RequestBody RepRequest request,
            @RequestHeader(value = Revisions.IF_MATCH, required = false) String ifMatch) {
        Optional<Instant> last = roster.rep(repId).map(RepChanged::occurredAt);
        Revisions.check(ifMatch, last.map(RosterController::revisionOf));
        if (roster.team(request.teamId()).isEmpty()) {
            throw new InvalidRequestException("teamId", "names no known team; create the team first");
        }
        RepChanged rep = new RepChanged(
                repId,
                request.displayName(),
                request.teamId(),
                request.role(),
                request.seniority(),
                request.startDate(),
                request.externalIds() == null ? Map.of() : Map.copyOf(request.externalIds()),
                request.active() == null || request.active(),
                request.email() == null || request.email().isBlank()
                        ? null
                        : request.email().strip(),
                roster.nextChange(last));
        return tagged(RepView.of(roster.saveRep(rep)), RepView::revision);
    }

    @Operation(summary = "A rep")
    @GetMapping("/api/v1/reps/{repId}")
    ResponseEntity<RepView> getRep(@PathVariable @Bounded String repId) {
        return tagged(
                roster.rep(repId).map(RepView::of).orElseThrow(() -> new NotFoundException("No rep " + repId)),
                RepView::revision);
    }

    private static DayOfWeek dayOf(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equals(abbreviation)) {
                return day;
            }
        }
        throw new InvalidRequestException("workingDays", "must hold MON..SUN");
    }
}
