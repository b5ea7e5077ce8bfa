package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.ProgressUpdate;

/** The append-only progress log. */
@ApplicationScoped
public class ProgressUpdateRepository implements PanacheRepositoryBase<ProgressUpdate, UUID> {

    /** Every report on an assignment, oldest first. */
    public List<ProgressUpdate> ofAssignment(UUID assignmentId) {
        return list("assignmentId = ?1 order by reportedAt, id", assignmentId);
    }

    /** The reports naming an occurrence on any of the assignments, oldest first (the latest per occurrence wins). */
    public List<ProgressUpdate> occurrenceReports(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return List.of();
        }
        return list(
                "assignmentId in ?1 and occurrence is not null order by reportedAt, id", List.copyOf(assignmentIds));
    }
}
