package vn.partracker.indicators;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of the house style: resources call services, services call repositories and the domain, nothing
 * calls resources, and the domain rule packages (target, achievement, value, composite) use no framework.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.partracker.indicators");

    @Test
    void nothingButTheRestLayerUsesResources() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..rest..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotReachRepositoriesOrEntitiesDirectly() {
        noClasses()
                .that()
                .resideInAPackage("..rest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..repository..", "..messaging..")
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(CLASSES);
    }

    @Test
    void repositoriesAndTheDomainDoNotDependOnUpperLayers() {
        noClasses()
                .that()
                .resideInAnyPackage("..repository..", "..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..service..", "..rest..", "..messaging..")
                .check(CLASSES);
    }

    @Test
    void consumersGoThroughServices() {
        noClasses()
                .that()
                .resideInAPackage("..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..repository..", "..rest..")
                .check(CLASSES);
    }

    @Test
    void domainRulesAreFreeOfFrameworks() {
        noClasses()
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
                        "io.smallrye..")
                .check(CLASSES);
    }
}
