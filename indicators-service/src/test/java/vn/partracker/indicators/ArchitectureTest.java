package vn.partracker.indicators;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.partracker.testsupport.architecture.ServiceArchitecture;

/**
 * The shared package layout of the three services, plus one rule of this service: the domain rule packages
 * (target selection, achievement, values, composites) stay free of Jackson too, which the shared rules allow in a
 * domain, because their inputs are already-parsed values.
 */
@AnalyzeClasses(packages = "vn.partracker.indicators", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule domainRulesAreFreeOfFrameworksAndJson = noClasses()
            .that()
            .resideInAnyPackage(
                    "..domain.target..", "..domain.achievement..", "..domain.value..", "..domain.composite..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta..",
                    "io.quarkus..",
                    "org.hibernate..",
                    "com.fasterxml..",
                    "org.eclipse..",
                    "io.smallrye..");
}
