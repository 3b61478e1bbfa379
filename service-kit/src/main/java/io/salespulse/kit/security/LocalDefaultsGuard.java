package io.salespulse.kit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start a service outside the {@code local} profile while any setting still holds one of the local run's
 * default secrets (every such default starts with {@value #LOCAL_DEFAULT}: the demo ingest key, the CRM webhook
 * secrets). The refusal names the properties, never their values. The local run and the tests activate the
 * {@code local} profile; a deployment that forgets a secret does not start instead of accepting anybody who read
 * the README.
 */
public final class LocalDefaultsGuard {

    /** How every local-run default secret begins. */
    public static final String LOCAL_DEFAULT = "local-dev-";
    /** The profile under which the defaults are allowed. */
    public static final String LOCAL_PROFILE = "local";

    private LocalDefaultsGuard() {}

    /** Throws, naming them, when settings hold local-run defaults outside the local profile. */
    public static void check(ConfigurableEnvironment environment) {
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return;
        }
        List<String> found = localDefaults(environment);
        if (!found.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start: " + String.join(", ", found) + " still "
                            + (found.size() == 1 ? "has its" : "have their")
                            + " local-run default. Set a secret of your own "
                            + "(see docs/operations.md, \"Secrets\"), or run with the 'local' profile on your own machine only.");
        }
    }

    /** The names of the settings whose value is a local-run default, sorted. */
    static List<String> localDefaults(ConfigurableEnvironment environment) {
        Set<String> names = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    names.add(name);
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (String name : names) {
            String value;
            try {
                value = environment.getProperty(name);
            } catch (RuntimeException unresolvable) {
                continue;
            }
            if (value != null && value.trim().startsWith(LOCAL_DEFAULT)) {
                found.add(name);
            }
        }
        return found;
    }
}
