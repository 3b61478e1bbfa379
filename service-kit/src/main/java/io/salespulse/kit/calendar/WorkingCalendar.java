package io.salespulse.kit.calendar;

import io.salespulse.contracts.org.RepAbsence;
import io.salespulse.contracts.org.RepChanged;
import io.salespulse.contracts.org.TeamChanged;
import io.salespulse.kit.roster.RosterStore;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which days count, for a team and for a rep: the team's days of the week, less its country's public holidays, and,
 * for a rep, less the rep's absences. Baselines, "days without" and objectives' elapsed shares are counted in these
 * days, so a holiday or a week of leave reads neither as a slump nor as time lost.
 */
public class WorkingCalendar {

    /** The days of a team that names none. */
    public static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final RosterStore roster;
    private final PublicHolidays holidays;

    public WorkingCalendar(RosterStore roster, PublicHolidays holidays) {
        this.roster = roster;
        this.holidays = holidays;
    }

    /** The team's days of the week (Monday to Friday when it names none). */
    public static Set<DayOfWeek> daysOfWeek(TeamChanged team) {
        return team == null || team.workingDays() == null || team.workingDays().isEmpty()
                ? MON_FRI
                : team.workingDays();
    }

    /** Whether the team works on this day: one of its days of the week, and not a public holiday. */
    public boolean teamWorks(TeamChanged team, LocalDate day) {
        return daysOfWeek(team).contains(day.getDayOfWeek())
                && (team == null || !holidays.isHoliday(team.holidays(), day));
    }

    /** The working days of a team (Monday to Friday, no holidays, for a team the roster does not know). */
    public Predicate<LocalDate> ofTeam(String teamId) {
        TeamChanged team = roster.team(teamId).orElse(null);
        return day -> teamWorks(team, day);
    }

    /** The working days of a rep: its team's, less its absences. */
    public Predicate<LocalDate> ofRep(String repId) {
        TeamChanged team =
                roster.rep(repId).map(RepChanged::teamId).flatMap(roster::team).orElse(null);
        List<RepAbsence> away = roster.absencesOf(repId);
        return day -> teamWorks(team, day) && away.stream().noneMatch(absence -> absence.covers(day));
    }

    /** The days a rep is away (its absences, read once), working days or not. */
    public Predicate<LocalDate> awayDays(String repId) {
        List<RepAbsence> away = roster.absencesOf(repId);
        return day -> away.stream().anyMatch(absence -> absence.covers(day));
    }

    /** The absence that covers the day, if the rep is away. */
    public Optional<RepAbsence> absence(String repId, LocalDate day) {
        return roster.absencesOf(repId).stream()
                .filter(absence -> absence.covers(day))
                .findFirst();
    }

    /** The public holiday on this day for the team, by name in a language. */
    public Optional<String> holiday(String teamId, LocalDate day, java.util.Locale locale) {
        return roster.team(teamId).flatMap(team -> holidays.nameOf(team.holidays(), day, locale));
    }
}
