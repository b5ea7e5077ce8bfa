package vn.partracker.plans.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.plans.api.AssignmentResponse;
import vn.partracker.plans.api.ProgressRequest;
import vn.partracker.plans.api.ProgressResponse;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.domain.ProgressUpdate;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.messaging.PlanEvents;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.repository.AssignmentRepository;
import vn.partracker.plans.repository.PlanRepository;
import vn.partracker.plans.repository.ProgressUpdateRepository;
import vn.partracker.plans.repository.TaskRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.security.Caller;

/**
 * Assignments and the progress agencies report on them. Progress is appended, never overwritten; the assignment
 * keeps the latest percent and status for queries. Overdue is computed for the date asked about, so the same data
 * answers "what was overdue at the end of Q1" and "what is overdue today". Only the assignment's agency reports on
 * it (or, with a subtree token, an agency above it in today's hierarchy), and the reporter is the token's subject.
 */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final ProgressUpdateRepository progress;
    private final TaskRepository tasks;
    private final PlanRepository plans;
    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final PlanEvents events;
    private final Caller caller;
    private final AuditTrail auditTrail;

    public AssignmentService(
            AssignmentRepository assignments,
            ProgressUpdateRepository progress,
            TaskRepository tasks,
            PlanRepository plans,
            AgencyRepository agencies,
            AgencyService agencyService,
            PlanEvents events,
            Caller caller,
            AuditTrail auditTrail) {
        this.assignments = assignments;
        this.progress = progress;
        this.tasks = tasks;
        this.plans = plans;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.events = events;
        this.caller = caller;
        this.auditTrail = auditTrail;
    }

    /** Assignments matching the filters; with {@code overdueOnly}, those overdue on {@code asOf}. */
    public Page<AssignmentResponse> list(
            UUID agencyId,
            UUID planId,
            AssignmentStatus status,
            boolean overdueOnly,
            LocalDate asOf,
            PageRequest page) {
        var query = assignments.search(agencyId, planId, status, overdueOnly ? asOf : null);
        List<Assignment> rows = query.page(page.page(), page.size()).list();
        Map<UUID, Task> taskById = new HashMap<>();
        List<UUID> taskIds = rows.stream().map(a -> a.taskId).distinct().toList();
        (taskIds.isEmpty() ? List.<Task>of() : tasks.list("id in ?1", taskIds)).forEach(t -> taskById.put(t.id, t));
        Map<UUID, Agency> agencyById = new HashMap<>();
        agencies.withIds(rows.stream().map(a -> a.agencyId).distinct().toList()).forEach(a -> agencyById.put(a.id, a));
        List<AssignmentResponse> items = rows.stream()
                .map(a -> response(a, taskById.get(a.taskId), agencyById.get(a.agencyId), asOf))
                .toList();
        return Page.of(page, items, query.count());
    }

    /** One assignment, overdue as of {@code asOf}. */
    public AssignmentResponse get(UUID id, LocalDate asOf) {
        Assignment a = find(id);
        return response(a, tasks.findById(a.taskId), agencies.findById(a.agencyId), asOf);
    }

    /**
     * Appends a progress report. Without a status, a report above 0 % starts a NOT_STARTED assignment; DONE needs
     * 100 %. A cancelled assignment, or one of a plan that is no longer issued, takes no reports. Publishes
     * {@code partracker.task.progress-reported} and, when the status changes, {@code partracker.task.status-changed}.
     * The caller must act for the assignment's agency (403 otherwise, nothing written): its own agency, or with
     * {@code agencyScope: subtree} an agency whose ancestors today include the caller's. The reporter recorded (and
     * published) is the token's subject.
     */
    @Transactional
    public ProgressResponse report(UUID id, ProgressRequest request) {
        Assignment assignment = find(id);
        requireReporterFor(assignment, LocalDate.now());
        Plan plan = plans.findById(assignment.planId);
        if (plan.status != PlanStatus.ISSUED) {
            throw new ConflictException("the plan is " + plan.status + "; progress is reported on issued plans only");
        }
        if (assignment.status == AssignmentStatus.CANCELLED) {
            throw new ConflictException("the assignment was cancelled; it takes no more progress");
        }
        AssignmentStatus previous = assignment.status;
        AssignmentStatus next = request.status();
        if (next == null) {
            next = previous == AssignmentStatus.NOT_STARTED && request.percent().signum() > 0
                    ? AssignmentStatus.IN_PROGRESS
                    : previous;
        }
        if (next == AssignmentStatus.DONE && request.percent().compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new ValidationException("status", "DONE needs percent 100");
        }
        ProgressUpdate update = new ProgressUpdate();
        update.id = UUID.randomUUID();
        update.assignmentId = id;
        update.percent = request.percent();
        update.note = request.note();
        update.evidence = request.evidence() == null ? new ArrayList<>() : new ArrayList<>(request.evidence());
        update.status = next;
        update.previousStatus = previous;
        update.reportedAt = Instant.now();
        update.reportedBy = caller.subject();
        progress.persist(update);
        assignment.percent = request.percent();
        assignment.status = next;
        assignment.lastReportedAt = update.reportedAt;
        assignments.flush();
        events.progressReported(assignment, update);
        if (next != previous) {
            events.statusChanged(assignment, previous);
        }
        Log.debugf("assignment %s: %s%% %s by %s", id, request.percent(), next, update.reportedBy);
        ProgressResponse reported = response(update);
        auditTrail.record("progress.reported", "ProgressUpdate", update.id, null, reported);
        return reported;
    }

    /**
     * Refuses (403) a caller who may not report for the assignment's agency: the agency's ancestors are those of
     * {@code on}, the day the report is made.
     */
    private void requireReporterFor(Assignment assignment, LocalDate on) {
        Agency agency = agencies.findById(assignment.agencyId);
        String code = agency == null ? String.valueOf(assignment.agencyId) : agency.code;
        caller.requireActingFor(code, () -> agencyService.ancestorCodes(assignment.agencyId, on));
    }

    /** Every report on an assignment, oldest first. */
    public List<ProgressResponse> history(UUID id) {
        find(id);
        return progress.ofAssignment(id).stream()
                .map(AssignmentService::response)
                .toList();
    }

    private Assignment find(UUID id) {
        return assignments.findByIdOptional(id).orElseThrow(() -> new NotFoundException("assignment", id));
    }

    private static AssignmentResponse response(Assignment a, Task task, Agency agency, LocalDate asOf) {
        return new AssignmentResponse(
                a.id,
                a.planId,
                a.taskId,
                task == null ? null : task.sectionCode,
                task == null ? null : task.ordinal,
                task == null ? null : task.title,
                a.agencyId,
                agency == null ? null : agency.name,
                a.status,
                a.percent,
                a.dueDate,
                a.overdueOn(asOf),
                a.lastReportedAt,
                a.version);
    }

    private static ProgressResponse response(ProgressUpdate u) {
        return new ProgressResponse(
                u.id,
                u.assignmentId,
                u.percent,
                u.note,
                List.copyOf(u.evidence),
                u.status,
                u.previousStatus,
                u.reportedAt,
                u.reportedBy);
    }
}
