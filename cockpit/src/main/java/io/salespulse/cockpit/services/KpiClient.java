package io.salespulse.cockpit.services;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.salespulse.cockpit.services.Services.Service;
import io.salespulse.contracts.EventCodec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** kpi-service's objectives, typed ({@link ReadFrom}). */
@Component
public class KpiClient {

    private final Services services;

    KpiClient(Services services) {
        this.services = services;
    }

    /** A team's objectives (its own and its reps') running on a day, or set to start after it. */
    public List<Objective> objectivesOfTeam(String teamId, LocalDate day, boolean upcoming) {
        return objectives(services.get(
                Service.KPI,
                "/api/v1/teams/{teamId}/objectives?date={date}&upcoming={upcoming}",
                teamId,
                day,
                upcoming));
    }

    /** A rep's objectives running on a day (today in its team's zone when null), or set to start after it. */
    public List<Objective> objectivesOfRep(String repId, LocalDate day, boolean upcoming) {
        return day == null
                ? objectives(services.get(Service.KPI, "/api/v1/reps/{repId}/objectives", repId))
                : objectives(services.get(
                        Service.KPI,
                        "/api/v1/reps/{repId}/objectives?date={date}&upcoming={upcoming}",
                        repId,
                        day,
                        upcoming));
    }

    private static List<Objective> objectives(JsonNode array) {
        List<Objective> objectives = new ArrayList<>();
        array.forEach(objective -> objectives.add(EventCodec.mapper().treeToValue(objective, Objective.class)));
        return objectives;
    }

    /**
     * An objective with its figures.
     *
     * @param scope    TEAM or REP
     * @param scopeId  the team or the rep
     * @param currency the currency of an amount's objective (null for a count)
     */
    @ReadFrom(service = "kpi-service", schema = "ObjectiveView")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Objective(
            String objectiveId,
            String scope,
            String scopeId,
            String metric,
            BigDecimal target,
            BigDecimal actual,
            BigDecimal attainment,
            BigDecimal pace,
            String status,
            String currency,
            LocalDate periodStart,
            LocalDate periodEnd)
            implements ObjectiveFigures {}
}
