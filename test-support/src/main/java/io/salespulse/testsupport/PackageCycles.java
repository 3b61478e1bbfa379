package io.salespulse.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture rule every module keeps: its packages depend on each other without cycles (a package that needs
 * another's classes may not be needed back). Every module's {@code PackageCyclesTest} runs it over its own code.
 */
public final class PackageCycles {

    private PackageCycles() {}

    /** The production classes under a root package. */
    public static JavaClasses of(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Fails, naming each cycle, when the first-level packages under {@code rootPackage} depend on each other in a cycle. */
    public static void assertNone(String rootPackage, JavaClasses classes) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    public static void assertNone(String rootPackage) {
        assertNone(rootPackage, of(rootPackage));
    }
}
