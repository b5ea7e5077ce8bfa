package vn.partracker.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.AssignmentStatus;

/**
 * One appended progress report; {@code occurrence} (absent for a one-off task) names the period of a recurring task
 * it is about, and {@code status}/{@code previousStatus} are then that occurrence's.
 */
public record ProgressResponse(
        UUID id,
        UUID assignmentId,
        BigDecimal percent,
        String note,
        List<String> evidence,
        AssignmentStatus status,
        AssignmentStatus previousStatus,
        Instant reportedAt,
        String reportedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String occurrence) {}
