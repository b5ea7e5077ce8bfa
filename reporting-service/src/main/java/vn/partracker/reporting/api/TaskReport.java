package vn.partracker.reporting.api;

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
 * @param overdue assignments due before {@code asOf} and neither DONE nor CANCELLED
 * @param dueNext30Days open assignments due from {@code asOf} to 30 days later
 * @param children the same counts per direct child agency's subtree
 * @param overdueAssignments the overdue assignments, most overdue first
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
        List<OverdueAssignment> overdueAssignments) {

    /** Counts for one child agency's subtree. */
    public record ChildTasks(
            UUID agencyId, String name, int total, Map<String, Integer> byStatus, int overdue, int dueNext30Days) {}

    /** One overdue assignment. */
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
            long daysOverdue) {}
}
