package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.TaskState;
import vn.partracker.support.jdbc.Jdbc;

/** The plan, task and assignment replicas. Every upsert skips a version that is not newer than the stored one. */
@ApplicationScoped
public class PlanReplicaRepository {

    private final Jdbc jdbc;

    public PlanReplicaRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An assignment as the task report needs it. */
    public record AssignmentRow(
            UUID id,
            UUID taskId,
            String taskOrdinal,
            String taskTitle,
            UUID agencyId,
            String status,
            BigDecimal percent,
            LocalDate dueDate) {}

    /**
     * Stores the plan's own fields unless the replica holds this or a newer version.
     *
     * @return whether the plan changed
     */
    public boolean upsertPlan(PlanState plan) {
        return jdbc.update("""
                INSERT INTO plan (id, number, title, plan_year, status, version) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, title = EXCLUDED.title,
                    plan_year = EXCLUDED.plan_year, status = EXCLUDED.status, version = EXCLUDED.version,
                    updated_at = now()
                WHERE plan.version < EXCLUDED.version
                """, plan.id(), plan.number(), plan.title(), plan.year(), plan.status(), plan.version()) > 0;
    }

    /** Stores a task unless the replica holds this or a newer version of it. */
    public void upsertTask(TaskState task) {
        jdbc.update(
                """
                INSERT INTO task (id, plan_id, section_code, ordinal, title, due_date, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET plan_id = EXCLUDED.plan_id, section_code = EXCLUDED.section_code,
                    ordinal = EXCLUDED.ordinal, title = EXCLUDED.title, due_date = EXCLUDED.due_date,
                    version = EXCLUDED.version
                WHERE task.version < EXCLUDED.version
                """,
                task.id(),
                task.planId(),
                task.sectionCode(),
                task.ordinal(),
                task.title(),
                task.timeframe() == null ? null : task.timeframe().dueDate(),
                task.version());
    }

    /**
     * Stores an assignment unless the replica holds this or a newer version of it.
     *
     * @return whether it changed
     */
    public boolean upsertAssignment(AssignmentState a) {
        return jdbc.update(
                        """
                INSERT INTO assignment (id, plan_id, task_id, agency_id, status, percent, due_date, last_reported_at,
                    version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET plan_id = EXCLUDED.plan_id, task_id = EXCLUDED.task_id,
                    agency_id = EXCLUDED.agency_id, status = EXCLUDED.status, percent = EXCLUDED.percent,
                    due_date = EXCLUDED.due_date, last_reported_at = EXCLUDED.last_reported_at,
                    version = EXCLUDED.version, updated_at = now()
                WHERE assignment.version < EXCLUDED.version
                """,
                        a.id(),
                        a.planId(),
                        a.taskId(),
                        a.agencyId(),
                        a.status(),
                        a.percent(),
                        a.dueDate(),
                        a.lastReportedAt(),
                        a.version())
                > 0;
    }

    /** Removes the tasks and assignments of the plan that a newer full plan state no longer contains. */
    public void retainOnly(UUID planId, Set<UUID> taskIds, Set<UUID> assignmentIds) {
        jdbc.update("DELETE FROM task WHERE plan_id = ? AND NOT (id = ANY(?))", planId, Jdbc.uuids(taskIds));
        jdbc.update(
                "DELETE FROM assignment WHERE plan_id = ? AND NOT (id = ANY(?))", planId, Jdbc.uuids(assignmentIds));
    }

    /** Ids of the plans with the given numbers ("59/QĐ-UBND"). */
    public List<UUID> idsByNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id FROM plan WHERE number = ANY(?)", rs -> Jdbc.uuid(rs, "id"), Jdbc.texts(numbers));
    }

    /** Whether the plan is in the replica. */
    public boolean exists(UUID planId) {
        return jdbc.queryOne("SELECT 1 FROM plan WHERE id = ?", rs -> true, planId)
                .isPresent();
    }

    /** The assignments of the plans to the given agencies, with their task's ordinal and title. */
    public List<AssignmentRow> assignments(Collection<UUID> planIds, Collection<UUID> agencyIds) {
        return jdbc.query(
                """
                SELECT a.id, a.task_id, t.ordinal, t.title, a.agency_id, a.status, a.percent,
                    COALESCE(a.due_date, t.due_date) AS due
                FROM assignment a LEFT JOIN task t ON t.id = a.task_id
                WHERE a.plan_id = ANY(?) AND a.agency_id = ANY(?)
                ORDER BY due NULLS LAST, t.ordinal, a.id
                """,
                rs -> new AssignmentRow(
                        Jdbc.uuid(rs, "id"),
                        Jdbc.uuid(rs, "task_id"),
                        rs.getString("ordinal"),
                        rs.getString("title"),
                        Jdbc.uuid(rs, "agency_id"),
                        rs.getString("status"),
                        rs.getBigDecimal("percent"),
                        Jdbc.date(rs, "due")),
                Jdbc.uuids(planIds),
                Jdbc.uuids(agencyIds));
    }
}
