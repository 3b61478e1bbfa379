package io.salespulse.kpi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.salespulse.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** kpi-service's packages form no cycle; and the rule does fail on one (the cycle this module once had). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNone("io.salespulse.kpi");
    }

    @Test
    void theRuleFailsOnACycle() {
        // activity -> deals (a fixture class in the test tree) and deals -> activity, as when KpiCounting lived in
        // activity and deals counted with activity's Increment.
        JavaClasses cyclic = new ClassFileImporter()
                .importClasses(
                        io.salespulse.kpi.fixture.activity.Counting.class,
                        io.salespulse.kpi.fixture.deals.Counting.class);
        assertThatThrownBy(() -> PackageCycles.assertNone("io.salespulse.kpi.fixture", cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }
}
