package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.EventCodec;
import java.time.LocalDate;
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
