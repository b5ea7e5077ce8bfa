package vn.partracker.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.OccurrenceState;
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

    /**
     * An assignment as the task report needs it; {@code occurrences} are those of a recurring task (empty for a
     * one-off task), in due-date order.
     */
    public record AssignmentRow(
            UUID id,
            UUID taskId,
            String taskOrdinal,
            String taskTitle,
            UUID agencyId,
            String status,
            BigDecimal percent,
            LocalDate dueDate,
            List<OccurrenceRow> occurrences) {

        /** The same row with its occurrences. */
        AssignmentRow with(List<OccurrenceRow> list) {
            return new AssignmentRow(id, taskId, taskOrdinal, taskTitle, agencyId, status, percent, dueDate, list);
        }
    }

    /** One occurrence of a recurring task's assignment: its period code, due date and the status reported on it. */
    public record OccurrenceRow(String occurrence, LocalDate dueDate, String status) {}

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
        boolean changed = jdbc.update(
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
        if (changed) {
            replaceOccurrences(a);
        }
        return changed;
    }

    /** The occurrences of the version just stored replace the ones before it: the state carries them all. */
    private void replaceOccurrences(AssignmentState a) {
        jdbc.update("DELETE FROM assignment_occurrence WHERE assignment_id = ?", a.id());
        if (a.occurrences().isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(a.occurrences().size());
        for (OccurrenceState o : a.occurrences()) {
            rows.add(new Object[] {a.id(), o.occurrence(), o.dueDate(), o.status(), o.lastReportedAt()});
        }
        jdbc.batch("""
                INSERT INTO assignment_occurrence (assignment_id, occurrence, due_date, status, last_reported_at)
                VALUES (?, ?, ?, ?, ?)
                """, rows);
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

    /**
     * The assignments of the plans to the given agencies, with their task's ordinal and title and, for recurring
     * tasks, their occurrences.
     */
    public List<AssignmentRow> assignments(Collection<UUID> planIds, Collection<UUID> agencyIds) {
        List<AssignmentRow> rows = jdbc.query(
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
                        Jdbc.date(rs, "due"),
                        List.of()),
                Jdbc.uuids(planIds),
                Jdbc.uuids(agencyIds));
        Map<UUID, List<OccurrenceRow>> occurrences = new HashMap<>();
        jdbc.query(
                        """
                SELECT o.assignment_id, o.occurrence, o.due_date, o.status
                FROM assignment_occurrence o JOIN assignment a ON a.id = o.assignment_id
                WHERE a.plan_id = ANY(?) AND a.agency_id = ANY(?)
                ORDER BY o.assignment_id, o.due_date, o.occurrence
                """,
                        rs -> Map.entry(
                                Jdbc.uuid(rs, "assignment_id"),
                                new OccurrenceRow(
                                        rs.getString("occurrence"), Jdbc.date(rs, "due_date"), rs.getString("status"))),
                        Jdbc.uuids(planIds),
                        Jdbc.uuids(agencyIds))
                .forEach(e -> occurrences
                        .computeIfAbsent(e.getKey(), id -> new ArrayList<>())
                        .add(e.getValue()));
        if (occurrences.isEmpty()) {
            return rows;
        }
        return rows.stream()
                .map(r -> occurrences.containsKey(r.id()) ? r.with(List.copyOf(occurrences.get(r.id()))) : r)
                .toList();
    }
}
