package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AssignmentState;
import vn.partracker.events.payload.PlanState;
import vn.partracker.events.payload.TaskAssigned;
import vn.partracker.events.payload.TaskProgressReported;
import vn.partracker.events.payload.TaskState;
import vn.partracker.events.payload.TaskStatusChanged;
import vn.partracker.reporting.repository.PlanReplicaRepository;
import vn.partracker.support.consumer.IncomingEvent;

/**
 * Applies plan, task and assignment events (all keyed by the plan id, so they arrive in order). Plans, tasks and
 * assignments each carry their own version, and each replica row keeps the newest.
 */
@ApplicationScoped
public class PlanEventService {

    static final String CONSUMER = "reporting-service.plans";

    private final EventLedger ledger;
    private final PlanReplicaRepository plans;

    public PlanEventService(EventLedger ledger, PlanReplicaRepository plans) {
        this.ledger = ledger;
        this.plans = plans;
    }

    /** Applies one event of {@code partracker.plans} exactly once. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!ledger.claim(CONSUMER, event)) {
            Log.debugf("plan event %s already applied; skipped", event.id());
            return;
        }
        switch (event.type()) {
            case EventTypes.PLAN_ISSUED, EventTypes.PLAN_AMENDED -> applyPlan(event.payloadAs(PlanState.class));
            case EventTypes.TASK_ASSIGNED -> {
                TaskAssigned assigned = event.payloadAs(TaskAssigned.class);
                plans.upsertTask(assigned.task());
                upsertAll(assigned.assignments());
            }
            case EventTypes.TASK_PROGRESS_REPORTED ->
                plans.upsertAssignment(
                        event.payloadAs(TaskProgressReported.class).assignment());
            case EventTypes.TASK_STATUS_CHANGED ->
                plans.upsertAssignment(event.payloadAs(TaskStatusChanged.class).assignment());
            default -> Log.debugf("plan event %s of type %s not used here", event.id(), event.type());
        }
        Log.debugf("plan %s: applied %s (%s)", event.key(), event.type(), event.id());
    }

    /**
     * A full plan state replaces the plan's tasks and assignments: the ones it lists are upserted by version and
     * the ones it no longer lists are removed (an amendment can drop a task).
     */
    private void applyPlan(PlanState plan) {
        if (!plans.upsertPlan(plan)) {
            Log.debugf("plan %s version %d is not newer; kept", plan.id(), plan.version());
            return;
        }
        List<TaskState> tasks = plan.tasks() == null ? List.of() : plan.tasks();
        List<AssignmentState> assignments = plan.assignments() == null ? List.of() : plan.assignments();
        Set<java.util.UUID> taskIds = new HashSet<>();
        for (TaskState task : tasks) {
            plans.upsertTask(task);
            taskIds.add(task.id());
        }
        Set<java.util.UUID> assignmentIds = new HashSet<>();
        for (AssignmentState a : assignments) {
            assignmentIds.add(a.id());
        }
        upsertAll(assignments);
        plans.retainOnly(plan.id(), taskIds, assignmentIds);
    }

    private void upsertAll(List<AssignmentState> assignments) {
        if (assignments != null) {
            assignments.forEach(plans::upsertAssignment);
        }
    }
}
