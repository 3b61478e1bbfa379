package io.salespulse.cockpit;

import io.salespulse.testsupport.PackageCycles;
import org.junit.jupiter.api.Test;

/** The cockpit's packages form no cycle. */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        PackageCycles.assertNone("io.salespulse.cockpit");
    }
}
