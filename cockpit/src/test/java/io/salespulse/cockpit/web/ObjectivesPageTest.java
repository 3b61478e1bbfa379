package io.salespulse.cockpit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a manager types as a target, as the objectives API takes it. */
class ObjectivesPageTest {

    @Test
    void aShareIsTypedAsAPercentageAndSentAsAShare() {
        assertThat(ObjectivesPage.typedTarget("NRR", "105")).isEqualTo("1.05");
        assertThat(ObjectivesPage.typedTarget("RENEWAL_RATE", "92,5")).isEqualTo("0.925");
        assertThat(ObjectivesPage.typedTarget("GRR", "lots")).isEqualTo("lots");
        // Counts and amounts as typed, a comma or spaces read as one number.
        assertThat(ObjectivesPage.typedTarget("REVENUE_WON", "50 000,5")).isEqualTo("50000.5");
        assertThat(ObjectivesPage.typedTarget("CALLS", "120")).isEqualTo("120");
        assertThat(ObjectivesPage.isRatio("ARR_RENEWED")).isFalse();
        assertThat(ObjectivesPage.isRatio("WHATEVER")).isFalse();
    }
}
