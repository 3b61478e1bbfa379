package io.salespulse.activity.roster;

import io.salespulse.kit.web.Bounded;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/v1/units/{unitId}} body.
 *
 * @param name              the unit's name
 * @param parentId          the unit above it; absent for the company, the root of the tree (there is one)
 * @param headIds           who heads it: the directors' ids (their token's {@code sub})
 * @param teamIds           the teams directly under it; a team another unit holds moves here
 * @param reportingCurrency ISO 4217 code its totals are given in, e.g. {@code EUR}
 * @param locale            {@code fr} or {@code en}: its directors' digest and pages
 * @param timezone          IANA zone, e.g. {@code Europe/Paris}: its weeks and its digest's morning
 */
record UnitRequest(
        @NotBlank @Bounded String name,
        @Bounded String parentId,
        @Size(max = 20) List<@NotBlank @Bounded String> headIds,
        @Size(max = 500) List<@NotBlank @Bounded String> teamIds,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String reportingCurrency,

        @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en")
        String locale,

        @NotBlank @Bounded String timezone) {}
