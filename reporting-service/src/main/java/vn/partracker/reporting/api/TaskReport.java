package vn.partracker.reporting.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Task assignments of a plan in an agency's subtree as of a date.
 *
 * @param byStatus assignments per status (NOT_STARTED, IN_PROGRESS, DONE, CANCELLED)
 * @param overdue assignments due before {@code asOf} and neither DONE nor CANCELLED, or (recurring tasks) not
 *     CANCELLED with at least one occurrence due before {@code asOf} that is not DONE
 * @param dueNext30Days open assignments due from {@code asOf} to 30 days later
 * @param children the same counts per direct child agency's subtree
 * @param overdueAssignments the overdue assignments, most overdue first
 * @param overdueOccurrences overdue occurrences of recurring tasks' assignments, counted one by one: an agency
 *     three monthly reports behind counts 3 here and 1 in {@code overdue}
 */
@Schema(description = "Task report of an agency subtree")
public record TaskReport(
        UUID planId,
        UUID agencyId,
        LocalDate asOf,
        Instant computedAsOf,
        Map<String, Long> eventPosition,
        int total,
        Map<String, Integer> byStatus,
        int overdue,
        int dueNext30Days,
        List<ChildTasks> children,
        List<OverdueAssignment> overdueAssignments,
        int overdueOccurrences) {

    /** Counts for one child agency's subtree; {@code overdueOccurrences} as in the report. */
    public record ChildTasks(
            UUID agencyId,
            String name,
            int total,
            Map<String, Integer> byStatus,
            int overdue,
            int dueNext30Days,
            int overdueOccurrences) {}

    /**
     * One overdue assignment. For a recurring task, {@code dueDate} is the due date of its earliest overdue
     * occurrence and {@code overdueOccurrences} lists the codes of every overdue occurrence ({@code 2024-03},
     * {@code 2024-Q2}, …); the field is absent for a one-off task.
     */
    public record OverdueAssignment(
            UUID assignmentId,
            UUID taskId,
            String taskOrdinal,
            String taskTitle,
            UUID agencyId,
            String agencyName,
            String status,
            BigDecimal percent,
            LocalDate dueDate,
            long daysOverdue,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> overdueOccurrences) {}
}
