package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.AssignmentStatus;

/** Assignments of issued plans. */
@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    /** Every assignment of a plan. */
    public List<Assignment> ofPlan(UUID planId) {
        return list("planId = ?1 order by createdAt, id", planId);
    }

    /** Every assignment of a task. */
    public List<Assignment> ofTask(UUID taskId) {
        return list("taskId = ?1 order by createdAt, id", taskId);
    }

    /** How many assignments a plan has. */
    public long countOfPlan(UUID planId) {
        return count("planId", planId);
    }

    /**
     * Assignments matching the optional filters. With {@code overdueOn}, only those whose due date is before that
     * day and that are neither DONE nor CANCELLED.
     */
    public PanacheQuery<Assignment> search(UUID agencyId, UUID planId, AssignmentStatus status, LocalDate overdueOn) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(where, params, agencyId, planId, status);
        if (overdueOn != null) {
            where.append(" and a.dueDate < :asOf and a.status not in (:finished)");
            params.and("asOf", overdueOn).and("finished", List.of(AssignmentStatus.DONE, AssignmentStatus.CANCELLED));
        }
        return find("from Assignment a where " + where + " order by a.dueDate nulls last, a.createdAt, a.id", params);
    }

    /**
     * Assignments matching the optional filters that are overdue on {@code asOf}: due before it and neither DONE nor
     * CANCELLED (unless their task is one of {@code recurringTasks}, judged per occurrence by the caller), or listed
     * in {@code overdueRecurring} (recurring tasks' assignments with an overdue occurrence) and not CANCELLED.
     */
    public PanacheQuery<Assignment> searchOverdue(
            UUID agencyId,
            UUID planId,
            AssignmentStatus status,
            LocalDate asOf,
            Collection<UUID> recurringTasks,
            Collection<UUID> overdueRecurring) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter(where, params, agencyId, planId, status);
        where.append(" and (a.dueDate < :asOf and a.status not in (:finished)");
        params.and("asOf", asOf).and("finished", List.of(AssignmentStatus.DONE, AssignmentStatus.CANCELLED));
        if (!recurringTasks.isEmpty()) {
            where.append(" and a.taskId not in (:recurringTasks)");
            params.and("recurringTasks", List.copyOf(recurringTasks));
        }
        if (!overdueRecurring.isEmpty()) {
            where.append(" or a.id in (:recurring) and a.status <> :cancelled");
            params.and("recurring", List.copyOf(overdueRecurring)).and("cancelled", AssignmentStatus.CANCELLED);
        }
        where.append(")");
        return find("from Assignment a where " + where + " order by a.dueDate nulls last, a.createdAt, a.id", params);
    }

    /** The assignments of the tasks that are not CANCELLED, optionally of one agency. */
    public List<Assignment> openOfTasks(Collection<UUID> taskIds, UUID agencyId) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        if (agencyId == null) {
            return list("taskId in ?1 and status <> ?2", List.copyOf(taskIds), AssignmentStatus.CANCELLED);
        }
        return list(
                "taskId in ?1 and status <> ?2 and agencyId = ?3",
                List.copyOf(taskIds),
                AssignmentStatus.CANCELLED,
                agencyId);
    }

    /** The optional agency, plan and status filters both searches share. */
    private static void filter(
            StringBuilder where, Parameters params, UUID agencyId, UUID planId, AssignmentStatus status) {
        if (agencyId != null) {
            where.append(" and a.agencyId = :agency");
            params.and("agency", agencyId);
        }
        if (planId != null) {
            where.append(" and a.planId = :plan");
            params.and("plan", planId);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.and("status", status);
        }
    }
}
