package io.salespulse.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salespulse.contracts.signal.SignalType;
import io.salespulse.testsupport.BundleCheck;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The cockpit's pages are worded in every language, for every signal type. */
class CockpitTextsTest {

    @Test
    void theBundlesAreCompleteInEveryLanguage() {
        assertThat(BundleCheck.problems()).isEmpty();
        assertThat(BundleCheck.bundles().keySet()).containsExactly("", "fr");
    }

    @Test
    void everySignalTypeHasATitle() {
        Properties english = BundleCheck.bundles().get("");
        for (SignalType type : SignalType.values()) {
            assertThat(english.getProperty("signal.title." + type.name()))
                    .as(type.name())
                    .contains("{0}");
        }
    }
}
