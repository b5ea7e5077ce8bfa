package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.Task;

/** Tasks of plans. */
@ApplicationScoped
public class TaskRepository implements PanacheRepositoryBase<Task, UUID> {

    /** Every task of a plan in plan order. */
    public List<Task> ofPlan(UUID planId) {
        return list("planId = ?1 order by position", planId);
    }

    /** How many tasks a plan has. */
    public long countOfPlan(UUID planId) {
        return count("planId", planId);
    }

    /** How many tasks each of {@code planIds} has, in one query; a plan without tasks is absent. */
    public Map<UUID, Long> countsOfPlans(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> counts = new HashMap<>();
        getEntityManager()
                .createQuery(
                        "select t.planId, count(t) from Task t where t.planId in :plans group by t.planId",
                        Object[].class)
                .setParameter("plans", planIds)
                .getResultList()
                .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }

    /** The next free position in a plan. */
    public int nextPosition(UUID planId) {
        Integer max = getEntityManager()
                .createQuery("select max(t.position) from Task t where t.planId = :p", Integer.class)
                .setParameter("p", planId)
                .getSingleResult();
        return max == null ? 0 : max + 1;
    }

    /**
     * Tasks of a plan matching the optional filters. {@code leadAgencyId} matches a task that names the agency as
     * lead or assigns it (through a group); {@code status} matches a task with an assignment in that status; the due
     * range applies to the task's due date.
     */
    public PanacheQuery<Task> search(
            UUID planId,
            String sectionCode,
            String field,
            UUID leadAgencyId,
            AssignmentStatus status,
            LocalDate dueFrom,
            LocalDate dueTo) {
        StringBuilder where = new StringBuilder("t.planId = :plan");
        Parameters params = Parameters.with("plan", planId);
        if (sectionCode != null) {
            where.append(" and t.sectionCode = :section");
            params.and("section", sectionCode);
        }
        if (field != null) {
            where.append(" and t.field = :field");
            params.and("field", field);
        }
        if (leadAgencyId != null) {
            where.append(" and (exists (select 1 from Task t2 join t2.leadAgencies l where t2.id = t.id"
                    + " and l.agencyId = :lead) or exists (select 1 from Assignment a where a.taskId = t.id"
                    + " and a.agencyId = :lead))");
            params.and("lead", leadAgencyId);
        }
        if (status != null) {
            where.append(" and exists (select 1 from Assignment s where s.taskId = t.id and s.status = :status)");
            params.and("status", status);
        }
        if (dueFrom != null) {
            where.append(" and t.dueDate >= :dueFrom");
            params.and("dueFrom", dueFrom);
        }
        if (dueTo != null) {
            where.append(" and t.dueDate <= :dueTo");
            params.and("dueTo", dueTo);
        }
        return find("from Task t where " + where + " order by t.position", params);
    }
}
