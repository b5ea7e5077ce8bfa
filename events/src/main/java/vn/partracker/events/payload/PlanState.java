package vn.partracker.events.payload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code partracker.plan.issued} and {@code partracker.plan.amended}: the full plan with its sections, tasks and
 * assignments, so a consumer builds its copy from this one event. {@code amendmentReason} is set on amendments.
 */
public record PlanState(
        int schemaVersion,
        UUID id,
        long version,
        String number,
        String title,
        UUID issuerId,
        LocalDate issuedOn,
        Integer year,
        LocalDate validFrom,
        LocalDate validTo,
        String status,
        UUID parentPlanId,
        List<SectionState> sections,
        List<TaskState> tasks,
        List<AssignmentState> assignments,
        String amendmentReason) {

    /** Current schema version of this payload. */
    public static final int SCHEMA_VERSION = 1;
}
