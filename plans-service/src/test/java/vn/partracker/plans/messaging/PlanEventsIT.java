package vn.partracker.plans.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskProgressReported;
import vn.partracker.events.payload.TaskStatusChanged;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;

/** Every event type of plans-service read back from Kafka: once per change, full state, CloudEvents headers. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanEventsIT {

    @Test
    void eachChangePublishesItsEventOnceWithHeadersAndFullState() {
        PlanFixture f = new PlanFixture();
        given().contentType(ContentType.JSON)
                .body(Map.of("parentId", f.province, "from", "2025-07-01"))
                .header("If-Match", IfMatch.of("/api/agencies/" + f.commune))
                .post("/api/agencies/" + f.commune + "/moves")
                .then()
                .statusCode(200);

        String planId = f.createPlan();
        PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "I",
                        "1",
                        "Công tác cải cách TTHC năm 2024",
                        Map.of("groupId", f.departments),
                        "Trước ngày 16/02/2024"));
        given().header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Map.of("title", "Kế hoạch cải cách TTHC năm 2024 (sửa đổi)", "amendmentReason", "Sửa tên"))
                .patch("/api/plans/" + planId)
                .then()
                .statusCode(200);
        Map<String, Object> added =
                PlanFixture.task("VII", "1", "Báo cáo định kỳ", Map.of("agencyId", f.office), "Hàng quý");
        added.put("amendmentReason", "Bổ sung nhiệm vụ báo cáo");
        String addedTask = PlanFixture.addTask(planId, added);
        String assignment = given().queryParam("planId", planId)
                .queryParam("agencyId", f.office)
                .get("/api/assignments")
                .then()
                .extract()
                .path("items[0].id");
        given().contentType(ContentType.JSON)
                .body(Map.of("percent", 50, "note", "Đã gửi báo cáo quý I", "occurrence", "2024-Q1"))
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("percent", 75, "occurrence", "2024-Q1"))
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201);

        List<ConsumerRecord<String, String>> plans = read(Topics.PLANS, planId, 6);
        Map<String, Long> types = plans.stream()
                .collect(Collectors.groupingBy(
                        r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE), Collectors.counting()));
        assertEquals(
                Map.of(
                        EventTypes.PLAN_ISSUED, 1L,
                        EventTypes.PLAN_AMENDED, 1L,
                        EventTypes.TASK_ASSIGNED, 1L,
                        EventTypes.TASK_PROGRESS_REPORTED, 2L,
                        EventTypes.TASK_STATUS_CHANGED, 1L),
                types);
        plans.forEach(r -> assertHeaders(r, planId));

        PlanState issued = EventJson.read(payload(plans, EventTypes.PLAN_ISSUED), PlanState.class);
        assertEquals(1, issued.schemaVersion());
        assertEquals("ISSUED", issued.status());
        assertEquals(LocalDate.of(2024, 1, 29), issued.issuedOn());
        assertEquals(1, issued.tasks().size());
        assertEquals("BY_DATE", issued.tasks().get(0).timeframe().kind());
        assertEquals(
                List.of(UUID.fromString(f.snv), UUID.fromString(f.stp)).stream()
                        .sorted()
                        .toList(),
                issued.assignments().stream().map(a -> a.agencyId()).sorted().toList());

        PlanState amended = EventJson.read(payload(plans, EventTypes.PLAN_AMENDED), PlanState.class);
        assertEquals("Sửa tên", amended.amendmentReason());
        assertEquals("Kế hoạch cải cách TTHC năm 2024 (sửa đổi)", amended.title());
        assertEquals(2, amended.version());

        TaskAssigned assigned = EventJson.read(payload(plans, EventTypes.TASK_ASSIGNED), TaskAssigned.class);
        assertEquals(UUID.fromString(addedTask), assigned.task().id());
        assertEquals(UUID.fromString(f.office), assigned.assignments().get(0).agencyId());
        assertEquals(
                List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"),
                assigned.assignments().get(0).occurrences().stream()
                        .map(o -> o.occurrence())
                        .toList(),
                "a quarterly task's assignment carries its four occurrences");
        assertEquals(
                LocalDate.of(2024, 3, 31),
                assigned.assignments().get(0).occurrences().get(0).dueDate());
        assertTrue(issued.assignments().stream().allMatch(a -> a.occurrences().isEmpty()), "one-off task");

        List<TaskProgressReported> progress = plans.stream()
                .filter(r ->
                        EventTypes.TASK_PROGRESS_REPORTED.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .map(r -> EventJson.read(r.value(), TaskProgressReported.class))
                .toList();
        assertEquals(
                0, new BigDecimal("50").compareTo(progress.get(0).progress().percent()));
        assertEquals("Đã gửi báo cáo quý I", progress.get(0).progress().note());
        assertEquals(
                0, new BigDecimal("75").compareTo(progress.get(1).progress().percent()));
        assertEquals("2024-Q1", progress.get(1).progress().occurrence());
        assertEquals(
                "IN_PROGRESS", progress.get(1).assignment().occurrences().get(0).status());
        assertEquals(
                0,
                BigDecimal.ZERO.compareTo(progress.get(1).assignment().percent()),
                "a recurring assignment's percent is the share of its occurrences done");

        TaskStatusChanged changed =
                EventJson.read(payload(plans, EventTypes.TASK_STATUS_CHANGED), TaskStatusChanged.class);
        assertEquals("NOT_STARTED", changed.previousStatus());
        assertEquals("IN_PROGRESS", changed.assignment().status());

        List<ConsumerRecord<String, String>> group = read(Topics.AGENCIES, f.departments, 1);
        assertEquals(1, group.size());
        assertHeaders(group.get(0), f.departments);
        assertEquals(EventTypes.AGENCY_GROUP_UPSERTED, KafkaTestClient.header(group.get(0), CloudEventHeaders.TYPE));
        AgencyGroupUpserted rule = EventJson.read(group.get(0).value(), AgencyGroupUpserted.class);
        assertEquals(List.of("DEPARTMENT", "BOARD"), rule.kinds());
        assertTrue(
                rule.includes(UUID.fromString(f.snv), "DEPARTMENT", "PROVINCE", List.of(UUID.fromString(f.province))));

        List<ConsumerRecord<String, String>> commune = read(Topics.AGENCIES, f.commune, 2);
        assertEquals(2, commune.size(), "created, then moved");
        commune.forEach(r -> assertHeaders(r, f.commune));
        AgencyUpserted moved = EventJson.read(commune.get(1).value(), AgencyUpserted.class);
        assertEquals(1, moved.version());
        assertEquals(2, moved.parentLinks().size());
        assertEquals(
                UUID.fromString(f.district),
                moved.parentOn(LocalDate.of(2025, 6, 30)).orElseThrow());
        assertEquals(
                UUID.fromString(f.province),
                moved.parentOn(LocalDate.of(2025, 7, 1)).orElseThrow());
        assertEquals(UUID.fromString(f.province), moved.parentId(), "parent today");
    }

    private static void assertHeaders(ConsumerRecord<String, String> r, String key) {
        assertEquals(key, r.key());
        assertEquals("/plans-service", KafkaTestClient.header(r, CloudEventHeaders.SOURCE));
        assertEquals(key, KafkaTestClient.header(r, CloudEventHeaders.SUBJECT));
        assertEquals("1.0", KafkaTestClient.header(r, CloudEventHeaders.SPEC_VERSION));
        assertNotNull(UUID.fromString(KafkaTestClient.header(r, CloudEventHeaders.ID)));
        assertTrue(KafkaTestClient.header(r, CloudEventHeaders.TIME).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    private static String payload(List<ConsumerRecord<String, String>> records, String type) {
        return records.stream()
                .filter(r -> type.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .findFirst()
                .orElseThrow()
                .value();
    }

    /**
     * The records of one key, read after they all arrived and a pause, so a duplicate publication would be among
     * them and fail the "once per change" assertions.
     */
    private static List<ConsumerRecord<String, String>> read(String topic, String key, int expected) {
        KafkaTestClient.readUntil(topic, Duration.ofSeconds(30), read -> count(read, key) >= expected);
        return KafkaTestClient.readUntil(topic, Duration.ofSeconds(5), read -> count(read, key) > expected).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    private static long count(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).count();
    }
}
