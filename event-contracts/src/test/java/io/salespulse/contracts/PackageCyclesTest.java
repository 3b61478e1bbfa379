package io.salespulse.contracts;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** event-contracts's packages form no cycle (the rule of test-support's PackageCycles, which cannot be used from here). */
class PackageCyclesTest {

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.salespulse.contracts.(*)..")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.salespulse.contracts"));
    }
}
