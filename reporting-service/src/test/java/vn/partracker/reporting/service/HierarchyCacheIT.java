package vn.partracker.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void theDatesBetweenTwoChangesOfTheDirectoryShareOneHierarchyAndADateAcrossAChangeDoesNot() {
        String code = "HS" + TestEvents.suffix();
        UUID province = TestEvents.publishAgency(code, "UBND tỉnh (spans)", "PEOPLES_COMMITTEE", "PROVINCE", null);
        UUID district = UUID.randomUUID();
        // a district abolished on 2025-07-01: valid up to 2025-06-30, so the directory changes on 2025-07-01
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                district,
                TestEvents.agency(
                        district,
                        1,
                        code + ".H",
                        "UBND huyện (spans)",
                        "PEOPLES_COMMITTEE",
                        "DISTRICT",
                        province,
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2025, 6, 30)));
        LocalDate earlier = LocalDate.of(2025, 6, 29);
        LocalDate june = LocalDate.of(2025, 6, 30);
        LocalDate july = LocalDate.of(2025, 7, 1);
        await(() -> cache.on(earlier).agency(district).isPresent());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = agencies.directoryRevision();
            Hierarchy first = cache.on(earlier);
            Hierarchy second = cache.on(june);
            // one structure for the span: the memo of a subtree computed through one date is the other's
            return before == agencies.directoryRevision()
                    && first.subtreeBranches(province) == second.subtreeBranches(province);
        });
        Hierarchy inJune = cache.on(june);
        assertEquals(june, inJune.date(), "a shared hierarchy still answers for the date it was asked for");
        assertEquals(earlier, cache.on(earlier).date());
        assertTrue(inJune.subtreeBranches(province).containsKey(district));

        Hierarchy inJuly = cache.on(july);
        assertEquals(july, inJuly.date());
        assertTrue(inJuly.agency(province).isPresent());
        assertFalse(inJuly.agency(district).isPresent(), "the district ended on the last day of June");
        assertFalse(inJuly.subtreeBranches(province).containsKey(district));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }
}
