package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * Issue 11 item 7: a retried progress report appends once (Idempotency-Key), and plan issue/close and agency moves
 * need the ETag of the last read (428 without it, 412 when stale) and change nothing when refused.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SafeRetriesIT {

    private static final String[] PLAN_TABLES = {
        "plan", "task", "assignment", "progress_update", "plan_amendment", "outbox_event", "audit_entry"
    };

    @Inject
    AgroalDataSource dataSource;

    private String issuedPlanAssignment(PlanFixture f) {
        String planId = f.createPlan();
        PlanFixture.addTask(
                planId, PlanFixture.task("I", "1", "Rà soát TTHC", Map.of("agencyId", f.snv), "Trước ngày 15/02/2024"));
        given().header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
        return given().queryParam("planId", planId)
                .get("/api/assignments")
                .then()
                .extract()
                .path("items[0].id");
    }

    private long count(String sql, Object... params) {
        return TableCounts.count(dataSource, sql, params);
    }

    @Test
    void aRetriedProgressReportWithTheSameKeyAppendsOnceAndAnswersTheSame() {
        PlanFixture f = new PlanFixture();
        String assignment = issuedPlanAssignment(f);
        String key = "progress-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("percent", 40, "note", "Đã rà soát 12/30 TTHC");
        long events = count("SELECT count(*) FROM outbox_event");
        long audits = count("SELECT count(*) FROM audit_entry");

        String first = given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/assignments/" + assignment + "/progress"))
                .extract()
                .path("id");
        for (int retry = 0; retry < 3; retry++) {
            given().header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/assignments/" + assignment + "/progress")
                    .then()
                    .statusCode(201)
                    .header("Location", containsString("/api/assignments/" + assignment + "/progress"))
                    .body("id", equalTo(first))
                    .body("status", equalTo("IN_PROGRESS"));
        }
        assertEquals(1, count("SELECT count(*) FROM progress_update WHERE assignment_id = ?::uuid", assignment));
        // one progress-reported and one status-changed event, one audit row: the retries added none
        assertEquals(events + 2, count("SELECT count(*) FROM outbox_event"));
        assertEquals(audits + 1, count("SELECT count(*) FROM audit_entry"));
        given().get("/api/assignments/" + assignment + "/progress").then().body("size()", equalTo(1));

        // the same key with another body is a client error, and nothing is written
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(Map.of("percent", 60))
                        .post("/api/assignments/" + assignment + "/progress")
                        .then()
                        .statusCode(409)
                        .contentType("application/problem+json")
                        .body("type", containsString("conflict")),
                PLAN_TABLES);

        // without a key every report is appended, as before
        given().contentType(ContentType.JSON)
                .body(Map.of("percent", 60))
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201);
        assertEquals(2, count("SELECT count(*) FROM progress_update WHERE assignment_id = ?::uuid", assignment));
    }

    @Test
    void aRefusedReportUnderAKeyStoresNothingSoTheCorrectedRetryIsApplied() {
        PlanFixture f = new PlanFixture();
        String assignment = issuedPlanAssignment(f);
        String key = "bad-" + UUID.randomUUID();
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(Map.of("percent", 90, "status", "DONE"))
                        .post("/api/assignments/" + assignment + "/progress")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json"),
                "plan",
                "task",
                "assignment",
                "progress_update",
                "outbox_event",
                "audit_entry",
                "idempotency_key");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("Idempotency-Key", "x".repeat(201))
                        .contentType(ContentType.JSON)
                        .body(Map.of("percent", 10))
                        .post("/api/assignments/" + assignment + "/progress")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json"),
                "progress_update",
                "outbox_event",
                "audit_entry",
                "idempotency_key");
        given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("percent", 100, "status", "DONE"))
                .post("/api/assignments/" + assignment + "/progress")
                .then()
                .statusCode(201)
                .body("status", equalTo("DONE"));
    }

    @Test
    void issueAndCloseNeedTheCurrentETag() {
        PlanFixture f = new PlanFixture();
        String planId = f.createPlan();
        PlanFixture.addTask(
                planId, PlanFixture.task("I", "1", "Rà soát TTHC", Map.of("agencyId", f.snv), "Trước ngày 15/02/2024"));
        String draft = IfMatch.of("/api/plans/" + planId);

        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().post("/api/plans/" + planId + "/issue")
                        .then()
                        .statusCode(428)
                        .contentType("application/problem+json")
                        .body("type", containsString("precondition-required")),
                PLAN_TABLES);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("If-Match", "\"999\"")
                        .post("/api/plans/" + planId + "/issue")
                        .then()
                        .statusCode(412)
                        .contentType("application/problem+json")
                        .body("type", containsString("precondition-failed")),
                PLAN_TABLES);
        given().header("If-Match", draft)
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200)
                .body("status", equalTo("ISSUED"));

        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().post("/api/plans/" + planId + "/close")
                        .then()
                        .statusCode(428)
                        .contentType("application/problem+json")
                        .body("type", containsString("precondition-required")),
                PLAN_TABLES);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("If-Match", draft)
                        .post("/api/plans/" + planId + "/close")
                        .then()
                        .statusCode(412)
                        .contentType("application/problem+json"),
                PLAN_TABLES);
        given().header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
    }

    @Test
    void aMoveNeedsTheAgencysCurrentETag() {
        PlanFixture f = new PlanFixture();
        String path = "/api/agencies/" + f.commune;
        String etag = IfMatch.of(path);
        Map<String, Object> move = Map.of("parentId", f.province, "from", "2025-07-01");
        String[] tables = {"agency", "agency_parent_link", "outbox_event", "audit_entry"};

        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(move)
                        .post(path + "/moves")
                        .then()
                        .statusCode(428)
                        .contentType("application/problem+json")
                        .body("type", containsString("precondition-required")),
                tables);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("If-Match", "\"41\"")
                        .contentType(ContentType.JSON)
                        .body(move)
                        .post(path + "/moves")
                        .then()
                        .statusCode(412)
                        .contentType("application/problem+json"),
                tables);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().header("If-Match", "not-a-version")
                        .contentType(ContentType.JSON)
                        .body(move)
                        .post(path + "/moves")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json"),
                tables);
        String moved = given().header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(move)
                .post(path + "/moves")
                .then()
                .statusCode(200)
                .body("parentLinks.size()", equalTo(2))
                .extract()
                .header("ETag");
        // the same move with the ETag it read before is stale now
        given().header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(move)
                .post(path + "/moves")
                .then()
                .statusCode(412);
        assertEquals(IfMatch.of(path), moved);
    }
}
