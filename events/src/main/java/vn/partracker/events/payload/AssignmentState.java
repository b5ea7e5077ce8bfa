package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One (task, concrete lead agency) assignment after group expansion. {@code version} grows with every change so a
 * consumer can drop a stale redelivery; overdue is not a status and is derived from {@code dueDate} and, for a
 * recurring task, from {@code occurrences}: one per period of the task's cadence, each with its own due date and
 * status (empty for a one-off task; an older producer that does not send the field is read as empty).
 */
public record AssignmentState(
        UUID id,
        UUID planId,
        UUID taskId,
        UUID agencyId,
        String status,
        BigDecimal percent,
        LocalDate dueDate,
        OffsetDateTime lastReportedAt,
        long version,
        List<OccurrenceState> occurrences) {

    /** Never null: a missing list means no occurrences. */
    public AssignmentState {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    /**
     * The assignment of a one-off task, which has no occurrences.
     *
     * @param id the assignment id
     * @param planId the plan
     * @param taskId the task
     * @param agencyId the lead agency
     * @param status the assignment status
     * @param percent the reported percent
     * @param dueDate the due date, or null
     * @param lastReportedAt the latest report time, or null
     * @param version the assignment version
     */
    public AssignmentState(
            UUID id,
            UUID planId,
            UUID taskId,
            UUID agencyId,
            String status,
            BigDecimal percent,
            LocalDate dueDate,
            OffsetDateTime lastReportedAt,
            long version) {
        this(id, planId, taskId, agencyId, status, percent, dueDate, lastReportedAt, version, List.of());
    }
}
