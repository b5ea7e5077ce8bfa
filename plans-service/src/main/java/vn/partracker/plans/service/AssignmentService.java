package vn.partracker.plans.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.payload.OccurrenceState;
import vn.partracker.plans.api.AssignmentResponse;
import vn.partracker.plans.api.OccurrenceResponse;
import vn.partracker.plans.api.ProgressRequest;
import vn.partracker.plans.api.ProgressResponse;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.domain.ProgressUpdate;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.domain.timeframe.Occurrence;
import vn.partracker.plans.domain.timeframe.TimeframeKind;
import vn.partracker.plans.messaging.PlanEvents;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.repository.AssignmentRepository;
import vn.partracker.plans.repository.PlanRepository;
import vn.partracker.plans.repository.ProgressUpdateRepository;
import vn.partracker.plans.repository.TaskRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
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
    private final OccurrenceService occurrences;

    public AssignmentService(
            AssignmentRepository assignments,
            ProgressUpdateRepository progress,
            TaskRepository tasks,
            PlanRepository plans,
            AgencyRepository agencies,
            AgencyService agencyService,
            PlanEvents events,
            Caller caller,
            AuditTrail auditTrail,
            OccurrenceService occurrences) {
        this.assignments = assignments;
        this.progress = progress;
        this.tasks = tasks;
        this.plans = plans;
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.events = events;
        this.caller = caller;
        this.auditTrail = auditTrail;
        this.occurrences = occurrences;
    }

    /**
     * Assignments matching the filters; with {@code overdueOnly}, those overdue on {@code asOf}: a one-off task's
     * assignment past its due date and neither DONE nor CANCELLED, or a recurring task's assignment (not CANCELLED)
     * with an occurrence past its due date whose latest report is not DONE.
     */
    public Page<AssignmentResponse> list(
            UUID agencyId,
            UUID planId,
            AssignmentStatus status,
            boolean overdueOnly,
            LocalDate asOf,
            PageRequest page) {
        PanacheQuery<Assignment> query;
        if (overdueOnly) {
            RecurringOverdue recurring = recurringOverdue(agencyId, planId, asOf);
            query = assignments.searchOverdue(
                    agencyId, planId, status, asOf, recurring.scheduledTasks(), recurring.overdue());
        } else {
            query = assignments.search(agencyId, planId, status, null);
        }
        List<Assignment> rows = query.page(page.page(), page.size()).list();
        Map<UUID, Task> taskById = new HashMap<>();
        List<UUID> taskIds = rows.stream().map(a -> a.taskId).distinct().toList();
        (taskIds.isEmpty() ? List.<Task>of() : tasks.list("id in ?1", taskIds)).forEach(t -> taskById.put(t.id, t));
        Map<UUID, Agency> agencyById = new HashMap<>();
        agencies.withIds(rows.stream().map(a -> a.agencyId).distinct().toList()).forEach(a -> agencyById.put(a.id, a));
        Map<UUID, List<Occurrence>> occurrencesByTask = new HashMap<>();
        Map<UUID, Plan> planById = new HashMap<>();
        for (Task task : taskById.values()) {
            if (task.timeframeKind == TimeframeKind.RECURRING) {
                Plan plan = planById.computeIfAbsent(task.planId, plans::findById);
                occurrencesByTask.put(task.id, occurrences.of(task, plan));
            }
        }
        Map<UUID, Map<String, ProgressUpdate>> latest = occurrences.latestReports(rows.stream()
                .filter(a -> occurrencesByTask.containsKey(a.taskId))
                .map(a -> a.id)
                .toList());
        List<AssignmentResponse> items = rows.stream()
                .map(a -> response(
                        a,
                        taskById.get(a.taskId),
                        agencyById.get(a.agencyId),
                        asOf,
                        occurrencesByTask.getOrDefault(a.taskId, List.of()),
                        latest.getOrDefault(a.id, Map.of())))
                .toList();
        return Page.of(page, items, query.count());
    }

    /**
     * The recurring tasks (with at least one occurrence) among those asked about, and those of their assignments
     * (optionally of one agency or plan) that are overdue on {@code asOf}: an occurrence due before it whose latest
     * report is not DONE, or a first deadline the wording names that passed before any occurrence was DONE.
     *
     * @param scheduledTasks the recurring tasks whose assignments are judged here, not by their due date alone
     * @param overdue the overdue assignments among them
     */
    private record RecurringOverdue(Set<UUID> scheduledTasks, Set<UUID> overdue) {}

    /**
     * Computed here rather than in SQL because occurrences are derived from the wording (see {@link
     * OccurrenceService}); a plan has tens of recurring tasks, not thousands.
     */
    private RecurringOverdue recurringOverdue(UUID agencyId, UUID planId, LocalDate asOf) {
        List<Task> recurring = planId == null
                ? tasks.list("timeframeKind = ?1", TimeframeKind.RECURRING)
                : tasks.list("timeframeKind = ?1 and planId = ?2", TimeframeKind.RECURRING, planId);
        Map<UUID, Plan> planById = new HashMap<>();
        Set<UUID> scheduled = new HashSet<>();
        Map<UUID, List<Occurrence>> pastDue = new HashMap<>();
        for (Task task : recurring) {
            Plan plan = planById.computeIfAbsent(task.planId, plans::findById);
            List<Occurrence> schedule = occurrences.of(task, plan);
            if (schedule.isEmpty()) {
                continue;
            }
            scheduled.add(task.id);
            List<Occurrence> due =
                    schedule.stream().filter(o -> o.dueDate().isBefore(asOf)).toList();
            if (!due.isEmpty() || task.dueDate != null && task.dueDate.isBefore(asOf)) {
                pastDue.put(task.id, due);
            }
        }
        if (pastDue.isEmpty()) {
            return new RecurringOverdue(scheduled, Set.of());
        }
        List<Assignment> candidates = assignments.openOfTasks(pastDue.keySet(), agencyId);
        Map<UUID, Map<String, ProgressUpdate>> latest =
                occurrences.latestReports(candidates.stream().map(a -> a.id).toList());
        Set<UUID> overdue = new HashSet<>();
        for (Assignment a : candidates) {
            Map<String, ProgressUpdate> reports = latest.getOrDefault(a.id, Map.of());
            if (OccurrenceService.firstDeadlineOverdue(a.dueDate, reports, asOf)) {
                overdue.add(a.id);
                continue;
            }
            for (Occurrence o : pastDue.get(a.taskId)) {
                ProgressUpdate last = reports.get(o.code());
                if (last == null || last.status != AssignmentStatus.DONE) {
                    overdue.add(a.id);
                    break;
                }
            }
        }
        return new RecurringOverdue(scheduled, overdue);
    }

    /** One assignment, overdue as of {@code asOf}, with its occurrences when its task is recurring. */
    public AssignmentResponse get(UUID id, LocalDate asOf) {
        Assignment a = find(id);
        Task task = tasks.findById(a.taskId);
        List<Occurrence> list = occurrences.of(task, plans.findById(a.planId));
        return response(
                a,
                task,
                agencies.findById(a.agencyId),
                asOf,
                list,
                list.isEmpty() ? Map.of() : occurrences.latestReports(a.id));
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
        Task task = tasks.findById(assignment.taskId);
        List<Occurrence> schedule = occurrences.of(task, plan);
        if (schedule.isEmpty()) {
            if (request.occurrence() != null) {
                throw new ValidationException(
                        "occurrence", "the task is not recurring; a report on it names no occurrence");
            }
            return reportOnce(assignment, request);
        }
        return reportOccurrence(assignment, request, schedule);
    }

    private ProgressResponse reportOnce(Assignment assignment, ProgressRequest request) {
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
        ProgressUpdate update = append(assignment, request, next, previous, null);
        assignment.percent = request.percent();
        assignment.status = next;
        assignment.lastReportedAt = update.reportedAt;
        assignments.flush();
        events.progressReported(assignment, update, List.of());
        if (next != previous) {
            events.statusChanged(assignment, previous, List.of());
        }
        return reported(assignment, update);
    }

    /**
     * A report on one occurrence of a recurring task's assignment: the status and percent are the occurrence's.
     * The assignment follows its occurrences: percent is the share of occurrences DONE, status DONE once every
     * occurrence is, IN_PROGRESS once any has been reported on. An occurrence cannot be cancelled on its own (the
     * assignment is cancelled by amending the task's lead agencies).
     */
    private ProgressResponse reportOccurrence(
            Assignment assignment, ProgressRequest request, List<Occurrence> schedule) {
        String code = request.occurrence();
        if (code == null) {
            throw new ValidationException(
                    "occurrence",
                    "required for a recurring task: one of " + codes(schedule) + " (the period the report is about)");
        }
        if (schedule.stream().noneMatch(o -> o.code().equals(code))) {
            throw new ValidationException(
                    "occurrence",
                    "'" + ValidationException.echo(code) + "' is not an occurrence of this assignment; expected one of "
                            + codes(schedule));
        }
        if (request.status() == AssignmentStatus.CANCELLED) {
            throw new ValidationException(
                    "status", "an occurrence cannot be cancelled; report NOT_STARTED, IN_PROGRESS or DONE");
        }
        Map<String, ProgressUpdate> latest = new HashMap<>(occurrences.latestReports(assignment.id));
        ProgressUpdate last = latest.get(code);
        AssignmentStatus previousOfOccurrence = last == null ? AssignmentStatus.NOT_STARTED : last.status;
        AssignmentStatus next = request.status();
        if (next == null) {
            next = previousOfOccurrence == AssignmentStatus.NOT_STARTED
                            && request.percent().signum() > 0
                    ? AssignmentStatus.IN_PROGRESS
                    : previousOfOccurrence;
        }
        if (next == AssignmentStatus.DONE && request.percent().compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new ValidationException("status", "DONE needs percent 100");
        }
        AssignmentStatus previous = assignment.status;
        ProgressUpdate update = append(assignment, request, next, previousOfOccurrence, code);
        latest.put(code, update);
        long done = schedule.stream()
                .filter(o -> latest.containsKey(o.code()) && latest.get(o.code()).status == AssignmentStatus.DONE)
                .count();
        assignment.percent =
                BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(schedule.size()), 2, RoundingMode.HALF_UP);
        assignment.status = done == schedule.size() ? AssignmentStatus.DONE : AssignmentStatus.IN_PROGRESS;
        assignment.lastReportedAt = update.reportedAt;
        assignments.flush();
        List<OccurrenceState> states = OccurrenceService.states(schedule, latest);
        events.progressReported(assignment, update, states);
        if (assignment.status != previous) {
            events.statusChanged(assignment, previous, states);
        }
        return reported(assignment, update);
    }

    private static String codes(List<Occurrence> schedule) {
        if (schedule.size() <= 6) {
            return String.join(", ", schedule.stream().map(Occurrence::code).toList());
        }
        return schedule.get(0).code() + ", " + schedule.get(1).code() + " … "
                + schedule.get(schedule.size() - 1).code() + " (" + schedule.size() + " in all)";
    }

    private ProgressUpdate append(
            Assignment assignment,
            ProgressRequest request,
            AssignmentStatus next,
            AssignmentStatus previous,
            String occurrence) {
        ProgressUpdate update = new ProgressUpdate();
        update.id = TimeOrderedIds.next();
        update.assignmentId = assignment.id;
        update.percent = request.percent();
        update.note = request.note();
        update.evidence = request.evidence() == null ? new ArrayList<>() : new ArrayList<>(request.evidence());
        update.status = next;
        update.previousStatus = previous;
        update.reportedAt = Instant.now();
        update.reportedBy = caller.subject();
        update.occurrence = occurrence;
        progress.persist(update);
        return update;
    }

    private ProgressResponse reported(Assignment assignment, ProgressUpdate update) {
        Log.debugf(
                "assignment %s: %s%% %s by %s (occurrence %s)",
                assignment.id, update.percent, update.status, update.reportedBy, update.occurrence);
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

    private static AssignmentResponse response(
            Assignment a,
            Task task,
            Agency agency,
            LocalDate asOf,
            List<Occurrence> schedule,
            Map<String, ProgressUpdate> latest) {
        List<OccurrenceResponse> occurrenceViews = schedule.isEmpty()
                ? null
                : OccurrenceService.responses(schedule, latest, asOf, a.status == AssignmentStatus.CANCELLED);
        boolean overdue = occurrenceViews == null
                ? a.overdueOn(asOf)
                : a.status != AssignmentStatus.CANCELLED
                        && (OccurrenceService.firstDeadlineOverdue(a.dueDate, latest, asOf)
                                || occurrenceViews.stream().anyMatch(OccurrenceResponse::overdue));
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
                overdue,
                a.lastReportedAt,
                a.version,
                occurrenceViews);
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
                u.reportedBy,
                u.occurrence);
    }
}
