package io.salespulse.kpi.pipeline;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A forecast call for this week: what the rep, the team or the unit will have won by the end of the month or quarter
 * under way.
 *
 * @param amount   the call (0 to 10^12)
 * @param currency its ISO 4217 code
 * @param period   {@code month} or {@code quarter} (the default)
 * @param note     why, in a few words (at most 500 characters)
 */
public record CallRequest(
        @NotNull @DecimalMin("0") @DecimalMax("1000000000000")
        BigDecimal amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Pattern(regexp = "(?i)month|quarter", message = "must be month or quarter")
        String period,

        @Size(max = 500) String note) {}
