package vn.partracker.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one package layout of the three services, as ArchUnit rules. Each service runs them on its own classes:
 *
 * <pre>
 * &#64;AnalyzeClasses(packages = "vn.partracker.plans", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests layout = ArchTests.in(ServiceArchitecture.class);
 * }
 * </pre>
 *
 * <p>The packages of a service ({@code vn.partracker.<service>.<layer>..}):
 *
 * <ul>
 *   <li>{@code api}: request and response records, the HTTP contract; no behaviour beyond Bean Validation;
 *   <li>{@code rest}: JAX-RS resources (and providers) only; nothing depends on them;
 *   <li>{@code service}: use cases, transactions, authorization of a call, mapping between {@code api} and
 *       {@code domain};
 *   <li>{@code domain}: entities, value types and framework-free rules; depends on nothing else of the service;
 *   <li>{@code repository}: data access, used by services only;
 *   <li>{@code messaging}: Kafka consumers (thin; a service owns the transaction and the event claim) and event
 *       writers (one per aggregate, appending to the outbox);
 *   <li>{@code config}: {@code @ConfigMapping} interfaces and framework customisers.
 * </ul>
 *
 * <p>Jackson counts as a data library, not a framework: a domain rule may read a JSON tree.
 */
public final class ServiceArchitecture {

    private static final String API = "..api..";
    private static final String REST = "..rest..";
    private static final String SERVICE = "..service..";
    private static final String DOMAIN = "..domain..";
    private static final String REPOSITORY = "..repository..";
    private static final String MESSAGING = "..messaging..";
    private static final String CONFIG = "..config..";

    private static final String[] FRAMEWORKS = {
        "jakarta..",
        "io.quarkus..",
        "org.hibernate..",
        "io.smallrye..",
        "org.eclipse.microprofile..",
        "io.vertx..",
        "io.agroal..",
        "org.apache.kafka..",
        "vn.partracker.support.."
    };

    private ServiceArchitecture() {}

    /** Every class belongs to one of the seven layers, so nothing escapes the rules below. */
    @ArchTest
    public static final ArchRule everyClassIsInALayer = classes()
            .that()
            .resideOutsideOfPackages(API, REST, SERVICE, DOMAIN, REPOSITORY, MESSAGING, CONFIG)
            .should(neverExist())
            .allowEmptyShould(true)
            .because("every class lives in api, rest, service, domain, repository, messaging or config");

    /** Resources are the entry points: nothing calls them. */
    @ArchTest
    public static final ArchRule nothingDependsOnRest = noClasses()
            .that()
            .resideOutsideOfPackage(REST)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(REST);

    /** The rest package holds resources and JAX-RS providers, nothing else (helpers belong to a service). */
    @ArchTest
    public static final ArchRule restHoldsResourcesOnly = classes()
            .that()
            .resideInAPackage(REST)
            .and()
            .areTopLevelClasses()
            .should()
            .beAnnotatedWith("jakarta.ws.rs.Path")
            .orShould()
            .beAnnotatedWith("jakarta.ws.rs.ext.Provider");

    /** Resources go through services: no repository, no consumer or event writer, no entity. */
    @ArchTest
    public static final ArchRule resourcesUseServicesOnly = noClasses()
            .that()
            .resideInAPackage(REST)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(REPOSITORY, MESSAGING)
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith("jakarta.persistence.Entity");

    /** The HTTP contract is data: it names no layer below it and no entity. */
    @ArchTest
    public static final ArchRule apiIsTheContractOnly = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SERVICE, REPOSITORY, MESSAGING, CONFIG)
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith("jakarta.persistence.Entity");

    /** Repositories are used by services (and by each other) only; consumers reach data through a service. */
    @ArchTest
    public static final ArchRule repositoriesAreUsedByServicesOnly = classes()
            .that()
            .resideInAPackage(REPOSITORY)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(SERVICE, REPOSITORY);

    /** The domain depends on nothing else of the service. */
    @ArchTest
    public static final ArchRule domainDependsOnNothingOfTheService = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, REST, SERVICE, REPOSITORY, MESSAGING, CONFIG);

    /** Domain rules (everything in domain that is not a mapped entity) are plain Java, testable without Quarkus. */
    @ArchTest
    public static final ArchRule domainRulesAreFrameworkFree = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .and(areNotPersistenceMappings())
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS);

    /** Services never depend on the HTTP layer's framework types, so a use case can run from a consumer too. */
    @ArchTest
    public static final ArchRule servicesDoNotSpeakHttp = noClasses()
            .that()
            .resideInAPackage(SERVICE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..");

    private static DescribedPredicate<JavaClass> areNotPersistenceMappings() {
        return new DescribedPredicate<>("are not persistence mappings") {
            @Override
            public boolean test(JavaClass type) {
                JavaClass outer = type;
                while (outer.getEnclosingClass().isPresent()) {
                    outer = outer.getEnclosingClass().get();
                }
                return !(outer.isAnnotatedWith("jakarta.persistence.Entity")
                        || outer.isAnnotatedWith("jakarta.persistence.Embeddable")
                        || outer.isAnnotatedWith("jakarta.persistence.MappedSuperclass")
                        || outer.isAnnotatedWith("jakarta.persistence.Converter"));
            }
        };
    }

    private static com.tngtech.archunit.lang.ArchCondition<JavaClass> neverExist() {
        return new com.tngtech.archunit.lang.ArchCondition<>("not exist outside the layers") {
            @Override
            public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                        type, type.getName() + " is in no layer package"));
            }
        };
    }
}
