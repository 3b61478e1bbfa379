package io.salespulse.activity.roster;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.salespulse.kit.web.Bounded;
import java.util.List;

/**
 * {@code PUT /api/v1/teams/{teamId}} body.
 *
 * @param name        the team's name
 * @param timezone    IANA zone, e.g. {@code Europe/Paris}
 * @param locale      {@code fr} or {@code en}
 * @param managerIds  the managers' ids
 * @param workingDays {@code MON}..{@code SUN}; MON-FRI when absent
 * @param holidayCountry whose public holidays the team does not work (ISO 3166 code, e.g. {@code FR}); none when absent
 * @param holidayRegion  the region within that country whose own holidays are added (e.g. {@code 67}, Bas-Rhin)
 */
record TeamRequest(@NotBlank @Bounded String name, @NotBlank @Bounded String timezone,
                   @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en") String locale,
                   @Size(max = 50) List<@NotBlank @Bounded String> managerIds,
                   List<@Pattern(regexp = "MON|TUE|WED|THU|FRI|SAT|SUN", message = "must be MON, TUE, WED, THU, FRI, SAT or SUN") String> workingDays,
                   @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as FR") String holidayCountry,
                   @Size(max = 10) String holidayRegion) {
}
