package vn.partracker.plans.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.partracker.plans.domain.AssignmentStatus;

/** One agency's assignment on a task; {@code overdue} is derived as of the date asked for, never stored. */
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
        long version) {}
