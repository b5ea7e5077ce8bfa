package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.security.TestTokens;

/**
 * The audit trail of reporting-service's writes, end to end through HTTP: a planner creates, updates and imports
 * Kon Tum report regimes and sets their expected reporters, the Department of Home Affairs' evaluator finalizes its
 * report, an admin starts the rebuild job (whose outcome the job records); each write leaves one row with the token's
 * subject, before and after, found by {@code GET /api/audit}. Replays and refused writes leave none, and a row altered in the database breaks the chain
 * at that row.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private static String regimeBody(KonTumFixture kt, String code, String name) {
        return """
                {"code": "%s", "name": "%s", "legalBasis": "Thông tư 01/2020/TT-VPCP", "frequency": "QUARTERLY",
                 "rule": "ND09", "recipientAgencyId": "%s", "deadlineOffsets": {"PROVINCE": 5, "DISTRICT": 3},
                 "planIds": ["%s"]}
                """.formatted(code, name, kt.office, kt.plan);
    }

    private static List<Map<String, Object>> audit(String entityType, String entityId) {
        return given().queryParam("entityType", entityType)
                .queryParam("entityId", entityId)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static JsonNode json(Object text) throws Exception {
        return JSON.readTree((String) text);
    }

    private long auditRows() {
        return TableCounts.count(dataSource, "SELECT count(*) FROM audit_entry");
    }

    @Test
    void everyWriteOfAFlowLeavesARowWithTheTokenSubjectBeforeAndAfter() throws Exception {
        KonTumFixture kt = new KonTumFixture();
        String snv = kt.world.agency(kt.homeAffairs).code();
        String planner = TestTokens.of("planner", snv);
        String plannerSubject = "test-planner-" + snv;
        String code = "KT.BC-AUDIT-" + kt.suffix;

        String idempotencyKey = UUID.randomUUID().toString();
        String regime = given().header("Authorization", TestTokens.bearer(planner))
                .header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body(regimeBody(kt, code, "Báo cáo công tác cải cách hành chính hằng quý"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long afterCreate = auditRows();
        given().header("Authorization", TestTokens.bearer(planner))
                .header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body(regimeBody(kt, code, "Báo cáo công tác cải cách hành chính hằng quý"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .body("id", equalTo(regime));
        assertEquals(afterCreate, auditRows(), "an idempotent replay writes no audit row");

        String etag =
                given().get("/api/report-regimes/" + regime).then().extract().header("ETag");
        given().header("Authorization", TestTokens.bearer(planner))
                .header("If-Match", etag)
                .contentType("application/json")
                .body(regimeBody(kt, code, "Báo cáo kết quả thực hiện công tác CCHC hằng quý"))
                .put("/api/report-regimes/" + regime)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.bearer(planner))
                .contentType("application/json")
                .body("""
                        {"validFrom": "2024-01-01", "agencies": [{"groupId": "%s"}, {"agencyId": "%s"}]}
                        """.formatted(kt.departments, kt.district))
                .post("/api/report-regimes/" + regime + "/expected-agencies")
                .then()
                .statusCode(201);

        List<Map<String, Object>> rows = audit("ReportRegime", regime);
        assertEquals(
                List.of("regime.expected-agencies-added", "regime.updated", "regime.created"),
                rows.stream().map(r -> r.get("action")).toList(),
                "newest first");
        rows.forEach(r -> assertEquals(plannerSubject, r.get("actorSubject")));
        rows.forEach(r -> assertEquals(snv, r.get("actorAgency")));
        rows.forEach(r -> assertEquals("planner", r.get("actorRoles")));
        Map<String, Object> created = rows.get(2);
        assertNull(created.get("before"));
        assertEquals(code, json(created.get("after")).path("code").asText());
        Map<String, Object> updated = rows.get(1);
        assertEquals(
                "Báo cáo công tác cải cách hành chính hằng quý",
                json(updated.get("before")).path("name").asText());
        assertEquals(
                "Báo cáo kết quả thực hiện công tác CCHC hằng quý",
                json(updated.get("after")).path("name").asText());
        Map<String, Object> expected = rows.get(0);
        assertEquals(0, json(expected.get("before")).path("expectedAgencies").size());
        assertEquals(2, json(expected.get("after")).path("expectedAgencies").size());

        String imported = "KT.BC-AUDIT-IMPORT-" + kt.suffix;
        given().header("Authorization", TestTokens.bearer(planner))
                .contentType("application/json")
                .body("""
                        {"regimes": [
                          {"regime": %s, "expected": [{"validFrom": "2024-01-01", "agencies": [{"agencyId": "%s"}]}]},
                          {"regime": %s}
                        ]}
                        """.formatted(
                                regimeBody(kt, imported, "Báo cáo kiểm soát thủ tục hành chính"),
                                kt.commune,
                                regimeBody(kt, code, "Báo cáo kết quả thực hiện công tác CCHC hằng quý")))
                .post("/api/report-regimes/import")
                .then()
                .statusCode(200)
                .body("existing", equalTo(List.of(code)));
        List<Map<String, Object>> imports = given().queryParam("entityType", "RegimeImport")
                .queryParam("actor", plannerSubject)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, imports.size(), "one row per import");
        JsonNode summary = json(imports.get(0).get("after"));
        assertEquals(1, summary.path("created").asInt());
        assertEquals(1, summary.path("existing").asInt());
        assertEquals(imported, summary.path("createdCodes").get(0).asText());
        assertEquals(code, summary.path("existingCodes").get(0).asText());

        String evaluator = TestTokens.of("evaluator", snv);
        String reportId = given().header("Authorization", TestTokens.bearer(evaluator))
                .queryParam("agencyId", kt.homeAffairs)
                .contentType("application/json")
                .body("{}")
                .post("/api/reports/" + regime + "/2024-Q1/finalize")
                .then()
                .statusCode(201)
                .extract()
                .path("finalization.id");
        List<Map<String, Object>> finalized = audit("FinalizedReport", reportId);
        assertEquals(1, finalized.size());
        assertEquals("report.finalized", finalized.get(0).get("action"));
        assertEquals("test-evaluator-" + snv, finalized.get(0).get("actorSubject"));
        JsonNode snapshot = json(finalized.get(0).get("after"));
        assertEquals(regime, snapshot.path("regimeId").asText());
        assertEquals("2024-Q1", snapshot.path("period").asText());
        assertEquals(snv, snapshot.path("agencyCode").asText());
        assertEquals(
                TableCounts.text(
                        dataSource,
                        "SELECT content_hash FROM finalized_report WHERE id = ?",
                        UUID.fromString(reportId)),
                snapshot.path("contentHash").asText());

        java.util.concurrent.atomic.AtomicReference<String> location =
                new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> {
                    io.restassured.response.Response r = given().post("/api/admin/rebuild");
                    location.set(r.header("Location"));
                    return r.statusCode() == 202;
                });
        String jobId = location.get().substring(location.get().lastIndexOf('/') + 1);
        // the job's own entries, not the newest entry: a quick worker may already have written the outcome
        Map<String, Object> requested = given().queryParam("entityType", "RebuildJob")
                .queryParam("entityId", jobId)
                .queryParam("actor", "test-admin")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items.find { it.action == 'aggregates.rebuild-requested' }");
        assertNotNull(requested, "the rebuild request is audited");
        assertEquals("aggregates.rebuild-requested", requested.get("action"));
        assertEquals(jobId, requested.get("entityId"));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .until(() -> "SUCCEEDED"
                        .equals(given().get(location.get()).jsonPath().getString("status")));
        JsonPath rebuild = given().get(location.get()).jsonPath();
        Map<String, Object> rebuilt = given().queryParam("entityType", "RebuildJob")
                .queryParam("entityId", jobId)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items.find { it.action == 'aggregates.rebuilt' }");
        assertEquals("aggregates.rebuilt", rebuilt.get("action"));
        // the worker writes the outcome outside the request, for the admin who asked (not as "system")
        assertEquals("test-admin", rebuilt.get("actorSubject"), "actor of the outcome: " + rebuilt);
        assertEquals("test-admin", requested.get("actorSubject"));
        assertEquals(
                rebuild.getInt("figures"),
                json(rebuilt.get("after")).path("figures").asInt());
    }

    @Test
    void refusedWritesAddNoAuditRow() {
        KonTumFixture kt = new KonTumFixture();
        String regime = given().contentType("application/json")
                .body(regimeBody(kt, "KT.BC-REFUSED-" + kt.suffix, "Báo cáo công tác cải cách hành chính"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long before = auditRows();
        given().header(
                        "Authorization",
                        TestTokens.bearer(TestTokens.of(
                                "evaluator", kt.world.agency(kt.justice).code())))
                .queryParam("agencyId", kt.homeAffairs)
                .contentType("application/json")
                .body("{}")
                .post("/api/reports/" + regime + "/2024-Q1/finalize")
                .then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.of("viewer", null)))
                .contentType("application/json")
                .body(regimeBody(kt, "KT.BC-VIEWER-" + kt.suffix, "Báo cáo"))
                .post("/api/report-regimes")
                .then()
                .statusCode(403);
        given().contentType("application/json")
                .body(regimeBody(kt, "KT.BC-REFUSED-" + kt.suffix, "Báo cáo trùng mã"))
                .post("/api/report-regimes")
                .then()
                .statusCode(409);
        given().contentType("application/json")
                .body("{\"code\": \"KT.BC-INVALID\", \"name\": \" \"}")
                .post("/api/report-regimes")
                .then()
                .statusCode(400);
        assertEquals(before, auditRows());
    }

    @Test
    void anAlteredRowBreaksTheChainAtThatRow() throws Exception {
        KonTumFixture kt = new KonTumFixture();
        String regime = given().contentType("application/json")
                .body(regimeBody(kt, "KT.BC-TAMPER-" + kt.suffix, "Báo cáo công tác cải cách hành chính"))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        long seq = ((Number) audit("ReportRegime", regime).get(0).get("seq")).longValue();
        String original = TableCounts.text(dataSource, "SELECT after_json FROM audit_entry WHERE seq = ?", seq);
        assertNotNull(original);
        try {
            setAfter(seq, original.replace("Báo cáo công tác cải cách hành chính", "Báo cáo đã bị sửa"));
            JsonPath verification = given().get("/api/audit/verify")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertFalse(verification.getBoolean("intact"));
            assertEquals(seq, verification.getLong("firstBrokenSeq"));
            assertTrue(verification.getString("reason").startsWith("row " + seq), verification.getString("reason"));
        } finally {
            setAfter(seq, original);
        }
        given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private void setAfter(long seq, String after) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE audit_entry SET after_json = ? WHERE seq = ?")) {
            update.setString(1, after);
            update.setLong(2, seq);
            assertEquals(1, update.executeUpdate());
        }
    }
}
