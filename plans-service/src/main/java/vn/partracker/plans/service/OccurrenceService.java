package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.events.payload.OccurrenceState;
import vn.partracker.plans.api.OccurrenceResponse;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.ProgressUpdate;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.domain.timeframe.Occurrence;
import vn.partracker.plans.domain.timeframe.Timeframe;
import vn.partracker.plans.domain.timeframe.TimeframeKind;
import vn.partracker.plans.repository.ProgressUpdateRepository;

/**
 * The occurrences of recurring tasks and where each assignment's reports on them stand.
 *
 * <p>Occurrences are derived on read, never stored: from the task's signed wording, read again in the plan's year
 * with {@link Timeframe#parse} (a few microseconds), between the timeframe's own start and end. The grammar bounds a
 * recurrence by the plan's year ({@link Plan#timeframeYear()}) unless the wording names years, so a monthly task
 * has 12 occurrences even in a plan valid for five years; only a timeframe without bounds falls back to the plan's
 * validity ({@code validFrom}/{@code validTo}) and otherwise its calendar year. The wording is
 * the source of truth, so an amended wording or plan validity moves the occurrences without a migration, and there
 * is no table to keep in step with tasks. What is stored is what agencies did: each progress report on a recurring
 * task's assignment names its occurrence ({@code progress_update.occurrence}), and the latest report per occurrence
 * gives the occurrence's status. An occurrence is overdue on a day when its due date is before that day and its
 * latest report is not DONE.
 *
 * <p>Due dates: the day the wording names in each period ("trước ngày 10 hằng tháng" → the 9th of each month), or,
 * without one, the period's last day, which is also the last day of the ND09 data cut-off windows that
 * reporting-service uses for the same period codes (a regime's days of grace after it are a reporting matter).
 */
@ApplicationScoped
public class OccurrenceService {

    private final ProgressUpdateRepository progress;

    public OccurrenceService(ProgressUpdateRepository progress) {
        this.progress = progress;
    }

    /**
     * The occurrences of a task in its plan, in due-date order; empty for every task that is not RECURRING, so
     * callers need not check the kind first.
     */
    public List<Occurrence> of(Task task, Plan plan) {
        if (task == null || plan == null || task.timeframeKind != TimeframeKind.RECURRING) {
            return List.of();
        }
        int year = plan.timeframeYear();
        LocalDate from = plan.validFrom != null ? plan.validFrom : LocalDate.of(year, 1, 1);
        LocalDate to = plan.validTo != null ? plan.validTo : LocalDate.of(year, 12, 31);
        return Timeframe.parse(task.timeframeText, year).occurrences(from, to);
    }

    /**
     * The latest report per occurrence for each assignment, read in one query; assignments without any such report
     * are absent.
     */
    public Map<UUID, Map<String, ProgressUpdate>> latestReports(Collection<UUID> assignmentIds) {
        Map<UUID, Map<String, ProgressUpdate>> latest = new HashMap<>();
        for (ProgressUpdate u : progress.occurrenceReports(assignmentIds)) {
            latest.computeIfAbsent(u.assignmentId, id -> new HashMap<>()).put(u.occurrence, u);
        }
        return latest;
    }

    /** The latest report per occurrence of one assignment. */
    public Map<String, ProgressUpdate> latestReports(UUID assignmentId) {
        return latestReports(List.of(assignmentId)).getOrDefault(assignmentId, Map.of());
    }

    /**
     * The API view of an assignment's occurrences, overdue as of {@code asOf}; none is overdue on a cancelled
     * assignment.
     */
    public static List<OccurrenceResponse> responses(
            List<Occurrence> occurrences, Map<String, ProgressUpdate> latest, LocalDate asOf, boolean cancelled) {
        List<OccurrenceResponse> result = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences) {
            ProgressUpdate last = latest.get(o.code());
            AssignmentStatus status = last == null ? AssignmentStatus.NOT_STARTED : last.status;
            result.add(new OccurrenceResponse(
                    o.code(),
                    o.dueDate(),
                    status,
                    last == null ? null : last.reportedAt,
                    !cancelled && overdue(o, status, asOf)));
        }
        return result;
    }

    /** The event view of an assignment's occurrences. */
    public static List<OccurrenceState> states(List<Occurrence> occurrences, Map<String, ProgressUpdate> latest) {
        List<OccurrenceState> result = new ArrayList<>(occurrences.size());
        for (Occurrence o : occurrences) {
            ProgressUpdate last = latest.get(o.code());
            result.add(new OccurrenceState(
                    o.code(),
                    o.dueDate(),
                    (last == null ? AssignmentStatus.NOT_STARTED : last.status).name(),
                    last == null ? null : last.reportedAt.atOffset(ZoneOffset.UTC)));
        }
        return result;
    }

    /**
     * The occurrence states of every assignment of a plan, for the events that carry the plan's whole state (plan
     * issued, amended, republished, task assigned): one entry per assignment of a recurring task.
     */
    public Map<UUID, List<OccurrenceState>> states(Plan plan, List<Task> tasks, List<Assignment> assignments) {
        Map<UUID, List<Occurrence>> byTask = new LinkedHashMap<>();
        for (Task task : tasks) {
            List<Occurrence> occurrences = of(task, plan);
            if (!occurrences.isEmpty()) {
                byTask.put(task.id, occurrences);
            }
        }
        if (byTask.isEmpty()) {
            return Map.of();
        }
        List<Assignment> recurring =
                assignments.stream().filter(a -> byTask.containsKey(a.taskId)).toList();
        Map<UUID, Map<String, ProgressUpdate>> latest =
                latestReports(recurring.stream().map(a -> a.id).toList());
        Map<UUID, List<OccurrenceState>> result = new HashMap<>();
        for (Assignment a : recurring) {
            result.put(a.id, states(byTask.get(a.taskId), latest.getOrDefault(a.id, Map.of())));
        }
        return result;
    }

    /**
     * Whether the first deadline a recurring wording also names ("Lần đầu trước ngày 30/6/2025; sau đó hằng năm")
     * passed before {@code asOf} with no occurrence reported DONE: the first occurrence done meets it.
     */
    public static boolean firstDeadlineOverdue(
            LocalDate firstDeadline, Map<String, ProgressUpdate> latest, LocalDate asOf) {
        return firstDeadline != null
                && firstDeadline.isBefore(asOf)
                && latest.values().stream().noneMatch(u -> u.status == AssignmentStatus.DONE);
    }

    /** Whether an occurrence with the given status is overdue on {@code asOf}. */
    public static boolean overdue(Occurrence occurrence, AssignmentStatus status, LocalDate asOf) {
        return occurrence.dueDate().isBefore(asOf) && status != AssignmentStatus.DONE;
    }
}
