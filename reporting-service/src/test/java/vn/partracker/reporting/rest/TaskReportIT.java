package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskState;
import vn.partracker.events.payload.TimeframeState;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/** Task assignments by status, overdue as of a date, and per child agency. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class TaskReportIT {

    @Test
    void overdueIsDerivedAsOfTheDateAndRolledUpPerChild() {
        KonTumFixture kt = new KonTumFixture();
        UUID task = UUID.randomUUID();
        TaskState state = new TaskState(
                task,
                kt.plan,
                "I",
                "1",
                "Rà soát, đánh giá TTHC và tham mưu trình phê duyệt phương án đơn giản hóa TTHC",
                "TTHC",
                List.of(),
                List.of(),
                kt.office,
                "Báo cáo",
                new TimeframeState(
                        "Trước ngày 16/02/2024", "BY_DATE", null, LocalDate.of(2024, 2, 16), LocalDate.of(2024, 2, 16)),
                1);
        TaskState later = new TaskState(
                UUID.randomUUID(),
                kt.plan,
                "II",
                "1",
                "Tổ chức tập huấn nghiệp vụ kiểm soát TTHC",
                "TTHC",
                List.of(),
                List.of(),
                kt.office,
                "Kế hoạch",
                new TimeframeState("Tháng 3/2024", "MONTH", null, LocalDate.of(2024, 3, 31), LocalDate.of(2024, 3, 31)),
                1);
        assign(
                kt,
                state,
                List.of(
                        assignment(kt, task, kt.homeAffairs, "IN_PROGRESS", LocalDate.of(2024, 2, 16)),
                        assignment(kt, task, kt.commune, "NOT_STARTED", LocalDate.of(2024, 2, 16)),
                        assignment(kt, task, kt.justice, "DONE", LocalDate.of(2024, 2, 16))));
        assign(kt, later, List.of(assignment(kt, later.id(), kt.district, "NOT_STARTED", LocalDate.of(2024, 3, 31))));

        JsonPath report = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> given().queryParam("planId", kt.plan)
                                .queryParam("agencyId", kt.province)
                                .queryParam("asOf", "2024-03-14")
                                .get("/api/reports/tasks")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        r -> r.getInt("total") == 4);
        assertEquals(2, report.getInt("overdue"));
        assertEquals(1, report.getInt("dueNext30Days"));
        assertEquals(1, report.getInt("byStatus.DONE"));
        assertEquals(2, report.getInt("byStatus.NOT_STARTED"));
        assertEquals(2, report.getList("overdueAssignments").size());
        assertEquals(27, report.getInt("overdueAssignments[0].daysOverdue"));
        List<Integer> districtOverdue =
                report.getList("children.findAll { it.agencyId == '" + kt.district + "' }.overdue");
        assertEquals(List.of(1), districtOverdue, "the commune's assignment rolls up to its district");

        given().queryParam("planId", kt.plan)
                .queryParam("agencyId", kt.province)
                .queryParam("asOf", "14/03/2024")
                .get("/api/reports/tasks")
                .then()
                .statusCode(400);
    }

    private static AssignmentState assignment(KonTumFixture kt, UUID task, UUID agency, String status, LocalDate due) {
        return new AssignmentState(UUID.randomUUID(), kt.plan, task, agency, status, BigDecimal.ZERO, due, null, 1);
    }

    private static void assign(KonTumFixture kt, TaskState task, List<AssignmentState> assignments) {
        TestEvents.send(Topics.PLANS, EventTypes.TASK_ASSIGNED, kt.plan, new TaskAssigned(1, task, assignments));
    }
}
