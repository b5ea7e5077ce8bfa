package vn.partracker.plans.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.AssignmentStatus;

/** One appended progress report. */
public record ProgressResponse(
        UUID id,
        UUID assignmentId,
        BigDecimal percent,
        String note,
        List<String> evidence,
        AssignmentStatus status,
        AssignmentStatus previousStatus,
        Instant reportedAt,
        String reportedBy) {}
