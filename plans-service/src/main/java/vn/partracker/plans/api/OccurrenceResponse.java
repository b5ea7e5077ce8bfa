package vn.partracker.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import vn.partracker.plans.domain.AssignmentStatus;

/**
 * One occurrence of a recurring task's assignment: the period it covers, when it is due, where its reports stand
 * and whether it is overdue as of the date asked about (due before it without a DONE report).
 *
 * @param occurrence the period code: {@code 2024-03}, {@code 2024-Q2}, {@code 2024-S1}, {@code 2024-N9},
 *     {@code 2024}, or an ISO week {@code 2024-W07}
 * @param dueDate the last admissible day
 * @param status the status of the latest report on this occurrence; NOT_STARTED when none
 * @param lastReportedAt when the latest report on this occurrence was made; absent when none
 * @param overdue whether the due date passed before the date asked about and the occurrence is not DONE
 */
public record OccurrenceResponse(
        String occurrence,
        LocalDate dueDate,
        AssignmentStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastReportedAt,
        boolean overdue) {}
