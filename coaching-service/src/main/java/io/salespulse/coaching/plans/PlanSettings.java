package io.salespulse.coaching.plans;

import io.salespulse.contracts.org.RepRole;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Development plans' settings, {@code salespulse.coaching.plans.*}: the skills a goal may name, per role; how often a
 * plan is to be reviewed; the working days an indicator goal is measured over by default.
 *
 * @param skills        skill ids per role (the cockpit names them in each language: {@code skill.<id>})
 * @param reviewEvery   a plan not reviewed for this long is a reminder to its manager (30 days)
 * @param indicatorDays the working days an indicator is measured over when the goal names none (10)
 */
@ConfigurationProperties("salespulse.coaching.plans")
public record PlanSettings(Map<RepRole, List<String>> skills, Duration reviewEvery, Integer indicatorDays) {

    static final Map<RepRole, List<String>> DEFAULT_SKILLS = new EnumMap<>(Map.of(
            RepRole.SDR,
                    List.of("prospecting", "cold-calling", "objection-handling", "qualification", "product-knowledge"),
            RepRole.AE,
                    List.of(
                            "discovery",
                            "demo",
                            "objection-handling",
                            "negotiation",
                            "closing",
                            "product-knowledge",
                            "forecasting"),
            RepRole.CSM, List.of("onboarding", "account-planning", "renewals", "upselling", "product-knowledge")));

    public PlanSettings {
        skills = skills == null || skills.isEmpty() ? DEFAULT_SKILLS : skills;
        reviewEvery = reviewEvery == null ? Duration.ofDays(30) : reviewEvery;
        indicatorDays = indicatorDays == null ? 10 : indicatorDays;
    }

    /** The skills of a role. */
    public List<String> skillsOf(RepRole role) {
        return role == null ? List.of() : skills.getOrDefault(role, List.of());
    }
}
