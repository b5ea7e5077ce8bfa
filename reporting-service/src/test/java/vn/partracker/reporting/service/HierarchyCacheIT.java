package vn.partracker.reporting.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.repository.AgencyReplicaRepository;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Reports share the hierarchy of a date while the directory stays as it was, and see every agency event applied
 * after that at once: a new agency, a move to another parent.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HierarchyCacheIT {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 14);

    @Inject
    HierarchyCache cache;

    @Inject
    AgencyReplicaRepository agencies;

    @Test
    void aCachedHierarchyIsReusedUntilTheDirectoryChanges() {
        String code = "HC" + TestEvents.suffix();
        UUID province = TestEvents.publishAgency(code, "UBND tỉnh (cache)", "PEOPLES_COMMITTEE", "PROVINCE", null);
        await(() -> cache.on(DAY).agency(province).isPresent());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = agencies.directoryRevision();
            Hierarchy first = cache.on(DAY);
            Hierarchy second = cache.on(DAY);
            return before == agencies.directoryRevision() && first == second;
        });

        UUID commune = UUID.randomUUID();
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                commune,
                TestEvents.agency(commune, 1, code + ".X", "UBND xã", "PEOPLES_COMMITTEE", "COMMUNE", province));
        await(() -> cache.on(DAY).children(province).stream().anyMatch(a -> a.id().equals(commune)));

        UUID other = TestEvents.publishAgency(code + "B", "UBND tỉnh khác", "PEOPLES_COMMITTEE", "PROVINCE", null);
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                commune,
                TestEvents.agency(commune, 2, code + ".X", "UBND xã", "PEOPLES_COMMITTEE", "COMMUNE", other));
        await(() -> cache.on(DAY).children(other).stream().anyMatch(a -> a.id().equals(commune)));
        Hierarchy moved = cache.on(DAY);
        assertTrue(moved.children(province).isEmpty(), "the commune left its old parent");
        assertTrue(moved.subtreeBranches(other).containsKey(commune));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }
}
