package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.OccurrenceState;
import vn.partracker.events.payload.ProgressState;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskProgressReported;
import vn.partracker.events.payload.TaskState;
import vn.partracker.events.payload.TimeframeState;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * A recurring task in the task report: overdue per occurrence (a monthly report that is late is overdue), from the
 * occurrences plans-service sends in each assignment state; a duplicate or older delivery changes nothing.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RecurringTaskReportIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMonthlyTaskIssuedInJanuaryIsOverduePerUnreportedOccurrence() {
        KonTumFixture kt = new KonTumFixture();
        UUID task = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        TaskState monthly = new TaskState(
                task,
                kt.plan,
                "VII",
                "1",
                "Báo cáo tình hình, kết quả giải quyết TTHC",
                "TTHC",
                List.of(),
                List.of(),
                kt.office,
                "Báo cáo",
                new TimeframeState("Trước ngày 10 hằng tháng", "RECURRING", null, null, null),
                1);
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_ASSIGNED,
                kt.plan,
                new TaskAssigned(
                        1,
                        monthly,
                        List.of(
                                state(kt, task, assignment, kt.homeAffairs, "IN_PROGRESS", 1, 2),
                                state(kt, task, quiet, kt.commune, "NOT_STARTED", 1, 0))));

        JsonPath report = awaitReport(kt, "2024-06-25", r -> r.getInt("total") == 2);
        assertEquals(2, report.getInt("overdue"), "both agencies are behind on their monthly report");
        assertEquals(4 + 6, report.getInt("overdueOccurrences"), "March–June for one, January–June for the other");
        String first = "overdueAssignments.find { it.assignmentId == '" + assignment + "' }.";
        assertEquals(List.of("2024-03", "2024-04", "2024-05", "2024-06"), report.getList(first + "overdueOccurrences"));
        assertEquals("2024-03-09", report.getString(first + "dueDate"), "the earliest overdue occurrence");
        assertEquals(108, report.getInt(first + "daysOverdue"));
        List<Integer> districtOccurrences =
                report.getList("children.findAll { it.agencyId == '" + kt.district + "' }.overdueOccurrences");
        assertEquals(List.of(6), districtOccurrences, "the commune's occurrences roll up to its district");
        assertEquals(0, awaitReport(kt, "2024-01-09", r -> true).getInt("overdue"), "nothing is due before 9 January");
        assertEquals(2, report.getInt("dueNext30Days"), "July's report of each agency, due on 9 July");

        UUID eventId = UUID.randomUUID();
        String march = EventJson.write(new TaskProgressReported(
                1,
                state(kt, task, assignment, kt.homeAffairs, "IN_PROGRESS", 2, 3),
                new ProgressState(
                        UUID.randomUUID(),
                        assignment,
                        new BigDecimal("100"),
                        "Đã gửi báo cáo tháng 3",
                        List.of(),
                        "DONE",
                        OffsetDateTime.now(),
                        "reporter",
                        "2024-03")));
        TestEvents.send(Topics.PLANS, EventTypes.TASK_PROGRESS_REPORTED, kt.plan, eventId, march);
        TestEvents.send(Topics.PLANS, EventTypes.TASK_PROGRESS_REPORTED, kt.plan, eventId, march);
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_PROGRESS_REPORTED,
                kt.plan,
                new TaskProgressReported(
                        1,
                        state(kt, task, assignment, kt.homeAffairs, "IN_PROGRESS", 1, 0),
                        new ProgressState(
                                UUID.randomUUID(),
                                assignment,
                                BigDecimal.ZERO,
                                null,
                                List.of(),
                                "NOT_STARTED",
                                OffsetDateTime.now(),
                                "reporter",
                                "2024-01")));
        // a marker on the same key (so the same partition, applied after the three deliveries above)
        TaskState marker = new TaskState(
                UUID.randomUUID(),
                kt.plan,
                "VII",
                "9",
                "Nhiệm vụ đánh dấu",
                "TTHC",
                List.of(),
                List.of(),
                kt.office,
                "Báo cáo",
                new TimeframeState("Năm 2024", "YEAR", null, null, LocalDate.of(2024, 12, 31)),
                1);
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_ASSIGNED,
                kt.plan,
                new TaskAssigned(
                        1,
                        marker,
                        List.of(new AssignmentState(
                                UUID.randomUUID(),
                                kt.plan,
                                marker.id(),
                                kt.justice,
                                "NOT_STARTED",
                                BigDecimal.ZERO,
                                LocalDate.of(2024, 12, 31),
                                null,
                                1))));
        report = awaitReport(kt, "2024-06-25", r -> r.getInt("total") == 3);
        assertEquals(3 + 6, report.getInt("overdueOccurrences"), "the duplicate and the older version change nothing");
        assertEquals(
                "3",
                TableCounts.text(
                        dataSource,
                        "SELECT count(*)::text FROM assignment_occurrence WHERE assignment_id = ? AND status = 'DONE'",
                        assignment));
        assertEquals(
                "1",
                TableCounts.text(dataSource, "SELECT count(*)::text FROM processed_event WHERE event_id = ?", eventId));
        assertEquals(
                "12",
                TableCounts.text(
                        dataSource,
                        "SELECT count(*)::text FROM assignment_occurrence WHERE assignment_id = ?",
                        assignment));
    }

    @Test
    void aCancelledRecurringAssignmentIsNeverOverdue() {
        KonTumFixture kt = new KonTumFixture();
        UUID task = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        TaskState quarterly = new TaskState(
                task,
                kt.plan,
                "VII",
                "2",
                "Báo cáo quý",
                "TTHC",
                List.of(),
                List.of(),
                kt.office,
                "Báo cáo",
                new TimeframeState("Trước ngày 05 của tháng cuối quý", "RECURRING", null, null, null),
                1);
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_ASSIGNED,
                kt.plan,
                new TaskAssigned(1, quarterly, List.of(state(kt, task, assignment, kt.justice, "CANCELLED", 1, 0))));
        JsonPath report = awaitReport(kt, "2024-12-31", r -> r.getInt("total") == 1);
        assertEquals(0, report.getInt("overdue"));
        assertEquals(0, report.getInt("overdueOccurrences"));
        assertNull(report.get("overdueAssignments[0]"));
    }

    @Test
    void aFirstDeadlineIsMetByTheFirstOccurrenceDone() {
        KonTumFixture kt = new KonTumFixture();
        UUID task = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID started = UUID.randomUUID();
        TaskState first = new TaskState(
                task,
                kt.plan,
                "VII",
                "3",
                "Báo cáo rà soát",
                "TTHC",
                List.of(),
                List.of(),
                kt.office,
                "Báo cáo",
                new TimeframeState(
                        "Lần đầu trước ngày 06/01/2024; sau đó trước ngày 10 hằng tháng",
                        "RECURRING",
                        null,
                        null,
                        LocalDate.of(2024, 1, 5)),
                1);
        AssignmentState none = state(kt, task, pending, kt.homeAffairs, "IN_PROGRESS", 1, 0);
        AssignmentState one = state(kt, task, started, kt.justice, "IN_PROGRESS", 1, 1);
        TestEvents.send(
                Topics.PLANS,
                EventTypes.TASK_ASSIGNED,
                kt.plan,
                new TaskAssigned(1, first, List.of(withDue(none), withDue(one))));
        JsonPath report = awaitReport(kt, "2024-01-07", r -> r.getInt("total") == 2);
        assertEquals(1, report.getInt("overdue"), "the first deadline passed; January's report meets it for one");
        assertEquals(List.of(pending.toString()), report.getList("overdueAssignments.assignmentId"));
        assertEquals(0, report.getInt("overdueOccurrences"), "no occurrence is due before 9 January");
        assertEquals(0, awaitReport(kt, "2024-01-05", r -> true).getInt("overdue"), "due on the 5th itself");
    }

    private static AssignmentState withDue(AssignmentState a) {
        return new AssignmentState(
                a.id(),
                a.planId(),
                a.taskId(),
                a.agencyId(),
                a.status(),
                a.percent(),
                LocalDate.of(2024, 1, 5),
                a.lastReportedAt(),
                a.version(),
                a.occurrences());
    }

    /** An assignment state of a monthly task due on the 9th, with its first {@code done} months DONE. */
    private static AssignmentState state(
            KonTumFixture kt, UUID task, UUID id, UUID agency, String status, long version, int done) {
        List<OccurrenceState> occurrences = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            occurrences.add(new OccurrenceState(
                    String.format("2024-%02d", month),
                    LocalDate.of(2024, month, 9),
                    month <= done ? "DONE" : "NOT_STARTED",
                    month <= done ? OffsetDateTime.of(2024, month, 5, 3, 0, 0, 0, ZoneOffset.UTC) : null));
        }
        return new AssignmentState(
                id, kt.plan, task, agency, status, BigDecimal.ZERO, null, null, version, occurrences);
    }

    private static JsonPath awaitReport(KonTumFixture kt, String asOf, Predicate<JsonPath> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(
                        () -> given().queryParam("planId", kt.plan)
                                .queryParam("agencyId", kt.province)
                                .queryParam("asOf", asOf)
                                .get("/api/reports/tasks")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        condition);
    }
}
