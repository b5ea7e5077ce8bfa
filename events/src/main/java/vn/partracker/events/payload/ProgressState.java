package vn.partracker.events.payload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One append-only progress update of an assignment. {@code occurrence} names the period of a recurring task the
 * report is about (a code of {@link OccurrenceState#occurrence()}); it is null for a one-off task.
 */
public record ProgressState(
        UUID id,
        UUID assignmentId,
        BigDecimal percent,
        String note,
        List<String> evidence,
        String status,
        OffsetDateTime reportedAt,
        String reportedBy,
        String occurrence) {

    /**
     * A report on a one-off task, which names no occurrence.
     *
     * @param id the update id
     * @param assignmentId the assignment
     * @param percent the reported percent
     * @param note the note
     * @param evidence document numbers or URLs
     * @param status the status after the report
     * @param reportedAt when it was reported
     * @param reportedBy who reported it
     */
    public ProgressState(
            UUID id,
            UUID assignmentId,
            BigDecimal percent,
            String note,
            List<String> evidence,
            String status,
            OffsetDateTime reportedAt,
            String reportedBy) {
        this(id, assignmentId, percent, note, evidence, status, reportedAt, reportedBy, null);
    }
}
