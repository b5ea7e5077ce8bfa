package vn.partracker.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.partracker.testsupport.architecture.ServiceArchitecture;

/**
 * The one package layout of the suite, run on reporting-service's classes, plus the rule of one domain package: the
 * reporting-window rules (ND09 cut-off, deadlines) are the legal core and stay plain JDK code, without even the JSON
 * library the shared domain rule allows.
 */
@AnalyzeClasses(packages = "vn.partracker.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule windowRulesAreFrameworkFree = noClasses()
            .that()
            .resideInAPackage("vn.partracker.reporting.domain.window..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta..",
                    "io.quarkus..",
                    "org.hibernate..",
                    "io.smallrye..",
                    "org.eclipse..",
                    "com.fasterxml..");
}
