package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * Recurring tasks' assignments carry their occurrences, take progress per occurrence and are overdue per
 * occurrence, through HTTP, with the Kon Tum seed wording ("Hàng quý, năm và đột xuất khi có yêu cầu") and corpus
 * wordings ("Trước ngày 10 hằng tháng", "Trước ngày 05 của tháng cuối quý", "Hằng tuần").
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class OccurrencesIT {

    private static final String[] PLAN_TABLES = {"plan", "task", "assignment", "progress_update", "plan_amendment"};

    @Inject
    AgroalDataSource dataSource;

    private record Issued(PlanFixture f, String planId) {

        String assignmentOf(String agencyId, String taskTitle) {
            List<Map<String, Object>> items = given().queryParam("planId", planId)
                    .queryParam("agencyId", agencyId)
                    .queryParam("size", 100)
                    .get("/api/assignments")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("items");
            return items.stream()
                    .filter(i -> taskTitle.equals(i.get("taskTitle")))
                    .map(i -> (String) i.get("id"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** A plan of 2024 issued in January with one monthly, one quarterly, one weekly and one one-off task. */
    private static Issued issued() {
        PlanFixture f = new PlanFixture();
        String planId = f.createPlan();
        PlanFixture.addTask(
                planId,
                PlanFixture.task("VII", "1", "Báo cáo tháng", Map.of("agencyId", f.snv), "Trước ngày 10 hằng tháng"));
        PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "VII", "2", "Báo cáo quý", Map.of("agencyId", f.snv), "Trước ngày 05 của tháng cuối quý"));
        PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "VII",
                        "3",
                        "Báo cáo kiểm soát TTHC",
                        Map.of("groupId", f.districts),
                        "Hàng quý, năm và đột xuất khi có yêu cầu (thời gian gửi báo cáo theo Thông tư 01/2020/TT-VPCP"
                                + " của Văn phòng Chính phủ"));
        PlanFixture.addTask(
                planId, PlanFixture.task("VII", "4", "Giao ban tuần", Map.of("agencyId", f.office), "Hằng tuần"));
        PlanFixture.addTask(
                planId, PlanFixture.task("I", "1", "Rà soát TTHC", Map.of("agencyId", f.snv), "Trước ngày 16/02/2024"));
        given().header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
        return new Issued(f, planId);
    }

    private static ValidatableResponse report(String assignment, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/assignments/" + assignment + "/progress")
                .then();
    }

    @Test
    void aMonthlyTaskIssuedInJanuaryIsOverduePerUnreportedOccurrenceOn25June() {
        Issued p = issued();
        String monthly = p.assignmentOf(p.f().snv, "Báo cáo tháng");
        report(monthly, Map.of("percent", 100, "status", "DONE", "occurrence", "2024-01"))
                .statusCode(201)
                .body("occurrence", equalTo("2024-01"))
                .body("status", equalTo("DONE"))
                .body("previousStatus", equalTo("NOT_STARTED"));
        report(monthly, Map.of("percent", 100, "status", "DONE", "occurrence", "2024-02"))
                .statusCode(201);
        report(monthly, Map.of("percent", 50, "occurrence", "2024-03"))
                .statusCode(201)
                .body("status", equalTo("IN_PROGRESS"));

        given().queryParam("asOf", "2024-06-25")
                .get("/api/assignments/" + monthly)
                .then()
                .statusCode(200)
                .body("overdue", equalTo(true))
                .body("status", equalTo("IN_PROGRESS"))
                .body("percent", equalTo(16.67f))
                .body("occurrences", hasSize(12))
                .body("occurrences.occurrence[0]", equalTo("2024-01"))
                .body("occurrences.occurrence[11]", equalTo("2024-12"))
                .body(
                        "occurrences.dueDate",
                        equalTo(List.of(
                                "2024-01-09",
                                "2024-02-09",
                                "2024-03-09",
                                "2024-04-09",
                                "2024-05-09",
                                "2024-06-09",
                                "2024-07-09",
                                "2024-08-09",
                                "2024-09-09",
                                "2024-10-09",
                                "2024-11-09",
                                "2024-12-09")))
                .body(
                        "occurrences.status",
                        equalTo(List.of(
                                "DONE",
                                "DONE",
                                "IN_PROGRESS",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED",
                                "NOT_STARTED")))
                .body(
                        "occurrences.overdue",
                        equalTo(List.of(
                                false, false, true, true, true, true, false, false, false, false, false, false)))
                .body("occurrences[0]", hasKey("lastReportedAt"))
                .body("occurrences[3]", not(hasKey("lastReportedAt")));

        given().queryParam("planId", p.planId())
                .queryParam("agencyId", p.f().snv)
                .queryParam("overdue", true)
                .queryParam("asOf", "2024-06-25")
                .get("/api/assignments")
                .then()
                .statusCode(200)
                .body(
                        "items.taskTitle",
                        org.hamcrest.Matchers.containsInAnyOrder("Báo cáo tháng", "Báo cáo quý", "Rà soát TTHC"));
        given().queryParam("planId", p.planId())
                .queryParam("agencyId", p.f().snv)
                .queryParam("overdue", true)
                .queryParam("asOf", "2024-01-09")
                .get("/api/assignments")
                .then()
                .body("total", equalTo(0));
        given().queryParam("planId", p.planId())
                .queryParam("agencyId", p.f().snv)
                .queryParam("overdue", true)
                .queryParam("asOf", "2024-03-10")
                .get("/api/assignments")
                .then()
                .body("total", equalTo(3))
                .body("items.find { it.taskTitle == 'Báo cáo quý' }.occurrences[0].overdue", equalTo(true));

        for (String month : List.of("03", "04", "05", "06")) {
            report(monthly, Map.of("percent", 100, "status", "DONE", "occurrence", "2024-" + month))
                    .statusCode(201);
        }
        given().queryParam("asOf", "2024-06-25")
                .get("/api/assignments/" + monthly)
                .then()
                .body("overdue", equalTo(false))
                .body("percent", equalTo(50.0f));
    }

    @Test
    void theLastMonthOfTheQuarterTheWeekAndTheSeedWordingGiveTheirOwnOccurrences() {
        Issued p = issued();
        given().get("/api/assignments/" + p.assignmentOf(p.f().snv, "Báo cáo quý"))
                .then()
                .body("occurrences.occurrence", equalTo(List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4")))
                .body("occurrences.dueDate", equalTo(List.of("2024-03-04", "2024-06-04", "2024-09-04", "2024-12-04")));
        given().get("/api/assignments/" + p.assignmentOf(p.f().district, "Báo cáo kiểm soát TTHC"))
                .then()
                .body("occurrences.occurrence", equalTo(List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024", "2024-Q4")))
                .body(
                        "occurrences.dueDate",
                        equalTo(List.of("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2024-12-31")));
        given().get("/api/assignments/" + p.assignmentOf(p.f().office, "Giao ban tuần"))
                .then()
                .body("occurrences", hasSize(53))
                .body("occurrences[0].occurrence", equalTo("2024-W01"))
                .body("occurrences[0].dueDate", equalTo("2024-01-07"))
                .body("occurrences[51].occurrence", equalTo("2024-W52"))
                .body("occurrences[52].occurrence", equalTo("2025-W01"));
        given().get("/api/assignments/" + p.assignmentOf(p.f().snv, "Rà soát TTHC"))
                .then()
                .body("dueDate", equalTo("2024-02-15"))
                .body("$", not(hasKey("occurrences")));
    }

    @Test
    void aMissingForeignOrUnknownOccurrenceIsA400ThatWritesNothing() {
        Issued p = issued();
        String monthly = p.assignmentOf(p.f().snv, "Báo cáo tháng");
        String once = p.assignmentOf(p.f().snv, "Rà soát TTHC");
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(monthly, Map.of("percent", 100, "status", "DONE"))
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("occurrence"))
                        .body("errors[0].message", containsString("required for a recurring task")),
                PLAN_TABLES);
        for (String wrong : List.of("2024-13", "2024-Q1", "2025-01", "2024-W07", "tháng 3")) {
            TableCounts.assertNothingWritten(
                    dataSource,
                    () -> report(monthly, Map.of("percent", 10, "occurrence", wrong))
                            .statusCode(400)
                            .contentType("application/problem+json")
                            .body("errors[0].field", equalTo("occurrence"))
                            .body("errors[0].message", containsString("not an occurrence of this assignment")),
                    PLAN_TABLES);
        }
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(monthly, Map.of("percent", 10, "status", "CANCELLED", "occurrence", "2024-03"))
                        .statusCode(400)
                        .body("errors[0].field", equalTo("status")),
                PLAN_TABLES);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(monthly, Map.of("percent", 60, "status", "DONE", "occurrence", "2024-03"))
                        .statusCode(400)
                        .body("errors[0].field", equalTo("status")),
                PLAN_TABLES);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(once, Map.of("percent", 10, "occurrence", "2024-02"))
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("occurrence"))
                        .body("errors[0].message", containsString("not recurring")),
                PLAN_TABLES);
        given().get("/api/assignments/" + monthly)
                .then()
                .body("status", equalTo("NOT_STARTED"))
                .body("occurrences.status", org.hamcrest.Matchers.everyItem(equalTo("NOT_STARTED")));
    }

    @Test
    void aRetriedOccurrenceReportWithTheSameKeyAppendsOnce() {
        Issued p = issued();
        String monthly = p.assignmentOf(p.f().snv, "Báo cáo tháng");
        Map<String, Object> body = Map.of("percent", 100, "status", "DONE", "occurrence", "2024-04");
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "kt-" + UUID.randomUUID())
                .body(body)
                .post("/api/assignments/" + monthly + "/progress")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String key = "kt-retry-" + monthly;
        String once = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("percent", 100, "status", "DONE", "occurrence", "2024-05"))
                .post("/api/assignments/" + monthly + "/progress")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("percent", 100, "status", "DONE", "occurrence", "2024-05"))
                .post("/api/assignments/" + monthly + "/progress")
                .then()
                .statusCode(201)
                .body("id", equalTo(once))
                .body("occurrence", equalTo("2024-05"));
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("percent", 100, "status", "DONE", "occurrence", "2024-06"))
                .post("/api/assignments/" + monthly + "/progress")
                .then()
                .statusCode(409);
        assertEquals(
                2,
                TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM progress_update WHERE assignment_id = ?",
                        UUID.fromString(monthly)));
        assertEquals(
                "2024-04",
                TableCounts.text(
                        dataSource, "SELECT occurrence FROM progress_update WHERE id = ?", UUID.fromString(first)));
    }

    @Test
    void aFirstDeadlineIsMetByTheFirstOccurrenceDoneAndNotByTheWholeYear() {
        PlanFixture f = new PlanFixture();
        String planId = f.createPlan();
        PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "VII",
                        "1",
                        "Báo cáo rà soát",
                        Map.of("agencyId", f.stp),
                        "Lần đầu trước ngày 15/3/2024; sau đó hằng quý"));
        given().header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
        Issued p = new Issued(f, planId);
        String assignment = p.assignmentOf(f.stp, "Báo cáo rà soát");
        given().queryParam("asOf", "2024-03-20")
                .get("/api/assignments/" + assignment)
                .then()
                .body("dueDate", equalTo("2024-03-14"))
                .body("overdue", equalTo(true))
                .body("occurrences.overdue", equalTo(List.of(false, false, false, false)));
        given().queryParam("planId", planId)
                .queryParam("overdue", true)
                .queryParam("asOf", "2024-03-20")
                .get("/api/assignments")
                .then()
                .body("total", equalTo(1));
        report(assignment, Map.of("percent", 100, "status", "DONE", "occurrence", "2024-Q1"))
                .statusCode(201);
        given().queryParam("asOf", "2024-03-20")
                .get("/api/assignments/" + assignment)
                .then()
                .body("overdue", equalTo(false));
        given().queryParam("planId", planId)
                .queryParam("overdue", true)
                .queryParam("asOf", "2024-06-30")
                .get("/api/assignments")
                .then()
                .body("total", equalTo(0));
        given().queryParam("planId", planId)
                .queryParam("overdue", true)
                .queryParam("asOf", "2024-07-01")
                .get("/api/assignments")
                .then()
                .body("total", equalTo(1))
                .body("items[0].occurrences.overdue", equalTo(List.of(false, true, false, false)));
    }
}
