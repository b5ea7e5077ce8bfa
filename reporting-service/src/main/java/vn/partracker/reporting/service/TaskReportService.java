package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.partracker.reporting.api.TaskReport;
import vn.partracker.reporting.api.TaskReport.ChildTasks;
import vn.partracker.reporting.api.TaskReport.OverdueAssignment;
import vn.partracker.reporting.domain.hierarchy.AgencyNode;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.domain.window.Deadline;
import vn.partracker.reporting.repository.PlanReplicaRepository;
import vn.partracker.reporting.repository.PlanReplicaRepository.AssignmentRow;
import vn.partracker.reporting.repository.PlanReplicaRepository.OccurrenceRow;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;

/**
 * Task assignments of a plan over an agency's subtree. Overdue is derived as of a date (due before it and neither
 * DONE nor CANCELLED), never stored, so the same data answers "as of the quarter's cut-off" and "as of today". A
 * recurring task's assignment is overdue per occurrence: each occurrence (a month, quarter, half, year or week,
 * replicated from plans-service with its due date and status) due before the date and not DONE is overdue, so a
 * monthly report that is late is overdue even though the assignment as a whole runs all year.
 */
@ApplicationScoped
public class TaskReportService {

    /** Statuses in the order reports list them. */
    static final List<String> STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED");

    private static final String DONE = "DONE";
    private static final String CANCELLED = "CANCELLED";
    private static final Set<String> CLOSED = Set.of(DONE, CANCELLED);
    private static final int DUE_SOON_DAYS = 30;

    private final ReportingContext context;
    private final PlanReplicaRepository plans;

    public TaskReportService(ReportingContext context, PlanReplicaRepository plans) {
        this.context = context;
        this.plans = plans;
    }

    /** The task report of one plan; {@code asOf} defaults to today in Vietnam. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskReport report(UUID planId, UUID agencyId, LocalDate asOf) {
        List<FieldError> errors = new ArrayList<>();
        if (planId == null) {
            errors.add(new FieldError("planId", "required"));
        }
        if (agencyId == null) {
            errors.add(new FieldError("agencyId", "required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (!plans.exists(planId)) {
            throw new NotFoundException("plan", planId);
        }
        LocalDate date = asOf == null ? LocalDate.now(Deadline.REPORTING_ZONE) : asOf;
        Map<String, Long> position = context.eventPosition();
        Hierarchy hierarchy = context.hierarchyOn(date);
        context.requireAgency(hierarchy, agencyId);
        return report(List.of(planId), planId, hierarchy, agencyId, date, position);
    }

    /** The report over several plans (a regime's), with a given hierarchy and event position. */
    TaskReport report(
            Collection<UUID> planIds,
            UUID planId,
            Hierarchy hierarchy,
            UUID root,
            LocalDate asOf,
            Map<String, Long> position) {
        Map<UUID, UUID> branches = hierarchy.subtreeBranches(root);
        List<AssignmentRow> rows = planIds.isEmpty() ? List.of() : plans.assignments(planIds, branches.keySet());
        Counts total = new Counts();
        Map<UUID, Counts> perChild = new LinkedHashMap<>();
        List<AgencyNode> children = hierarchy.children(root);
        children.forEach(c -> perChild.put(c.id(), new Counts()));
        List<OverdueAssignment> overdue = new ArrayList<>();
        for (AssignmentRow row : rows) {
            total.add(row, asOf);
            Counts child = perChild.get(branches.get(row.agencyId()));
            if (child != null) {
                child.add(row, asOf);
            }
            if (isOverdue(row, asOf)) {
                List<OccurrenceRow> late = overdueOccurrences(row, asOf);
                LocalDate due = late.isEmpty() ? row.dueDate() : late.get(0).dueDate();
                overdue.add(new OverdueAssignment(
                        row.id(),
                        row.taskId(),
                        row.taskOrdinal(),
                        row.taskTitle(),
                        row.agencyId(),
                        hierarchy.agency(row.agencyId()).map(AgencyNode::name).orElse(null),
                        row.status(),
                        row.percent(),
                        due,
                        ChronoUnit.DAYS.between(due, asOf),
                        late.isEmpty()
                                ? null
                                : late.stream().map(OccurrenceRow::occurrence).toList()));
            }
        }
        overdue.sort(Comparator.comparing(OverdueAssignment::dueDate)
                .thenComparing(OverdueAssignment::taskOrdinal, Comparator.nullsLast(Comparator.naturalOrder())));
        List<ChildTasks> childRows = new ArrayList<>();
        for (AgencyNode child : children) {
            Counts c = perChild.get(child.id());
            childRows.add(new ChildTasks(
                    child.id(), child.name(), c.total, c.byStatus(), c.overdue, c.dueSoon, c.overdueOccurrences));
        }
        return new TaskReport(
                planId,
                root,
                asOf,
                Instant.now(),
                position,
                total.total,
                total.byStatus(),
                total.overdue,
                total.dueSoon,
                childRows,
                overdue,
                total.overdueOccurrences);
    }

    /**
     * Whether the assignment is overdue on {@code asOf}: a one-off task's when its due date is before it and it is
     * neither DONE nor CANCELLED; a recurring task's (it has occurrences) when it is not CANCELLED and one of its
     * occurrences is overdue.
     */
    private static boolean isOverdue(AssignmentRow row, LocalDate asOf) {
        if (row.occurrences().isEmpty()) {
            return row.dueDate() != null && row.dueDate().isBefore(asOf) && !CLOSED.contains(row.status());
        }
        if (CANCELLED.equals(row.status())) {
            return false;
        }
        return !overdueOccurrences(row, asOf).isEmpty() || firstDeadlineOverdue(row, asOf);
    }

    /**
     * Whether the first deadline a recurring wording also names ("Lần đầu trước ngày 30/6/2025; sau đó hằng năm")
     * passed with no occurrence DONE yet: the first occurrence done meets it, as in plans-service.
     */
    private static boolean firstDeadlineOverdue(AssignmentRow row, LocalDate asOf) {
        return row.dueDate() != null
                && row.dueDate().isBefore(asOf)
                && row.occurrences().stream().noneMatch(o -> DONE.equals(o.status()));
    }

    /** The occurrences due before {@code asOf} that are not DONE, earliest first; none on a cancelled assignment. */
    private static List<OccurrenceRow> overdueOccurrences(AssignmentRow row, LocalDate asOf) {
        if (CANCELLED.equals(row.status())) {
            return List.of();
        }
        return row.occurrences().stream()
                .filter(o -> o.dueDate().isBefore(asOf) && !DONE.equals(o.status()))
                .toList();
    }

    private static boolean isDueSoon(AssignmentRow row, LocalDate asOf) {
        if (!row.occurrences().isEmpty() && !CANCELLED.equals(row.status())) {
            return row.occurrences().stream()
                    .anyMatch(o -> !DONE.equals(o.status()) && within30Days(o.dueDate(), asOf));
        }
        return row.dueDate() != null && within30Days(row.dueDate(), asOf) && !CLOSED.contains(row.status());
    }

    private static boolean within30Days(LocalDate due, LocalDate asOf) {
        return !due.isBefore(asOf) && !due.isAfter(asOf.plusDays(DUE_SOON_DAYS));
    }

    /** Running counts of one subtree. */
    private static final class Counts {
        private int total;
        private int overdue;
        private int dueSoon;
        private int overdueOccurrences;
        private final Map<String, Integer> statuses = new TreeMap<>();

        void add(AssignmentRow row, LocalDate asOf) {
            total++;
            statuses.merge(row.status(), 1, Integer::sum);
            if (isOverdue(row, asOf)) {
                overdue++;
            }
            if (isDueSoon(row, asOf)) {
                dueSoon++;
            }
            overdueOccurrences += overdueOccurrences(row, asOf).size();
        }

        Map<String, Integer> byStatus() {
            Map<String, Integer> result = new LinkedHashMap<>();
            STATUSES.forEach(s -> result.put(s, statuses.getOrDefault(s, 0)));
            statuses.forEach(result::putIfAbsent);
            return result;
        }
    }
}
