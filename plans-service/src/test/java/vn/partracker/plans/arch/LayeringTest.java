package vn.partracker.plans.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;

/**
 * The layering of the house style: resources call services, services call repositories and the domain, nothing
 * calls resources; domain rules are plain Java and the timeframe parser is framework-free.
 */
@AnalyzeClasses(packages = "vn.partracker.plans", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule nothingDependsOnResources = noClasses()
            .that()
            .resideOutsideOfPackage("..plans.rest..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..plans.rest..");

    @ArchTest
    static final ArchRule resourcesDoNotTouchRepositoriesOrEntities = noClasses()
            .that()
            .resideInAPackage("..plans.rest..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..plans.repository..")
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class);

    @ArchTest
    static final ArchRule repositoriesAreUsedByServicesOnly = classes()
            .that()
            .resideInAPackage("..plans.repository..")
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage("..plans.service..", "..plans.repository..");

    @ArchTest
    static final ArchRule apiRecordsDoNotReachIntoLowerLayers = noClasses()
            .that()
            .resideInAPackage("..plans.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..plans.service..", "..plans.repository..");

    @ArchTest
    static final ArchRule domainRulesAreFrameworkFree = noClasses()
            .that()
            .resideInAPackage("..plans.domain..")
            .and()
            .areNotAnnotatedWith(Entity.class)
            .and()
            .areNotAnnotatedWith(Embeddable.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..");

    @ArchTest
    static final ArchRule timeframeParserUsesOnlyTheJdkAndPeriodCodes = classes()
            .that()
            .resideInAPackage("..plans.domain.timeframe..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "..plans.domain.timeframe..", "vn.partracker.events.period..");

    @ArchTest
    static final ArchRule domainDoesNotDependOnUpperLayers = noClasses()
            .that()
            .resideInAPackage("..plans.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..plans.service..", "..plans.repository..", "..plans.api..");
}
