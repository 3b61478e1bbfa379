package io.salespulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BundleCheckTest {

    private static Properties of(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void completeBundlesHaveNoProblem() {
        assertThat(BundleCheck.problems(Map.of(
                        "",
                        of("title", "{0}''s activity is dropping"),
                        "fr",
                        of("title", "Baisse d''activité de {0}"))))
                .isEmpty();
    }

    @Test
    void aKeyMissingInALanguageIsNamed() {
        assertThat(BundleCheck.problems(Map.of("", of("a", "A", "b", "B"), "fr", of("a", "A", "c", "C"))))
                .containsExactlyInAnyOrder("fr: missing b", "fr: c is not in the default bundle");
    }

    @Test
    void argumentsBlanksAndApostrophesAreChecked() {
        assertThat(BundleCheck.problems(Map.of(
                        "", of("t", "Big win for {0}", "u", "Open"), "fr", of("t", "Belle signature d'{1}", "u", " "))))
                .containsExactlyInAnyOrder(
                        "fr: t takes arguments [1], the default [0]",
                        "fr: t has a single apostrophe (write '')",
                        "fr: u is blank");
    }

    @Test
    void oneLanguageAloneIsAProblem() {
        assertThat(BundleCheck.problems(Map.of("", of("a", "A"))))
                .containsExactly("only the default bundle: no messages_<language>.properties");
    }
}
