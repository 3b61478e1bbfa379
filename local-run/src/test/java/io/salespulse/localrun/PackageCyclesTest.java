package io.salespulse.localrun;

import io.salespulse.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** local-run's packages form no cycle. */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNone("io.salespulse.localrun");
    }
}
