package io.salespulse.activity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the local profile, activity-service does not start while any secret still has its local-run default: one
 * row per secret, the others set to real values. The refusal names the property and never shows the value. (It comes
 * before any connection is made: no broker or database is needed to see it.)
 */
class ProductionGuardTest {

    private static final Map<String, String> REAL = Map.of(
            "salespulse.ingest.api-keys.demo", "k-8f3a1c77e2",
            "salespulse.crm.hubspot.client-secret", "hs-2b9d0e41aa",
            "salespulse.crm.pipedrive.password", "pd-71c5e09b3f",
            "salespulse.crm.twenty.secret", "tw-c04e8d2f19");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "salespulse.ingest.api-keys.demo",
                "salespulse.crm.hubspot.client-secret",
                "salespulse.crm.pipedrive.password",
                "salespulse.crm.twenty.secret"
            })
    void aServiceRefusesToStartWithALocalDefaultSecret(String leftAtDefault) {
        Map<String, String> settings = new LinkedHashMap<>(REAL);
        settings.remove(leftAtDefault);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--salespulse.security.jwt.public-key-location=",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.org/realms/x"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        assertThatThrownBy(() ->
                        new SpringApplicationBuilder(ActivityServiceApplication.class).run(args.toArray(String[]::new)))
                .hasStackTraceContaining("Refusing to start: " + leftAtDefault + " still has its local-run default")
                .satisfies(refusal -> org.assertj.core.api.Assertions.assertThat(stackTrace(refusal))
                        .doesNotContain("local-dev-"));
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
