package io.salespulse.activity.roster;

import io.salespulse.contracts.deal.DealStage;
import io.salespulse.contracts.org.CareRule;
import io.salespulse.contracts.org.TeamCare;
import io.salespulse.contracts.org.TeamRules;
import io.salespulse.kit.web.Bounded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
 * @param rules          the team's own rule thresholds; each one left out keeps the installation's
 * @param workdayStart   when the team's working day starts ({@code HH:mm}, its zone); 09:00 when absent
 * @param workdayEnd     when it ends; 18:00 when absent
 * @param care           the care rules the team turns off and its 1:1 cadences; each one left out keeps the installation's
 */
record TeamRequest(
        @NotBlank @Bounded String name,
        @NotBlank @Bounded String timezone,

        @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en")
        String locale,

        @Size(max = 50) List<@NotBlank @Bounded String> managerIds,
        List<
                        @NotNull
                        @Pattern(
                                regexp = "MON|TUE|WED|THU|FRI|SAT|SUN",
                                message = "must be MON, TUE, WED, THU, FRI, SAT or SUN")
                        String>
                workingDays,

        @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as FR")
        String holidayCountry,

        @Size(max = 10) String holidayRegion,
        @Valid Rules rules,

        @Pattern(regexp = TeamRequest.TIME, message = "must be a time of day such as 08:30")
        String workdayStart,

        @Pattern(regexp = TeamRequest.TIME, message = "must be a time of day such as 18:30")
        String workdayEnd,

        @Valid Care care) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /**
     * The care rules turned off, the longest gap between two 1:1s of a rep by stance, in days, and whether the team
     * runs the weekly pulse.
     */
    record Care(
            @Size(max = 5) List<@NotNull CareRule> off,
            @Min(1) @Max(90) Integer oneOnOneDaysOnboarding,
            @Min(1) @Max(90) Integer oneOnOneDaysJunior,
            @Min(1) @Max(90) Integer oneOnOneDaysSenior,
            Boolean pulse) {

        TeamCare toContract() {
            return new TeamCare(
                    off == null ? null : java.util.Set.copyOf(off),
                    oneOnOneDaysOnboarding,
                    oneOnOneDaysJunior,
                    oneOnOneDaysSenior,
                    pulse);
        }
    }

    /** The team's thresholds, bounded so that a typo cannot silence a rule or make it fire on everything. */
    record Rules(
            @Size(max = 5) Map<DealStage, @NotNull @Min(1) @Max(365) Integer> rottingDays,
            @Min(1) @Max(365) Integer quietDays,
            @Min(1) @Max(20) Integer slippingPushes,
            @Min(0) @Max(90) Integer closeDatePassedDays,
            @DecimalMin("0.5") @DecimalMax("0.99") BigDecimal bigWinPercentile,
            @DecimalMin("0.5") @DecimalMax("10") BigDecimal coverageMin,
            @DecimalMin("0.1") @DecimalMax("1") BigDecimal activityDropWarningBelow,
            @Min(1) @Max(20) Integer silenceDays) {

        TeamRules toContract() {
            return new TeamRules(
                    rottingDays,
                    quietDays,
                    slippingPushes,
                    closeDatePassedDays,
                    bigWinPercentile,
                    coverageMin,
                    activityDropWarningBelow,
                    silenceDays);
        }
    }
}
