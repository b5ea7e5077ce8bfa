package vn.partracker.plans;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import vn.partracker.testsupport.architecture.ServiceArchitecture;

/**
 * The package layout shared by the three services ({@link ServiceArchitecture}), plus the one rule of this service's
 * own: the timeframe parser reads the seed documents' wording with the JDK and the period codes only, so it can be
 * reused and tested anywhere.
 */
@AnalyzeClasses(packages = "vn.partracker.plans", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule timeframeParserUsesOnlyTheJdkAndPeriodCodes = classes()
            .that()
            .resideInAPackage("..plans.domain.timeframe..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..plans.domain.timeframe..", "vn.partracker.events.period..");
}
