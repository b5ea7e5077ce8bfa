package vn.partracker.plans.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyRef;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.OccurrenceState;
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
import vn.partracker.support.outbox.NewEvent;
import vn.partracker.support.outbox.OutboxWriter;

/**
 * The event writer of the plan aggregate (a plan with its tasks, assignments and progress): appends the plans
 * topic's events to the outbox in the caller's transaction. Every event is keyed by the plan id, so one plan's events
 * (issued, amended, task assigned, progress, status) stay in one partition, in order. Payloads carry full state, so
 * callers pass the plan's tasks and assignments as they are after the flush.
 *
 * <p>No event exceeds {@link #maxPayloadBytes} (default 200,000 bytes of JSON, under the suite's ~256 KB bound
 * with room for headers). A plan whose whole state fits is one {@code plan.issued}/{@code plan.amended} carrying its
 * tasks and assignments, as before. A bigger plan (3,000 agencies × 29 tasks is ~30 MB) is split into events every
 * consumer already understands: the plan event with its sections and tasks but no assignments (no tasks either if
 * they alone do not fit), then, for each task in plan order, {@code task.assigned} events carrying the task and
 * consecutive chunks of its assignments. All are keyed by the plan id and appended in one transaction, so they are
 * published together and in this order; reporting-service's replica applies the plan head (which drops the
 * assignments the head does not list) and then upserts every task and assignment from the chunks.
 */
@ApplicationScoped
public class PlanEvents {

    /** The default bound of one event's JSON payload. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 200_000;

    private final OutboxWriter outbox;
    private final int maxPayloadBytes;

    public PlanEvents(
            OutboxWriter outbox,
            @ConfigProperty(name = "partracker.plans.events.max-payload-bytes", defaultValue = "200000")
                    int maxPayloadBytes) {
        this.outbox = outbox;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** {@code partracker.plan.issued} with sections, tasks and assignments (split when too big, see above). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int issued(
            Plan plan, List<Task> tasks, List<Assignment> assignments, Map<UUID, List<OccurrenceState>> occurrences) {
        return outbox.appendAll(planEvents(EventTypes.PLAN_ISSUED, plan, tasks, assignments, null, occurrences))
                .size();
    }

    /** {@code partracker.plan.amended} with the full state after the amendment and its reason (split when too big). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int amended(
            Plan plan,
            List<Task> tasks,
            List<Assignment> assignments,
            String reason,
            Map<UUID, List<OccurrenceState>> occurrences) {
        return outbox.appendAll(planEvents(EventTypes.PLAN_AMENDED, plan, tasks, assignments, reason, occurrences))
                .size();
    }

    /**
     * The events that carry a plan's whole state: one when it fits in {@link #maxPayloadBytes}, else the plan head
     * followed by {@code task.assigned} chunks (see the class comment). Package-visible for the size tests.
     */
    List<NewEvent> planEvents(
            String type,
            Plan plan,
            List<Task> tasks,
            List<Assignment> assignments,
            String reason,
            Map<UUID, List<OccurrenceState>> occurrences) {
        String key = plan.id.toString();
        List<TaskState> taskStates = tasks.stream().map(PlanEvents::taskState).toList();
        List<AssignmentState> assignmentStates = assignments.stream()
                .map(a -> assignmentState(a, occurrences.get(a.id)))
                .toList();
        PlanState whole = state(plan, taskStates, assignmentStates, reason);
        if (bytes(whole) <= maxPayloadBytes) {
            return List.of(new NewEvent(Topics.PLANS, key, type, whole));
        }
        List<NewEvent> events = new ArrayList<>();
        PlanState head = state(plan, taskStates, List.of(), reason);
        if (bytes(head) > maxPayloadBytes) {
            head = state(plan, List.of(), List.of(), reason);
        }
        if (bytes(head) > maxPayloadBytes) {
            throw new IllegalStateException("plan " + plan.id + " has a head of " + bytes(head)
                    + " bytes, over the event bound of " + maxPayloadBytes);
        }
        events.add(new NewEvent(Topics.PLANS, key, type, head));
        Map<UUID, List<AssignmentState>> byTask = new LinkedHashMap<>();
        taskStates.forEach(t -> byTask.put(t.id(), new ArrayList<>()));
        for (AssignmentState a : assignmentStates) {
            byTask.computeIfAbsent(a.taskId(), id -> new ArrayList<>()).add(a);
        }
        for (TaskState task : taskStates) {
            events.addAll(taskAssignedChunks(key, task, byTask.get(task.id())));
        }
        return events;
    }

    /** {@code task.assigned} events for one task whose assignments are cut into chunks under the bound. */
    private List<NewEvent> taskAssignedChunks(String key, TaskState task, List<AssignmentState> assignments) {
        int room = maxPayloadBytes - bytes(new TaskAssigned(TaskAssigned.SCHEMA_VERSION, task, List.of())) - 16;
        if (room <= 0) {
            throw new IllegalStateException(
                    "task " + task.id() + " alone is over the event bound of " + maxPayloadBytes + " bytes");
        }
        List<NewEvent> events = new ArrayList<>();
        List<AssignmentState> chunk = new ArrayList<>();
        int used = 0;
        for (AssignmentState a : assignments) {
            int size = bytes(a) + 1;
            if (!chunk.isEmpty() && used + size > room) {
                events.add(taskAssigned(key, task, chunk));
                chunk = new ArrayList<>();
                used = 0;
            }
            chunk.add(a);
            used += size;
        }
        if (!chunk.isEmpty() || events.isEmpty()) {
            events.add(taskAssigned(key, task, chunk));
        }
        return events;
    }

    private static NewEvent taskAssigned(String key, TaskState task, List<AssignmentState> chunk) {
        return new NewEvent(
                Topics.PLANS,
                key,
                EventTypes.TASK_ASSIGNED,
                new TaskAssigned(TaskAssigned.SCHEMA_VERSION, task, List.copyOf(chunk)));
    }

    private static int bytes(Object payload) {
        return EventJson.write(payload).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * {@code partracker.task.assigned}: a task added to an issued plan, with its new assignments (in several events
     * when they do not fit in one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taskAssigned(Task task, List<Assignment> created, Map<UUID, List<OccurrenceState>> occurrences) {
        outbox.appendAll(taskAssignedChunks(
                task.planId.toString(),
                taskState(task),
                created.stream()
                        .map(a -> assignmentState(a, occurrences.get(a.id)))
                        .toList()));
    }

    /**
     * {@code partracker.task.progress-reported}: the update (with the occurrence it is about, for a recurring task)
     * and the assignment after it, with its occurrences.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void progressReported(Assignment assignment, ProgressUpdate update, List<OccurrenceState> occurrences) {
        outbox.append(
                Topics.PLANS,
                assignment.planId.toString(),
                EventTypes.TASK_PROGRESS_REPORTED,
                new TaskProgressReported(
                        TaskProgressReported.SCHEMA_VERSION,
                        assignmentState(assignment, occurrences),
                        new ProgressState(
                                update.id,
                                update.assignmentId,
                                update.percent,
                                update.note,
                                List.copyOf(update.evidence),
                                update.status.name(),
                                OffsetDateTime.ofInstant(update.reportedAt, ZoneOffset.UTC),
                                update.reportedBy,
                                update.occurrence)));
    }

    /** {@code partracker.task.status-changed}: the assignment after the change and the status before it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Assignment assignment, AssignmentStatus previous, List<OccurrenceState> occurrences) {
        outbox.append(
                Topics.PLANS,
                assignment.planId.toString(),
                EventTypes.TASK_STATUS_CHANGED,
                new TaskStatusChanged(
                        TaskStatusChanged.SCHEMA_VERSION,
                        assignmentState(assignment, occurrences),
                        previous.name(),
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static PlanState state(Plan plan, List<TaskState> tasks, List<AssignmentState> assignments, String reason) {
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
                tasks,
                assignments,
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

    private static AssignmentState assignmentState(Assignment a, List<OccurrenceState> occurrences) {
        return new AssignmentState(
                a.id,
                a.planId,
                a.taskId,
                a.agencyId,
                a.status.name(),
                a.percent,
                a.dueDate,
                a.lastReportedAt == null ? null : OffsetDateTime.ofInstant(a.lastReportedAt, ZoneOffset.UTC),
                a.version,
                occurrences);
    }

    private static List<AgencyRef> refs(List<AgencyRefValue> values) {
        return values.stream().map(v -> new AgencyRef(v.agencyId, v.groupId)).toList();
    }
}
