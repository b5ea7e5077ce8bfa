package vn.partracker.reporting.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the house style: resources call services, services call repositories and domain classes,
 * consumers call services; DTO records are shared by rest and service; the window rules stay framework-free.
 */
@AnalyzeClasses(packages = "vn.partracker.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Rest")
            .definedBy("vn.partracker.reporting.rest")
            .layer("Dto")
            .definedBy("vn.partracker.reporting.rest.dto..")
            .layer("Messaging")
            .definedBy("vn.partracker.reporting.messaging..")
            .layer("Service")
            .definedBy("vn.partracker.reporting.service..")
            .layer("Repository")
            .definedBy("vn.partracker.reporting.repository..")
            .layer("Domain")
            .definedBy("vn.partracker.reporting.domain..")
            .whereLayer("Rest")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Messaging")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Service")
            .mayOnlyBeAccessedByLayers("Rest", "Messaging")
            .whereLayer("Repository")
            .mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Dto")
            .mayOnlyBeAccessedByLayers("Rest", "Service");

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

    @ArchTest
    static final ArchRule resourcesDoNotTouchRepositories = noClasses()
            .that()
            .resideInAPackage("vn.partracker.reporting.rest..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("vn.partracker.reporting.repository..");
}
