package io.salespulse.activity;

import io.salespulse.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** activity-service's packages form no cycle (the rule is shown to fail in kpi-service's PackageCyclesTest). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNone("io.salespulse.activity");
    }
}
