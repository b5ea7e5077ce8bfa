package vn.partracker.reporting.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.IndicatorDefined;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.TaskState;
import vn.partracker.events.payload.TaskStatusChanged;
import vn.partracker.events.payload.TimeframeState;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Every replica consumer on the real broker: a duplicate delivery changes nothing, an older version never
 * overwrites a newer one, and an unreadable record goes to the dead-letter topic without stopping consumption.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ReplicaConsumersIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void agencyDuplicateAndOlderVersionChangeNothing() {
        UUID id = UUID.randomUUID();
        String code = "KT.SNV." + TestEvents.suffix();
        UUID eventId = UUID.randomUUID();
        String v2 = EventJson.write(TestEvents.agency(id, 2, code, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", null));
        TestEvents.send(Topics.AGENCIES, EventTypes.AGENCY_UPSERTED, id, eventId, v2);
        await("SELECT version::text FROM agency WHERE id = ?", id, "2");
        String updatedAt = TableCounts.text(dataSource, "SELECT updated_at::text FROM agency WHERE id = ?", id);
        TestEvents.send(Topics.AGENCIES, EventTypes.AGENCY_UPSERTED, id, eventId, v2);
        TestEvents.send(
                Topics.AGENCIES,
                EventTypes.AGENCY_UPSERTED,
                id,
                TestEvents.agency(id, 1, code, "Sở Nội vụ (cũ)", "DEPARTMENT", "PROVINCE", null));
        UUID marker = TestEvents.publishAgency(code + ".M", "Sở Tư pháp", "DEPARTMENT", "PROVINCE", null);
        await("SELECT version::text FROM agency WHERE id = ?", marker, "0");
        assertEquals("Sở Nội vụ", TableCounts.text(dataSource, "SELECT name FROM agency WHERE id = ?", id));
        assertEquals(updatedAt, TableCounts.text(dataSource, "SELECT updated_at::text FROM agency WHERE id = ?", id));
        assertEquals(
                "1",
                TableCounts.text(dataSource, "SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void agencyGroupDuplicateChangesNothing() {
        UUID group = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String json = EventJson.write(new vn.partracker.events.payload.AgencyGroupUpserted(
                1,
                group,
                3,
                "SBN." + TestEvents.suffix(),
                "Các sở, ban ngành",
                List.of("DEPARTMENT"),
                List.of(),
                null,
                List.of()));
        TestEvents.send(Topics.AGENCIES, EventTypes.AGENCY_GROUP_UPSERTED, group, eventId, json);
        TestEvents.send(Topics.AGENCIES, EventTypes.AGENCY_GROUP_UPSERTED, group, eventId, json);
        await("SELECT version::text FROM agency_group WHERE id = ?", group, "3");
        UUID marker =
                TestEvents.publishGroup("M." + TestEvents.suffix(), "UBND cấp xã", List.of(), List.of("COMMUNE"), null);
        await("SELECT version::text FROM agency_group WHERE id = ?", marker, "0");
        assertEquals(
                "1",
                TableCounts.text(dataSource, "SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void planTaskAndAssignmentEventsKeepTheNewestVersion() {
        UUID plan = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        TaskState taskState = new TaskState(
                task,
                plan,
                "VII",
                "1",
                "Báo cáo Công tác kiểm soát thủ tục hành chính, triển khai cơ chế một cửa, một cửa liên thông",
                "TTHC",
                List.of(),
                List.of(),
                null,
                "Báo cáo",
                new TimeframeState(
                        "Quý I năm 2024",
                        "QUARTER",
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 3, 31),
                        LocalDate.of(2024, 3, 31)),
                1);
        PlanState state = new PlanState(
                1,
                plan,
                1,
                "59/QĐ-UBND",
                "Kế hoạch cải cách TTHC năm 2024",
                null,
                LocalDate.of(2024, 1, 29),
                2024,
                null,
                null,
                "ISSUED",
                null,
                List.of(),
                List.of(taskState),
                List.of(assignment(assignment, plan, task, agency, "NOT_STARTED", 1)),
                null);
        UUID eventId = UUID.randomUUID();
        TestEvents.send(Topics.PLANS, EventTypes.PLAN_ISSUED, plan, eventId, EventJson.write(state));
        TestEvents.send(Topics.PLANS, EventTypes.PLAN_ISSUED, plan, eventId, EventJson.write(state));
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_STATUS_CHANGED,
                plan,
                new TaskStatusChanged(
                        1, assignment(assignment, plan, task, agency, "DONE", 3), "IN_PROGRESS", OffsetDateTime.now()));
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_STATUS_CHANGED,
                plan,
                new TaskStatusChanged(
                        1,
                        assignment(assignment, plan, task, agency, "IN_PROGRESS", 2),
                        "NOT_STARTED",
                        OffsetDateTime.now()));
        UUID marker = UUID.randomUUID();
        TestEvents.send(Topics.PLANS, EventTypes.PLAN_ISSUED, marker, TestEvents.plan(marker, 1, "60/QĐ-UBND"));
        await("SELECT number FROM plan WHERE id = ?", marker, "60/QĐ-UBND");
        assertEquals("DONE", TableCounts.text(dataSource, "SELECT status FROM assignment WHERE id = ?", assignment));
        assertEquals("2024-03-31", TableCounts.text(dataSource, "SELECT due_date::text FROM task WHERE id = ?", task));
        assertEquals(
                "1",
                TableCounts.text(dataSource, "SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void indicatorDuplicateAndOlderVersionChangeNothing() {
        UUID indicator = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        IndicatorDefined v1 = TestEvents.ratioIndicator(
                indicator, plan, "Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn", List.of(TestEvents.agencyRef(plan)));
        IndicatorDefined v2 = new IndicatorDefined(
                1,
                indicator,
                2,
                plan,
                "IV",
                "2",
                "Tỷ lệ công bố, công khai TTHC đúng hạn",
                "PERCENT",
                "RATIO",
                null,
                null,
                "HIGHER_IS_BETTER",
                "QUARTERLY",
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null);
        UUID eventId = UUID.randomUUID();
        TestEvents.send(Topics.INDICATORS, EventTypes.INDICATOR_DEFINED, indicator, eventId, EventJson.write(v2));
        TestEvents.send(Topics.INDICATORS, EventTypes.INDICATOR_DEFINED, indicator, eventId, EventJson.write(v2));
        TestEvents.send(Topics.INDICATORS, EventTypes.INDICATOR_DEFINED, indicator, v1);
        UUID marker = UUID.randomUUID();
        TestEvents.send(
                Topics.INDICATORS,
                EventTypes.INDICATOR_DEFINED,
                marker,
                TestEvents.ratioIndicator(marker, plan, "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", List.of()));
        await("SELECT version::text FROM indicator WHERE id = ?", marker, "1");
        assertEquals(
                "Tỷ lệ công bố, công khai TTHC đúng hạn",
                TableCounts.text(dataSource, "SELECT name FROM indicator WHERE id = ?", indicator));
        assertEquals(
                "1",
                TableCounts.text(dataSource, "SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void anUnreadableMeasurementGoesAloneToTheDeadLetterTopic() {
        UUID broken = UUID.randomUUID();
        KafkaTestClient.send(Topics.MEASUREMENTS, broken.toString(), "{not json", Map.of());
        UUID good = UUID.randomUUID();
        TestEvents.publishFigure(TestEvents.ratioFigure(
                good, 1, 1, UUID.randomUUID(), UUID.randomUUID(), "2024-Q2", "SUBMITTED", 9, 10, OffsetDateTime.now()));
        await("SELECT version::text FROM measurement WHERE id = ?", good, "1");
        var dead = KafkaTestClient.readUntil(
                "partracker.dlq.reporting-service",
                Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> broken.toString().equals(r.key())));
        assertTrue(dead.stream().anyMatch(r -> broken.toString().equals(r.key())), "kept on the dead-letter topic");
        assertTrue(dead.stream().noneMatch(r -> good.toString().equals(r.key())), "the good event was applied");
    }

    private static AssignmentState assignment(UUID id, UUID plan, UUID task, UUID agency, String status, long version) {
        return new AssignmentState(
                id, plan, task, agency, status, BigDecimal.ZERO, LocalDate.of(2024, 3, 31), null, version);
    }

    private void await(String sql, UUID id, String expected) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> expected.equals(TableCounts.text(dataSource, sql, id)));
    }
}
