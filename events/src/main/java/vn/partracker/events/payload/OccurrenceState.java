package vn.partracker.events.payload;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One occurrence of a recurring task's assignment: the period it covers (a reporting period code such as
 * {@code 2024-03}, {@code 2024-Q2}, {@code 2024-S1}, {@code 2024}, or an ISO week {@code 2024-W07}), the day it is
 * due, and where its reports stand. Sent inside {@link AssignmentState} so that a consumer counts overdue occurrences
 * without re-parsing the Vietnamese timeframe wording.
 *
 * @param occurrence the period code
 * @param dueDate the last admissible day of the occurrence
 * @param status the status of the latest report for this occurrence (NOT_STARTED when none)
 * @param lastReportedAt when the latest report for this occurrence was made, or null
 */
public record OccurrenceState(String occurrence, LocalDate dueDate, String status, OffsetDateTime lastReportedAt) {}
