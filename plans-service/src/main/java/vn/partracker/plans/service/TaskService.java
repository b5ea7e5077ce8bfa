package vn.partracker.plans.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.partracker.plans.api.AgencyRefDto;
import vn.partracker.plans.api.TaskRequest;
import vn.partracker.plans.api.TaskResponse;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyRefValue;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.messaging.PlanEvents;
import vn.partracker.plans.repository.AgencyGroupRepository;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.repository.AssignmentRepository;
import vn.partracker.plans.repository.PlanRepository;
import vn.partracker.plans.repository.TaskRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.http.ETags;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;

/**
 * Tasks of plans and the assignments they lead to. A task of a draft plan changes freely; on an issued plan a new or
 * changed task is an amendment (reason required) and its lead agencies are expanded into assignments at once. Every
 * change is recorded in the audit trail with the task before and after.
 */
@ApplicationScoped
public class TaskService {

    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final AgencyRepository agencies;
    private final AgencyGroupRepository groupRepository;
    private final AgencyGroupService groups;
    private final AssignmentRepository assignments;
    private final ParFieldService fields;
    private final TimeframeService timeframes;
    private final PlanEvents events;
    private final AmendmentRecorder amendments;
    private final AuditTrail auditTrail;
    private final OccurrenceService occurrences;

    public TaskService(
            TaskRepository tasks,
            PlanRepository plans,
            AgencyRepository agencies,
            AgencyGroupRepository groupRepository,
            AgencyGroupService groups,
            AssignmentRepository assignments,
            ParFieldService fields,
            TimeframeService timeframes,
            PlanEvents events,
            AmendmentRecorder amendments,
            AuditTrail auditTrail,
            OccurrenceService occurrences) {
        this.tasks = tasks;
        this.plans = plans;
        this.agencies = agencies;
        this.groupRepository = groupRepository;
        this.groups = groups;
        this.assignments = assignments;
        this.fields = fields;
        this.timeframes = timeframes;
        this.events = events;
        this.amendments = amendments;
        this.auditTrail = auditTrail;
        this.occurrences = occurrences;
    }

    /**
     * Adds a task. On a closed or superseded plan this is a conflict; on an issued plan it needs an amendment reason,
     * creates the task's assignments (groups expanded today) and publishes {@code partracker.task.assigned}.
     */
    @Transactional
    public TaskResponse create(UUID planId, TaskRequest request) {
        Plan plan = plans.findByIdOptional(planId).orElseThrow(() -> new NotFoundException("plan", planId));
        requireChangeable(plan, request.amendmentReason(), "add a task to");
        validate(plan, request);
        Task task = new Task();
        task.id = TimeOrderedIds.next();
        task.planId = planId;
        task.position = tasks.nextPosition(planId);
        task.createdAt = Instant.now();
        task.updatedAt = task.createdAt;
        apply(task, plan, request);
        tasks.persist(task);
        tasks.flush();
        if (plan.status == PlanStatus.ISSUED) {
            Set<UUID> leads = leadsToday(task);
            List<Assignment> created = createAssignments(task, leads);
            long before = plan.version;
            plan.updatedAt = Instant.now();
            plans.flush();
            amendments.record(
                    plan, before, request.amendmentReason(), List.of("tasks"), Map.of(), Map.of("addedTask", task.id));
            events.taskAssigned(task, created, occurrences.states(plan, List.of(task), created));
            Log.infof("task %s added to issued plan %s with %d assignments", task.id, planId, created.size());
        }
        TaskResponse added = response(task);
        auditTrail.record("task.created", "Task", task.id, null, added);
        return added;
    }

    /**
     * Replaces a task when {@code ifMatch} names its current version. On an issued plan this is an amendment: new
     * lead agencies get assignments, dropped ones have theirs cancelled, and {@code partracker.plan.amended} carries
     * the plan's state after the change.
     */
    @Transactional
    public TaskResponse update(UUID id, String ifMatch, TaskRequest request) {
        Task task = find(id);
        ETags.requireMatch(ifMatch, task.version);
        Plan plan = plans.findById(task.planId);
        requireChangeable(plan, request.amendmentReason(), "change a task of");
        validate(plan, request);
        TaskResponse before = response(task);
        apply(task, plan, request);
        task.updatedAt = Instant.now();
        tasks.flush();
        if (plan.status == PlanStatus.ISSUED) {
            Set<UUID> leads = leadsToday(task);
            List<Assignment> existing = assignments.ofTask(task.id);
            for (Assignment a : existing) {
                if (!leads.contains(a.agencyId) && a.status != AssignmentStatus.DONE) {
                    a.status = AssignmentStatus.CANCELLED;
                } else if (!Objects.equals(a.dueDate, task.dueDate)) {
                    a.dueDate = task.dueDate;
                }
            }
            Set<UUID> missing = new LinkedHashSet<>(leads);
            existing.forEach(a -> missing.remove(a.agencyId));
            createAssignments(task, missing);
            long versionBefore = plan.version;
            plan.updatedAt = Instant.now();
            plans.flush();
            amendments.record(
                    plan,
                    versionBefore,
                    request.amendmentReason(),
                    List.of("tasks"),
                    Map.of("task", before),
                    Map.of("task", response(task)));
            List<Task> planTasks = tasks.ofPlan(plan.id);
            List<Assignment> planAssignments = assignments.ofPlan(plan.id);
            events.amended(
                    plan,
                    planTasks,
                    planAssignments,
                    request.amendmentReason(),
                    occurrences.states(plan, planTasks, planAssignments));
        }
        TaskResponse updated = response(task);
        auditTrail.record("task.updated", "Task", id, before, updated);
        return updated;
    }

    /** One task. */
    public TaskResponse get(UUID id) {
        return response(find(id));
    }

    /** A plan's tasks matching the filters, in plan order. */
    public Page<TaskResponse> list(
            UUID planId,
            String sectionCode,
            String field,
            UUID leadAgencyId,
            AssignmentStatus status,
            LocalDate dueFrom,
            LocalDate dueTo,
            PageRequest page) {
        if (plans.findByIdOptional(planId).isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
        var query = tasks.search(planId, blank(sectionCode), blank(field), leadAgencyId, status, dueFrom, dueTo);
        List<TaskResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(TaskService::response)
                .toList();
        return Page.of(page, items, query.count());
    }

    /** The concrete lead agencies of a task of an issued plan today, or 409 when a lead expands to nobody. */
    private Set<UUID> leadsToday(Task task) {
        LocalDate today = LocalDate.now();
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> leads = expand(task, groups.expansionOn(today), today, "leadAgencies", errors);
        if (!errors.isEmpty()) {
            throw new ConflictException("the lead agencies cannot be assigned on " + today, errors);
        }
        return leads;
    }

    /**
     * The concrete agencies a task's lead references name on {@code date}: agencies as they are, groups expanded.
     * An agency that does not exist that day, or a group with no members, is an error under {@code field}.
     */
    Set<UUID> expand(
            Task task, AgencyGroupService.Expansion expansion, LocalDate date, String field, List<FieldError> errors) {
        Set<UUID> result = new LinkedHashSet<>();
        for (int i = 0; i < task.leadAgencies.size(); i++) {
            AgencyRefValue ref = task.leadAgencies.get(i);
            String where = field + "[" + i + "]";
            if (ref.agencyId != null) {
                if (expansion.isValid(ref.agencyId)) {
                    result.add(ref.agencyId);
                } else {
                    errors.add(new FieldError(where, "agency " + ref.agencyId + " does not exist on " + date));
                }
            } else {
                var group = groups.find(ref.groupId);
                List<Agency> members = expansion.members(group);
                if (members.isEmpty()) {
                    errors.add(new FieldError(where, "group '" + group.name + "' has no members on " + date));
                }
                members.forEach(a -> result.add(a.id));
            }
        }
        return result;
    }

    /** One NOT_STARTED assignment per agency, due when the task is. */
    List<Assignment> createAssignments(Task task, Set<UUID> agencyIds) {
        List<Assignment> created = new ArrayList<>();
        Instant now = Instant.now();
        for (UUID agencyId : agencyIds) {
            Assignment a = new Assignment();
            a.id = TimeOrderedIds.next();
            a.planId = task.planId;
            a.taskId = task.id;
            a.agencyId = agencyId;
            a.status = AssignmentStatus.NOT_STARTED;
            a.percent = BigDecimal.ZERO;
            a.dueDate = task.dueDate;
            a.createdAt = now;
            assignments.persist(a);
            created.add(a);
        }
        assignments.flush();
        return created;
    }

    /** Checks a task against its plan: section, field, agencies and groups must exist. */
    void validate(Plan plan, TaskRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.sectionCode() != null && !plan.hasSection(request.sectionCode())) {
            errors.add(new FieldError(
                    "sectionCode",
                    "the plan has no section '" + request.sectionCode() + "'; sections: "
                            + plan.sections.stream().map(s -> s.code()).toList()));
        }
        if (request.field() != null && !fields.exists(request.field())) {
            errors.add(new FieldError("field", "unknown PAR field '" + request.field() + "'; see GET /api/par-fields"));
        }
        checkRefs(request.leadAgencies(), "leadAgencies", errors);
        checkRefs(request.coordinatingAgencies(), "coordinatingAgencies", errors);
        if (request.monitoringAgencyId() != null
                && agencies.findByIdOptional(request.monitoringAgencyId()).isEmpty()) {
            errors.add(new FieldError("monitoringAgencyId", "no agency " + request.monitoringAgencyId()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Writes the request onto the task; the timeframe is parsed in the plan's year. */
    void apply(Task task, Plan plan, TaskRequest request) {
        task.sectionCode = blank(request.sectionCode());
        task.ordinal = blank(request.ordinal());
        task.title = request.title().strip();
        task.description = request.description();
        task.field = blank(request.field());
        task.leadAgencies = values(request.leadAgencies());
        task.coordinatingAgencies = values(request.coordinatingAgencies());
        task.monitoringAgencyId = request.monitoringAgencyId();
        task.expectedOutput = request.expectedOutput();
        task.legalBasis = request.legalBasis();
        timeframes.apply(task, request.timeframe().text(), plan.timeframeYear());
    }

    static TaskResponse response(Task task) {
        return new TaskResponse(
                task.id,
                task.planId,
                task.sectionCode,
                task.ordinal,
                task.title,
                task.description,
                task.field,
                dtos(task.leadAgencies),
                dtos(task.coordinatingAgencies),
                task.monitoringAgencyId,
                task.expectedOutput,
                TimeframeService.response(task),
                task.legalBasis,
                task.version);
    }

    private void checkRefs(List<AgencyRefDto> refs, String field, List<FieldError> errors) {
        if (refs == null) {
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            AgencyRefDto ref = refs.get(i);
            String where = field + "[" + i + "]";
            if ((ref.agencyId() == null) == (ref.groupId() == null)) {
                errors.add(new FieldError(where, "give exactly one of agencyId and groupId"));
            } else if (ref.agencyId() != null
                    && agencies.findByIdOptional(ref.agencyId()).isEmpty()) {
                errors.add(new FieldError(where + ".agencyId", "no agency " + ref.agencyId()));
            } else if (ref.groupId() != null
                    && groupRepository.findByIdOptional(ref.groupId()).isEmpty()) {
                errors.add(new FieldError(where + ".groupId", "no agency group " + ref.groupId()));
            }
        }
    }

    private static void requireChangeable(Plan plan, String reason, String action) {
        if (plan.status == PlanStatus.CLOSED || plan.status == PlanStatus.SUPERSEDED) {
            throw new ConflictException("cannot " + action + " a " + plan.status + " plan");
        }
        if (plan.status == PlanStatus.ISSUED && (reason == null || reason.isBlank())) {
            throw new ConflictException(
                    "the plan is issued: changes are amendments and need amendmentReason",
                    List.of(new FieldError("amendmentReason", "required for an issued plan")));
        }
    }

    private Task find(UUID id) {
        return tasks.findByIdOptional(id).orElseThrow(() -> new NotFoundException("task", id));
    }

    private static List<AgencyRefValue> values(List<AgencyRefDto> refs) {
        return refs == null
                ? new ArrayList<>()
                : new ArrayList<>(refs.stream()
                        .map(r -> AgencyRefValue.of(r.agencyId(), r.groupId()))
                        .toList());
    }

    private static List<AgencyRefDto> dtos(List<AgencyRefValue> values) {
        return values.stream().map(v -> new AgencyRefDto(v.agencyId, v.groupId)).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
