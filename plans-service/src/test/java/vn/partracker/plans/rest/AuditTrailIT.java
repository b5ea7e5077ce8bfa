package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.security.TestTokens;

/**
 * The audit trail of plans-service: every write of a 59/QĐ-UBND flow (directory, levels, PAR fields, groups, the
 * plan from draft to closed, its tasks, progress, both imports) leaves one row with the token's subject, agency and
 * roles and the entity before and after; replays and refused writes leave none; and altering a row in the database
 * is named by {@code GET /api/audit/verify}.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyWriteOfAPlanFlowIsAuditedWithTheTokenSubject() {
        PlanFixture f = new PlanFixture();
        String provinceCode = f.code(f.world.province);
        String planner = "planner-" + f.suffix;
        String token = TestTokens.builder()
                .subject(planner)
                .roles("planner")
                .agency(provinceCode)
                .build();

        Map<String, Object> environment = KonTumAgencies.body(
                "KT.STNMT." + f.suffix, "Sở Tài nguyên và Môi trường", "DEPARTMENT", "PROVINCE", f.province);
        String key = "stnmt-" + f.suffix;
        String agencyId = as(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(environment)
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(environment)
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .body("id", equalTo(agencyId));
        JsonNode created = single("Agency", agencyId, "agency.created");
        assertEquals(planner, created.path("actorSubject").asText());
        assertEquals(provinceCode, created.path("actorAgency").asText());
        assertEquals("planner", created.path("actorRoles").asText());
        // a creation has no before; the suite omits absent fields rather than sending null
        assertTrue(created.path("before").isMissingNode(), "no before on a creation: " + created);
        assertEquals("KT.STNMT." + f.suffix, json(created, "after").path("code").asText());

        environment.put("name", "Sở Nông nghiệp và Môi trường");
        as(token)
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(environment)
                .put("/api/agencies/" + agencyId)
                .then()
                .statusCode(200);
        JsonNode updated = row("Agency", agencyId, "agency.updated");
        assertEquals(
                "Sở Tài nguyên và Môi trường",
                json(updated, "before").path("name").asText());
        assertEquals(
                "Sở Nông nghiệp và Môi trường",
                json(updated, "after").path("name").asText());

        as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("parentId", f.province, "from", "2025-07-01"))
                .header("If-Match", IfMatch.of("/api/agencies/" + f.commune))
                .post("/api/agencies/" + f.commune + "/moves")
                .then()
                .statusCode(200);
        JsonNode moved = row("Agency", f.commune, "agency.moved");
        assertEquals(f.district, json(moved, "before").path("parentId").asText());
        assertEquals(f.province, json(moved, "after").path("parentId").asText());

        String level = "DAC_KHU_" + f.suffix.toUpperCase();
        as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", level, "name", "Đặc khu", "order", 35))
                .post("/api/agency-levels")
                .then()
                .statusCode(201);
        assertEquals(
                "Đặc khu",
                json(single("AgencyLevel", level, "agency-level.created"), "after")
                        .path("name")
                        .asText());
        String field = "CDS_" + f.suffix.toUpperCase();
        as(token)
                .contentType(ContentType.JSON)
                .body(Map.of("code", field, "name", "Chuyển đổi số", "order", 80))
                .post("/api/par-fields")
                .then()
                .statusCode(201);
        single("ParField", field, "par-field.created");
        String groupId = as(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        "SO." + f.suffix,
                        "name",
                        "Các sở",
                        "kinds",
                        List.of("DEPARTMENT"),
                        "ancestorId",
                        f.province))
                .post("/api/agency-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                "Các sở",
                json(single("AgencyGroup", groupId, "agency-group.created"), "after")
                        .path("name")
                        .asText());

        String planId = as(token)
                .contentType(ContentType.JSON)
                .body(f.planBody())
                .post("/api/plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                planner,
                single("Plan", planId, "plan.created").path("actorSubject").asText());
        String taskId = as(token)
                .contentType(ContentType.JSON)
                .body(PlanFixture.task(
                        "I",
                        "1",
                        "Rà soát, đánh giá TTHC năm 2024",
                        Map.of("agencyId", f.snv),
                        "Trước ngày 16/02/2024"))
                .post("/api/plans/" + planId + "/tasks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        single("Task", taskId, "task.created");
        as(token)
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(PlanFixture.task(
                        "I",
                        "1",
                        "Rà soát, đánh giá, đơn giản hóa TTHC năm 2024",
                        Map.of("agencyId", f.snv),
                        "Trước ngày 16/02/2024"))
                .put("/api/tasks/" + taskId)
                .then()
                .statusCode(200);
        JsonNode taskUpdated = row("Task", taskId, "task.updated");
        assertEquals(
                "Rà soát, đánh giá TTHC năm 2024",
                json(taskUpdated, "before").path("title").asText());
        assertEquals(
                "Rà soát, đánh giá, đơn giản hóa TTHC năm 2024",
                json(taskUpdated, "after").path("title").asText());

        String etag = given().get("/api/plans/" + planId).then().extract().header("ETag");
        as(token)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Kế hoạch cải cách TTHC năm 2024 (dự thảo 2)"))
                .patch("/api/plans/" + planId)
                .then()
                .statusCode(200);
        JsonNode patched = row("Plan", planId, "plan.patched");
        assertEquals(
                "Kế hoạch cải cách TTHC năm 2024 (dự thảo 2)",
                json(patched, "after").path("title").asText());
        as(token)
                .header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
        JsonNode issued = row("Plan", planId, "plan.issued");
        assertEquals("DRAFT", json(issued, "before").path("status").asText());
        assertEquals("ISSUED", json(issued, "after").path("status").asText());

        String assignment = given().queryParam("planId", planId)
                .get("/api/assignments")
                .then()
                .extract()
                .path("items[0].id");
        String snvCode = f.code(f.world.homeAffairs);
        String progressId = as(TestTokens.of("reporter", snvCode))
                .contentType(ContentType.JSON)
                .body(Map.of("percent", 100, "status", "DONE", "evidence", List.of("Công văn 123/SNV")))
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonNode reported = single("ProgressUpdate", progressId, "progress.reported");
        assertEquals("test-reporter-" + snvCode, reported.path("actorSubject").asText());
        assertEquals(snvCode, reported.path("actorAgency").asText());
        assertEquals("DONE", json(reported, "after").path("status").asText());

        as(token)
                .queryParam("reason", "Hoàn thành kế hoạch năm 2024")
                .header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/close")
                .then()
                .statusCode(200);
        JsonNode closed = row("Plan", planId, "plan.closed");
        assertEquals("ISSUED", json(closed, "before").path("status").asText());
        assertEquals("CLOSED", json(closed, "after").path("status").asText());
        assertEquals(
                planner,
                TableCounts.text(
                        dataSource,
                        "SELECT amended_by FROM plan_amendment WHERE plan_id = ?::uuid ORDER BY amended_at DESC"
                                + " LIMIT 1",
                        planId),
                "the amendment records who closed the plan");

        Map<String, Object> row = new HashMap<>(
                KonTumAgencies.body("KT.SCT." + f.suffix, "Sở Công Thương", "DEPARTMENT", "PROVINCE", null));
        row.remove("parentId");
        row.remove("predecessorIds");
        row.put("parentCode", provinceCode);
        as(token)
                .contentType(ContentType.JSON)
                .body(List.of(row))
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        as(token)
                .contentType("text/csv; charset=UTF-8")
                .body("code,name,kind,level,parentCode,validFrom\n" + "KT.SYT." + f.suffix
                        + ",Sở Y tế,DEPARTMENT,PROVINCE," + provinceCode + ",2020-01-01\n")
                .post("/api/agencies/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        List<JsonNode> imports = entries(Map.of("entityType", "AgencyImport", "actor", planner));
        assertEquals(2, imports.size(), "one row per import");
        imports.forEach(i -> {
            assertEquals("agency.imported", i.path("action").asText());
            assertEquals(1, json(i, "after").path("created").asInt());
            assertEquals(1, json(i, "after").path("agencyIds").size());
        });

        Map<String, Object> doc = new HashMap<>();
        doc.put("number", "60/KH-UBND." + f.suffix);
        doc.put("title", "Kế hoạch kiểm soát TTHC năm 2024");
        doc.put("issuer", provinceCode);
        doc.put("issuedOn", "2024-01-29");
        doc.put("year", 2024);
        doc.put("sections", List.of(Map.of("code", "I", "title", "Công tác chỉ đạo, điều hành")));
        doc.put(
                "tasks",
                List.of(Map.of(
                        "sectionCode", "I",
                        "ordinal", "1",
                        "title", "Công bố, công khai TTHC",
                        "leadAgencies", List.of(Map.of("agency", snvCode)),
                        "timeframe", Map.of("text", "Thường xuyên"))));
        doc.put("issue", true);
        String imported = as(token)
                .contentType(ContentType.JSON)
                .body(doc)
                .post("/api/plans/import")
                .then()
                .statusCode(201)
                .extract()
                .path("planId");
        JsonNode planImport = single("Plan", imported, "plan.imported");
        assertEquals(
                "ISSUED",
                json(planImport, "after").path("report").path("status").asText());
        assertEquals(1, json(planImport, "after").path("taskIds").size());

        assertEquals(
                15,
                given().queryParam("actor", planner)
                        .queryParam("size", 100)
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("total"),
                "every write of the planner, once");
        assertEquals(
                List.of("plan.closed", "plan.issued", "plan.patched", "plan.created"),
                entries(Map.of("entityType", "Plan", "entityId", planId)).stream()
                        .map(e -> e.path("action").asText())
                        .toList(),
                "the plan's history, newest first");
        assertEquals(
                2, entries(Map.of("entityType", "Agency", "entityId", agencyId)).size(), "created, updated");
        assertEquals(
                2, entries(Map.of("entityType", "Task", "entityId", taskId)).size(), "created, updated");
    }

    @Test
    void refusedWritesLeaveNoAuditRow() {
        PlanFixture f = new PlanFixture();
        String viewer = TestTokens.bearer(TestTokens.of("viewer", f.code(f.world.province)));
        String planner = TestTokens.bearer(TestTokens.of("planner", f.code(f.world.province)));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> {
                    given().header("Authorization", viewer)
                            .contentType(ContentType.JSON)
                            .body(f.planBody())
                            .post("/api/plans")
                            .then()
                            .statusCode(403);
                    Map<String, Object> bad =
                            KonTumAgencies.body("KT.BAD." + f.suffix, "Sở X", "DEPARTMENT", "PROVINCE", f.province);
                    bad.put("validTo", "2019-12-31");
                    given().header("Authorization", planner)
                            .contentType(ContentType.JSON)
                            .body(bad)
                            .post("/api/agencies")
                            .then()
                            .statusCode(400);
                    Map<String, Object> stale = KonTumAgencies.body(
                            f.code(f.world.homeAffairs), "Sở Nội vụ", "DEPARTMENT", "PROVINCE", f.province);
                    return given().header("Authorization", planner)
                            .header("If-Match", "\"7\"")
                            .contentType(ContentType.JSON)
                            .body(stale)
                            .put("/api/agencies/" + f.snv)
                            .then()
                            .statusCode(412);
                },
                "audit_entry",
                "agency",
                "plan");
    }

    @Test
    void anAlteredRowIsNamedByTheVerification() throws SQLException {
        PlanFixture f = new PlanFixture();
        String planId = f.createPlan();
        long seq = Long.parseLong(TableCounts.text(
                dataSource,
                "SELECT seq FROM audit_entry WHERE entity_type = 'Plan' AND entity_id = ? AND action = 'plan.created'",
                planId));
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        String original = TableCounts.text(dataSource, "SELECT after_json FROM audit_entry WHERE seq = ?", seq);
        try {
            setAfter(seq, original.replace("59/QĐ-UBND", "95/QĐ-UBND"));
            given().get("/api/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("reason", containsString("row " + seq));
        } finally {
            setAfter(seq, original);
        }
        given().get("/api/audit/verify").then().body("intact", equalTo(true));
    }

    private void setAfter(long seq, String after) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE audit_entry SET after_json = ? WHERE seq = ?")) {
            s.setString(1, after);
            s.setLong(2, seq);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }

    /** The only audit row of an entity, which must have {@code action}. */
    private static JsonNode single(String entityType, String entityId, String action) {
        List<JsonNode> rows = entries(Map.of("entityType", entityType, "entityId", entityId));
        assertEquals(1, rows.size(), "audit rows of " + entityType + " " + entityId + ": " + rows);
        assertEquals(action, rows.get(0).path("action").asText());
        return rows.get(0);
    }

    /** The newest audit row of an entity, which must have {@code action}. */
    private static JsonNode row(String entityType, String entityId, String action) {
        JsonNode newest =
                entries(Map.of("entityType", entityType, "entityId", entityId)).get(0);
        assertEquals(action, newest.path("action").asText());
        return newest;
    }

    private static List<JsonNode> entries(Map<String, String> filters) {
        String body = given().queryParams(filters)
                .queryParam("size", 100)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            JsonNode page = JSON.readTree(body);
            List<JsonNode> items = new java.util.ArrayList<>();
            page.path("items").forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(JsonNode entry, String field) {
        JsonNode text = entry.path(field);
        assertTrue(text.isTextual(), field + " is JSON text: " + entry);
        try {
            return JSON.readTree(text.asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
