package io.salespulse.contracts.org;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A team as it now is (created or changed). Type {@code salespulse.team.changed.v1}, key {@code team:<teamId>}.
 *
 * @param teamId      the team
 * @param name        its name
 * @param timezone    its IANA time zone, e.g. {@code Europe/Paris}: days and weeks are counted in it
 * @param locale      the language of its messages
 * @param managerIds  its managers
 * @param workingDays the days of the week that count for baselines and "days without"
 * @param holidays    whose public holidays are not working days ({@code null}: none)
 * @param rules       the team's own rule thresholds ({@code null}: none, the installation's apply)
 * @param workingHours its working day ({@code null}: {@link WorkingHours#DEFAULT})
 * @param care        its care rules turned off and its 1:1 cadences ({@code null}: {@link TeamCare#NONE})
 * @param occurredAt  when the change was made
 */
public record TeamChanged(
        String teamId,
        String name,
        String timezone,
        Language locale,
        List<String> managerIds,
        Set<DayOfWeek> workingDays,
        HolidayCalendar holidays,
        TeamRules rules,
        WorkingHours workingHours,
        TeamCare care,
        Instant occurredAt)
        implements OrgEvent {

    /** A team with the default working hours and care settings. */
    public TeamChanged(
            String teamId,
            String name,
            String timezone,
            Language locale,
            List<String> managerIds,
            Set<DayOfWeek> workingDays,
            HolidayCalendar holidays,
            TeamRules rules,
            Instant occurredAt) {
        this(teamId, name, timezone, locale, managerIds, workingDays, holidays, rules, null, null, occurredAt);
    }

    /** A team with the installation's rule thresholds. */
    public TeamChanged(
            String teamId,
            String name,
            String timezone,
            Language locale,
            List<String> managerIds,
            Set<DayOfWeek> workingDays,
            HolidayCalendar holidays,
            Instant occurredAt) {
        this(teamId, name, timezone, locale, managerIds, workingDays, holidays, null, null, null, occurredAt);
    }

    /** A team without a public-holiday calendar. */
    public TeamChanged(
            String teamId,
            String name,
            String timezone,
            Language locale,
            List<String> managerIds,
            Set<DayOfWeek> workingDays,
            Instant occurredAt) {
        this(teamId, name, timezone, locale, managerIds, workingDays, null, null, null, null, occurredAt);
    }

    /**
     * The public holidays of a country, and of one of its regions.
     *
     * @param country ISO 3166 code, e.g. {@code FR}
     * @param region  the region's code in the holiday calendar, e.g. {@code 67} (Bas-Rhin) or {@code by}
     *                (Bavaria); {@code null} for the country's holidays only
     */
    public record HolidayCalendar(String country, String region) {}

    /** The team's own thresholds (none set: {@link TeamRules#NONE}). */
    public TeamRules rulesOrNone() {
        return rules == null ? TeamRules.NONE : rules;
    }

    /** Its working day (none set: {@link WorkingHours#DEFAULT}). */
    public WorkingHours workingHoursOrDefault() {
        return workingHours == null ? WorkingHours.DEFAULT : workingHours;
    }

    /** Its care settings (none set: {@link TeamCare#NONE}). */
    public TeamCare careOrNone() {
        return care == null ? TeamCare.NONE : care;
    }

    @Override
    public String partitionKey() {
        return OrgEvent.teamKey(teamId);
    }
}
