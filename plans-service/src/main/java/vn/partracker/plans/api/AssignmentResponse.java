package vn.partracker.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.AssignmentStatus;

/**
 * One agency's assignment on a task; {@code overdue} is derived as of the date asked for, never stored. A recurring
 * task's assignment lists its {@code occurrences} (one per period, each with its due date and status) and is overdue
 * when one of them is; the field is absent for a one-off task, whose {@code dueDate} is the one deadline.
 */
public record AssignmentResponse(
        UUID id,
        UUID planId,
        UUID taskId,
        String sectionCode,
        String taskOrdinal,
        String taskTitle,
        UUID agencyId,
        String agencyName,
        AssignmentStatus status,
        BigDecimal percent,
        LocalDate dueDate,
        boolean overdue,
        Instant lastReportedAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<OccurrenceResponse> occurrences) {}
