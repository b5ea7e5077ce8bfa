package vn.partracker.plans.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyRef;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.ProgressState;
import vn.partracker.events.payload.SectionState;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskProgressReported;
import vn.partracker.events.payload.TaskState;
import vn.partracker.events.payload.TaskStatusChanged;
import vn.partracker.events.payload.TimeframeState;
import vn.partracker.plans.domain.AgencyRefValue;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.ProgressUpdate;
import vn.partracker.plans.domain.Task;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * The event writer of the plan aggregate (a plan with its tasks, assignments and progress): appends the plans
 * topic's events to the outbox in the caller's transaction. Every event is keyed by the plan id, so one plan's events
 * (issued, amended, task assigned, progress, status) stay in one partition, in order. Payloads carry full state, so
 * callers pass the plan's tasks and assignments as they are after the flush.
 */
@ApplicationScoped
public class PlanEvents {

    private final OutboxWriter outbox;

    public PlanEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** {@code partracker.plan.issued} with sections, tasks and assignments. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issued(Plan plan, List<Task> tasks, List<Assignment> assignments) {
        outbox.append(Topics.PLANS, plan.id.toString(), EventTypes.PLAN_ISSUED, state(plan, tasks, assignments, null));
    }

    /** {@code partracker.plan.amended} with the full state after the amendment and its reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void amended(Plan plan, List<Task> tasks, List<Assignment> assignments, String reason) {
        outbox.append(
                Topics.PLANS, plan.id.toString(), EventTypes.PLAN_AMENDED, state(plan, tasks, assignments, reason));
    }

    /** {@code partracker.task.assigned}: a task added to an issued plan, with its new assignments. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taskAssigned(Task task, List<Assignment> created) {
        outbox.append(
                Topics.PLANS,
                task.planId.toString(),
                EventTypes.TASK_ASSIGNED,
                new TaskAssigned(
                        TaskAssigned.SCHEMA_VERSION,
                        taskState(task),
                        created.stream().map(PlanEvents::assignmentState).toList()));
    }

    /** {@code partracker.task.progress-reported}: the update and the assignment after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void progressReported(Assignment assignment, ProgressUpdate update) {
        outbox.append(
                Topics.PLANS,
                assignment.planId.toString(),
                EventTypes.TASK_PROGRESS_REPORTED,
                new TaskProgressReported(
                        TaskProgressReported.SCHEMA_VERSION,
                        assignmentState(assignment),
                        new ProgressState(
                                update.id,
                                update.assignmentId,
                                update.percent,
                                update.note,
                                List.copyOf(update.evidence),
                                update.status.name(),
                                OffsetDateTime.ofInstant(update.reportedAt, ZoneOffset.UTC),
                                update.reportedBy)));
    }

    /** {@code partracker.task.status-changed}: the assignment after the change and the status before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Assignment assignment, AssignmentStatus previous) {
        outbox.append(
                Topics.PLANS,
                assignment.planId.toString(),
                EventTypes.TASK_STATUS_CHANGED,
                new TaskStatusChanged(
                        TaskStatusChanged.SCHEMA_VERSION,
                        assignmentState(assignment),
                        previous.name(),
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static PlanState state(Plan plan, List<Task> tasks, List<Assignment> assignments, String reason) {
        List<SectionState> sections = new ArrayList<>();
        for (int i = 0; i < plan.sections.size(); i++) {
            sections.add(new SectionState(
                    plan.sections.get(i).code(), plan.sections.get(i).title(), i));
        }
        return new PlanState(
                PlanState.SCHEMA_VERSION,
                plan.id,
                plan.version,
                plan.number,
                plan.title,
                plan.issuerId,
                plan.issuedOn,
                plan.year,
                plan.validFrom,
                plan.validTo,
                plan.status.name(),
                plan.parentPlanId,
                sections,
                tasks.stream().map(PlanEvents::taskState).toList(),
                assignments.stream().map(PlanEvents::assignmentState).toList(),
                reason);
    }

    private static TaskState taskState(Task task) {
        return new TaskState(
                task.id,
                task.planId,
                task.sectionCode,
                task.ordinal,
                task.title,
                task.field,
                refs(task.leadAgencies),
                refs(task.coordinatingAgencies),
                task.monitoringAgencyId,
                task.expectedOutput,
                new TimeframeState(
                        task.timeframeText,
                        task.timeframeKind.name(),
                        task.timeframeStart,
                        task.timeframeEnd,
                        task.dueDate),
                task.version);
    }

    private static AssignmentState assignmentState(Assignment a) {
        return new AssignmentState(
                a.id,
                a.planId,
                a.taskId,
                a.agencyId,
                a.status.name(),
                a.percent,
                a.dueDate,
                a.lastReportedAt == null ? null : OffsetDateTime.ofInstant(a.lastReportedAt, ZoneOffset.UTC),
                a.version);
    }

    private static List<AgencyRef> refs(List<AgencyRefValue> values) {
        return values.stream().map(v -> new AgencyRef(v.agencyId, v.groupId)).toList();
    }
}
