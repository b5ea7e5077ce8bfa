package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One (task, concrete lead agency) assignment after group expansion. {@code version} grows with every change so a
 * consumer can drop a stale redelivery; overdue is not a status and is derived from {@code dueDate}.
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
        long version) {}
