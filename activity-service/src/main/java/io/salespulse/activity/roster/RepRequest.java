package io.salespulse.activity.roster;

import io.salespulse.contracts.org.RepRole;
import io.salespulse.contracts.org.Seniority;
import io.salespulse.kit.web.Bounded;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code PUT /api/v1/reps/{repId}} body.
 *
 * @param displayName the name managers see
 * @param teamId      the rep's team (must exist)
 * @param role        SDR, AE or CSM
 * @param seniority   JUNIOR or SENIOR
 * @param startDate   first day in the role
 * @param externalIds ids in each CRM, by source ({@code hubspot}, {@code pipedrive}, {@code twenty})
 * @param active      false for a rep who left; true when absent
 * @param email       where the rep is written to (the team pulse's weekly question); none when absent
 */
record RepRequest(
        @NotBlank @Bounded String displayName,
        @NotBlank @Bounded String teamId,
        @NotNull RepRole role,
        @NotNull Seniority seniority,
        LocalDate startDate,
        @Size(max = 20) Map<@NotBlank @Bounded String, @NotBlank @Bounded String> externalIds,
        Boolean active,

        @jakarta.validation.constraints.Email(message = "must be an email address such as lea.martin@example.com")
        @Size(max = 254)
        String email) {}
