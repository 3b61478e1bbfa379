package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.EventCodec;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return EventCodec.mapper()
                .treeToValue(services.get(Service.ACTIVITY, "/api/v1/teams/{teamId}", teamId), Team.class);
    }

    /** A rep. */
    public Rep rep(String repId) {
        return EventCodec.mapper()
                .treeToValue(services.get(Service.ACTIVITY, "/api/v1/reps/{repId}", repId), Rep.class);
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
    public record Team(String teamId, String name, String timezone, String locale, String holidayCountry) {}

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
            boolean active) {}
}
