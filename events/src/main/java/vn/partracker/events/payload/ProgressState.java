package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One append-only progress update of an assignment. */
public record ProgressState(
        UUID id,
        UUID assignmentId,
        BigDecimal percent,
        String note,
        List<String> evidence,
        String status,
        OffsetDateTime reportedAt,
        String reportedBy) {}
