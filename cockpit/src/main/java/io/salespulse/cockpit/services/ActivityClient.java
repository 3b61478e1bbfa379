package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** activity-service's roster, typed: a team and a rep as the pages read them ({@link ReadFrom}). */
@Component
public class ActivityClient {

    private final Services services;

    ActivityClient(Services services) {
        this.services = services;
    }

    /** A team (a refusal, 403 or 404, is thrown as the services' other refusals are). */
    public Team team(String teamId) {
        return services.read(Service.ACTIVITY, Team.class, "/api/v1/teams/{teamId}", teamId);
    }

    /** A team, if there is one under this id. */
    public Optional<Team> findTeam(String teamId) {
        return services.find(Service.ACTIVITY, Team.class, "/api/v1/teams/{teamId}", teamId);
    }

    /** A rep, if there is one under this id. */
    public Optional<Rep> findRep(String repId) {
        return services.find(Service.ACTIVITY, Rep.class, "/api/v1/reps/{repId}", repId);
    }

    /** A rep. */
    public Rep rep(String repId) {
        return services.read(Service.ACTIVITY, Rep.class, "/api/v1/reps/{repId}", repId);
    }

    /** The teams the caller reads, at most {@code limit}, in id order. */
    /** The units of the organisation the signed-in user reads, the company first. */
    public List<Unit> units() {
        return services.readList(Service.ACTIVITY, Unit.class, "/api/v1/units");
    }

    /** A unit of the organisation. */
    public Unit unit(String unitId) {
        return services.read(Service.ACTIVITY, Unit.class, "/api/v1/units/{unitId}", unitId);
    }

    /** A unit: the company, a region, a segment; its teams, the units under it and those above. */
    @ReadFrom(service = "activity-service", schema = "UnitView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(
            String unitId,
            String name,
            String parentId,
            List<String> headIds,
            List<String> teamIds,
            String reportingCurrency,
            String locale,
            String timezone,
            int depth,
            List<String> path,
            List<String> children) {

        public Unit {
            headIds = headIds == null ? List.of() : List.copyOf(headIds);
            teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
            path = path == null ? List.of() : List.copyOf(path);
            children = children == null ? List.of() : List.copyOf(children);
        }
    }

    public List<Team> teams(int limit) {
        return services.readList(Service.ACTIVITY, Team.class, "/api/v1/teams?limit={limit}", limit);
    }

    /** An objective as set (its figures are kpi-service's). */
    public ObjectiveSet objective(String teamId, String objectiveId) {
        return services.read(
                Service.ACTIVITY, ObjectiveSet.class, "/api/v1/teams/{teamId}/objectives/{id}", teamId, objectiveId);
    }

    /** Imports absences from a CSV file's text: the line-numbered report. */
    public ImportReport importAbsences(String csv) {
        return Services.as(services.postCsv(Service.ACTIVITY, csv, "/api/v1/absences/import"), ImportReport.class);
    }

    /** A team's reps (at most 500), in id order. */
    public List<Rep> repsOf(String teamId) {
        return services.readList(Service.ACTIVITY, Rep.class, "/api/v1/teams/{teamId}/reps?limit=500", teamId);
    }

    /** A team's reps by id, their display names. */
    public Map<String, String> namesOf(String teamId) {
        Map<String, String> names = new HashMap<>();
        repsOf(teamId).forEach(rep -> names.put(rep.repId(), rep.displayName()));
        return names;
    }

    /**
     * The names of the people who are not reps (managers, leadership, admins) by the id their sign-in gives them, as
     * admins gave them (the first 500; an organisation has fewer): who acknowledged, who held a 1:1, who set an
     * objective. One without a name keeps its id.
     */
    public Map<String, String> people() {
        Map<String, String> names = new HashMap<>();
        services.readList(Service.ACTIVITY, Person.class, "/api/v1/people?limit=500")
                .forEach(person -> names.put(person.personId(), person.displayName()));
        return names;
    }

    /** A person named by an admin. */
    @ReadFrom(service = "activity-service", schema = "Person")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String personId, String displayName) {}

    /** A rep's absences touching from..to. */
    public List<Absence> absencesOfRep(String repId, LocalDate from, LocalDate to) {
        return services.readList(
                Service.ACTIVITY, Absence.class, "/api/v1/reps/{repId}/absences?from={from}&to={to}", repId, from, to);
    }

    /** A team's absences from 30 days back to a year ahead. */
    public List<Absence> absencesOfTeam(String teamId) {
        return services.readList(Service.ACTIVITY, Absence.class, "/api/v1/teams/{teamId}/absences", teamId);
    }

    /** A team's absences touching from..to. */
    public List<Absence> absencesOfTeam(String teamId, LocalDate from, LocalDate to) {
        return services.readList(
                Service.ACTIVITY,
                Absence.class,
                "/api/v1/teams/{teamId}/absences?from={from}&to={to}",
                teamId,
                from,
                to);
    }

    /** A team's public holidays from today to a year ahead, named in a language. */
    public List<Holiday> holidays(String teamId, String language) {
        return services.readList(
                Service.ACTIVITY, Holiday.class, "/api/v1/teams/{teamId}/holidays?lang={lang}", teamId, language);
    }

    /**
     * A rep's absence.
     *
     * @param kind LEAVE, SICK, TRAINING or OTHER; null for a caller who may see only that the rep is away
     */
    @ReadFrom(service = "activity-service", schema = "View")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Absence(String absenceId, String repId, LocalDate from, LocalDate to, String kind) {}

    /** A public holiday. */
    @ReadFrom(service = "activity-service", schema = "Day")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holiday(LocalDate date, String name) {}

    /**
     * A team as the pages show it.
     *
     * @param timezone its IANA time zone: the days of its figures
     * @param locale          its language ({@code fr}, {@code en})
     * @param holidayCountry the country whose public holidays it does not work (null: none)
     */
    @ReadFrom(service = "activity-service", schema = "TeamView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(
            String teamId,
            String name,
            String timezone,
            String locale,
            List<String> managerIds,
            List<String> workingDays,
            String holidayCountry,
            String holidayRegion,
            Map<String, Object> rules,
            String workdayStart,
            String workdayEnd,
            TeamCare care,
            Long revision) {

        public Team {
            managerIds = managerIds == null ? List.of() : List.copyOf(managerIds);
            workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
            care = care == null ? new TeamCare(List.of(), null, null, null, null) : care;
        }
    }

    /**
     * How a team looks after its people: the care rules it turned off (AFTER_HOURS_RISING, NO_REST, ...) and its 1:1
     * cadences in days (null: the installation's).
     */
    @ReadFrom(service = "activity-service", schema = "TeamCare")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamCare(
            List<String> off,
            Integer oneOnOneDaysOnboarding,
            Integer oneOnOneDaysJunior,
            Integer oneOnOneDaysSenior,
            Boolean pulse) {

        /** Whether the team runs the weekly pulse. */
        public boolean runsPulse() {
            return Boolean.TRUE.equals(pulse);
        }

        public TeamCare {
            off = off == null ? List.of() : List.copyOf(off);
        }
    }

    /**
     * A rep as the pages show it.
     *
     * @param role      SDR, AE or CSM
     * @param seniority ONBOARDING, JUNIOR or SENIOR
     */
    @ReadFrom(service = "activity-service", schema = "RepView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rep(
            String repId,
            String displayName,
            String teamId,
            String role,
            String seniority,
            LocalDate startDate,
            Boolean active,
            Map<String, String> externalIds,
            String email,
            Long revision) {

        public Rep {
            active = active == null || active;
            externalIds = externalIds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(externalIds));
        }
    }

    /**
     * An objective as set.
     *
     * @param currency the currency of an amount's objective (null for a count)
     * @param status   ACTIVE or CANCELLED
     * @param revision its revision, for {@code If-Match}
     */
    @ReadFrom(service = "activity-service", schema = "ObjectiveView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ObjectiveSet(
            String objectiveId,
            String scope,
            String scopeId,
            String metric,
            java.math.BigDecimal target,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd,
            String status,
            String setBy,
            Long revision) {}

    /** An absences import: lines read, recorded, unchanged, and each refused line with its column and why. */
    @ReadFrom(service = "activity-service", schema = "ImportReport")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(int read, int accepted, int unchanged, List<Refused> rejected)
            implements java.io.Serializable {

        public ImportReport {
            // Shown once after a redirect (a flash attribute, kept in the session): a serialisable list.
            rejected = rejected == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(rejected);
        }
    }

    /** A refused line of an import. */
    @ReadFrom(service = "activity-service", schema = "LineProblem")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Refused(int line, String field, String message) implements java.io.Serializable {}
}
