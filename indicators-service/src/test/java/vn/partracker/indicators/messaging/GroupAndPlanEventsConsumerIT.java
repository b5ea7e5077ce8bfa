package vn.partracker.indicators.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/** The agency group, parent link and plan replicas on the real broker: applied once, in version order. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class GroupAndPlanEventsConsumerIT {

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void replicas() {
        replicas = new Replicas(dataSource);
    }

    @Test
    void aGroupDeliveredTwiceIsAppliedOnceAndAnOlderVersionIsIgnored() {
        UUID group = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        TestEvents.publish(eventId, group(group, 1, "Các sở, ban ngành"));
        replicas.awaitVersion("agency_group_replica", group, 1);
        TestEvents.publish(eventId, group(group, 1, "Các sở, ban ngành"));
        TestEvents.publish(UUID.randomUUID(), group(group, 3, "Các sở, ban, ngành tỉnh"));
        replicas.awaitVersion("agency_group_replica", group, 3);
        TestEvents.publish(UUID.randomUUID(), group(group, 2, "Tên cũ"));
        UUID marker = UUID.randomUUID();
        TestEvents.publish(UUID.randomUUID(), group(marker, 1, "UBND cấp xã"));
        replicas.awaitVersion("agency_group_replica", marker, 1);

        assertEquals(
                "Các sở, ban, ngành tỉnh", replicas.text("SELECT name FROM agency_group_replica WHERE id = ?", group));
        assertEquals(
                "cac so, ban, nganh tinh",
                replicas.text("SELECT name_folded FROM agency_group_replica WHERE id = ?", group));
        assertEquals(1, replicas.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void parentLinksAreKeptSoTheHierarchyOfADateCanBeAnswered() {
        UUID commune = UUID.randomUUID();
        UUID district = UUID.randomUUID();
        UUID province = UUID.randomUUID();
        TestEvents.publish(
                UUID.randomUUID(),
                new AgencyUpserted(
                        1,
                        commune,
                        1,
                        "KT.HM-" + commune.toString().substring(0, 6),
                        "UBND xã Hà Mòn",
                        null,
                        "PEOPLES_COMMITTEE",
                        "COMMUNE",
                        province,
                        List.of(
                                new ParentLink(district, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 6, 30)),
                                new ParentLink(province, LocalDate.of(2025, 7, 1), null)),
                        List.of(),
                        LocalDate.of(2020, 1, 1),
                        null,
                        List.of()));
        replicas.awaitVersion("agency_replica", commune, 1);
        assertEquals(
                district.toString(),
                replicas.text(
                        "SELECT parent_id::text FROM agency_parent_link WHERE agency_id = ? AND position = 0",
                        commune));
        assertEquals(
                "2025-07-01",
                replicas.text(
                        "SELECT valid_from::text FROM agency_parent_link WHERE agency_id = ? AND position = 1",
                        commune));
    }

    @Test
    void aPlanDeliveredTwiceIsAppliedOnceAndAmendmentsWin() {
        UUID plan = UUID.randomUUID();
        UUID issued = UUID.randomUUID();
        TestEvents.publish(issued, EventTypes.PLAN_ISSUED, TestEvents.plan(plan, 1, "59/QĐ-UBND", 2024, "ISSUED"));
        replicas.awaitVersion("plan_replica", plan, 1);
        TestEvents.publish(issued, EventTypes.PLAN_ISSUED, TestEvents.plan(plan, 1, "59/QĐ-UBND", 2024, "ISSUED"));
        TestEvents.publish(
                UUID.randomUUID(), EventTypes.PLAN_AMENDED, TestEvents.plan(plan, 3, "59/QĐ-UBND", 2024, "CLOSED"));
        replicas.awaitVersion("plan_replica", plan, 3);
        TestEvents.publish(
                UUID.randomUUID(), EventTypes.PLAN_AMENDED, TestEvents.plan(plan, 2, "59/QĐ-UBND", 2024, "ISSUED"));
        TestEvents.send(Topics.PLANS, EventTypes.TASK_ASSIGNED, plan, UUID.randomUUID(), "{\"schemaVersion\": 1}");
        UUID marker = UUID.randomUUID();
        TestEvents.publish(
                UUID.randomUUID(), EventTypes.PLAN_ISSUED, TestEvents.plan(marker, 1, "60/QĐ-UBND", 2024, "ISSUED"));
        replicas.awaitVersion("plan_replica", marker, 1);

        assertEquals("CLOSED", replicas.text("SELECT status FROM plan_replica WHERE id = ?", plan));
        assertEquals(1, replicas.count("SELECT count(*) FROM processed_event WHERE event_id = ?", issued));
    }

    private static AgencyGroupUpserted group(UUID id, long version, String name) {
        return TestEvents.group(
                id,
                version,
                "SBN-" + id.toString().substring(0, 6),
                name,
                List.of("DEPARTMENT", "BOARD"),
                List.of(),
                null,
                List.of());
    }
}
