package vn.partracker.plans.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.partracker.plans.api.AmendmentResponse;
import vn.partracker.plans.api.LegalBasisDto;
import vn.partracker.plans.api.PlanPatchRequest;
import vn.partracker.plans.api.PlanRequest;
import vn.partracker.plans.api.PlanResponse;
import vn.partracker.plans.api.SectionDto;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.LegalBasis;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.domain.Section;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.messaging.PlanEvents;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.repository.AssignmentRepository;
import vn.partracker.plans.repository.PlanAmendmentRepository;
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
import vn.partracker.support.text.VietnameseText;

/**
 * Plans through their life cycle: drafted, issued (lead groups expanded into one assignment per concrete agency on
 * the issue date, {@code partracker.plan.issued}), amended only with a recorded reason ({@code plan.amended}), and
 * closed. Drafts are not published: other services learn of a plan when it is issued. Every change is recorded in
 * the audit trail with the plan before and after.
 */
@ApplicationScoped
public class PlanService {

    /**
     * Transaction time-out of the writes that create or publish every assignment of a plan: issuing 3,000 agencies ×
     * 29 tasks (87,000 assignments, 146 events) took 51 s on a busy 2-core machine, near the default 60 s.
     */
    static final int BIG_PLAN_TIMEOUT_SECONDS = 600;

    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final AssignmentRepository assignments;
    private final AgencyRepository agencies;
    private final AgencyGroupService groups;
    private final TaskService taskService;
    private final PlanEvents events;
    private final AmendmentRecorder amendments;
    private final PlanAmendmentRepository amendmentRepository;
    private final AuditTrail auditTrail;
    private final OccurrenceService occurrences;

    public PlanService(
            PlanRepository plans,
            TaskRepository tasks,
            AssignmentRepository assignments,
            AgencyRepository agencies,
            AgencyGroupService groups,
            TaskService taskService,
            PlanEvents events,
            AmendmentRecorder amendments,
            PlanAmendmentRepository amendmentRepository,
            AuditTrail auditTrail,
            OccurrenceService occurrences) {
        this.plans = plans;
        this.tasks = tasks;
        this.assignments = assignments;
        this.agencies = agencies;
        this.groups = groups;
        this.taskService = taskService;
        this.events = events;
        this.amendments = amendments;
        this.amendmentRepository = amendmentRepository;
        this.auditTrail = auditTrail;
        this.occurrences = occurrences;
    }

    /** Creates a draft plan. The number is unique per issuer. */
    @Transactional
    public PlanResponse create(PlanRequest request) {
        List<FieldError> errors = new ArrayList<>();
        validate(
                request.issuerId(),
                request.year(),
                request.validFrom(),
                request.validTo(),
                request.sections(),
                request.parentPlanId(),
                null,
                errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (plans.numberTaken(request.number().strip(), request.issuerId(), null)) {
            throw new ConflictException(
                    "the issuer already has a plan numbered " + request.number(),
                    List.of(new FieldError("number", "already used by this issuer")));
        }
        Plan plan = new Plan();
        plan.id = TimeOrderedIds.next();
        plan.status = PlanStatus.DRAFT;
        plan.createdAt = Instant.now();
        plan.number = request.number().strip();
        plan.title = request.title().strip();
        plan.issuerId = request.issuerId();
        plan.issuedOn = request.issuedOn();
        plan.year = request.year();
        plan.validFrom = request.validFrom();
        plan.validTo = request.validTo();
        plan.legalBases = legalBases(request.legalBases());
        plan.objectives = request.objectives();
        plan.requirements = request.requirements();
        plan.sections = sections(request.sections());
        plan.parentPlanId = request.parentPlanId();
        plan.updatedAt = plan.createdAt;
        fold(plan);
        plans.persist(plan);
        plans.flush();
        Log.debugf("plan %s (%s) created as draft", plan.id, plan.number);
        PlanResponse created = response(plan);
        auditTrail.record("plan.created", "Plan", plan.id, null, created);
        return created;
    }

    /** One plan. */
    public PlanResponse get(UUID id) {
        return response(find(id));
    }

    /** Plans matching the filters; {@code q} searches number and title without accents. */
    public Page<PlanResponse> list(Integer year, PlanStatus status, String q, PageRequest page) {
        String folded = q == null || q.isBlank() ? null : VietnameseText.fold(q);
        var query = plans.search(year, status, folded);
        List<Plan> rows = query.page(page.page(), page.size()).list();
        Map<UUID, Long> taskCounts =
                tasks.countsOfPlans(rows.stream().map(p -> p.id).toList());
        List<PlanResponse> items = rows.stream()
                .map(p -> response(p, taskCounts.getOrDefault(p.id, 0L)))
                .toList();
        return Page.of(page, items, query.count());
    }

    /**
     * Issues a draft: every task's lead agencies and groups are expanded on the issue date into one assignment per
     * concrete agency, and {@code partracker.plan.issued} carries the whole plan. A plan without tasks, or with a
     * task whose leads expand to nobody that day, is refused and nothing changes.
     */
    @Transactional
    @TransactionConfiguration(timeout = BIG_PLAN_TIMEOUT_SECONDS)
    public PlanResponse issue(UUID id, String ifMatch, LocalDate issueOn) {
        Plan plan = find(id);
        ETags.requireMatch(ifMatch, plan.version);
        PlanResponse before = response(plan);
        PlanResponse issued = issueWithoutAudit(id, ifMatch, issueOn);
        auditTrail.record("plan.issued", "Plan", id, before, issued);
        return issued;
    }

    /** {@link #issue} for a caller that records the whole write in the audit trail itself (the plan import). */
    @Transactional(Transactional.TxType.MANDATORY)
    PlanResponse issueWithoutAudit(UUID id, String ifMatch, LocalDate issueOn) {
        Plan plan = find(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, plan.version);
        }
        if (plan.status != PlanStatus.DRAFT) {
            throw new ConflictException("only a DRAFT plan can be issued; this one is " + plan.status);
        }
        List<Task> planTasks = tasks.ofPlan(id);
        if (planTasks.isEmpty()) {
            throw new ConflictException(
                    "a plan without tasks cannot be issued; add its tasks first",
                    List.of(new FieldError("tasks", "none")));
        }
        LocalDate on = issueOn != null ? issueOn : plan.issuedOn != null ? plan.issuedOn : LocalDate.now();
        var expansion = groups.expansionOn(on);
        List<FieldError> errors = new ArrayList<>();
        Map<Task, Set<UUID>> leads = new LinkedHashMap<>();
        for (Task task : planTasks) {
            String field = "tasks[" + (task.ordinal == null ? task.id : label(task)) + "].leadAgencies";
            leads.put(task, taskService.expand(task, expansion, on, field, errors));
        }
        if (!errors.isEmpty()) {
            throw new ConflictException("the lead agencies cannot be assigned on " + on, errors);
        }
        int count = 0;
        for (Map.Entry<Task, Set<UUID>> entry : leads.entrySet()) {
            List<Assignment> created = taskService.createAssignments(entry.getKey(), entry.getValue());
            count += created.size();
        }
        plan.status = PlanStatus.ISSUED;
        plan.issuedOn = on;
        plan.updatedAt = Instant.now();
        plans.flush();
        List<Task> issuedTasks = tasks.ofPlan(id);
        List<Assignment> issuedAssignments = assignments.ofPlan(id);
        events.issued(plan, issuedTasks, issuedAssignments, occurrences.states(plan, issuedTasks, issuedAssignments));
        Log.infof("plan %s issued on %s: %d tasks, %d assignments", id, on, planTasks.size(), count);
        return response(plan);
    }

    /** Closes an issued plan: no more tasks or progress; recorded as an amendment and published as one. */
    @Transactional
    @TransactionConfiguration(timeout = BIG_PLAN_TIMEOUT_SECONDS)
    public PlanResponse close(UUID id, String ifMatch, String closeReason) {
        Plan plan = find(id);
        ETags.requireMatch(ifMatch, plan.version);
        if (plan.status != PlanStatus.ISSUED) {
            throw new ConflictException("only an ISSUED plan can be closed; this one is " + plan.status);
        }
        String reason = closeReason != null && !closeReason.isBlank() ? closeReason.strip() : "Kết thúc kế hoạch";
        PlanResponse open = response(plan);
        long before = plan.version;
        plan.status = PlanStatus.CLOSED;
        plan.updatedAt = Instant.now();
        plans.flush();
        amendments.record(
                plan, before, reason, List.of("status"), Map.of("status", "ISSUED"), Map.of("status", "CLOSED"));
        publishAmended(plan, reason);
        Log.infof("plan %s closed", id);
        PlanResponse closed = response(plan);
        auditTrail.record("plan.closed", "Plan", id, open, closed);
        return closed;
    }

    /**
     * Changes the fields present in {@code request} when {@code ifMatch} names the current version. A draft changes
     * freely; an issued plan only with {@code amendmentReason} (else 409), and the amendment is recorded with the
     * values before and after and published as {@code partracker.plan.amended}.
     */
    @Transactional
    public PlanResponse patch(UUID id, String ifMatch, PlanPatchRequest request) {
        Plan plan = find(id);
        ETags.requireMatch(ifMatch, plan.version);
        if (plan.status == PlanStatus.CLOSED || plan.status == PlanStatus.SUPERSEDED) {
            throw new ConflictException("a " + plan.status + " plan cannot change");
        }
        boolean issued = plan.status == PlanStatus.ISSUED;
        if (issued
                && (request.amendmentReason() == null
                        || request.amendmentReason().isBlank())) {
            throw new ConflictException(
                    "the plan is issued: changes are amendments and need amendmentReason",
                    List.of(new FieldError("amendmentReason", "required for an issued plan")));
        }
        List<FieldError> errors = new ArrayList<>();
        validate(
                request.issuerId() != null ? request.issuerId() : plan.issuerId,
                request.year() != null ? request.year() : plan.year,
                request.validFrom() != null ? request.validFrom() : plan.validFrom,
                request.validTo() != null ? request.validTo() : plan.validTo,
                request.sections(),
                request.parentPlanId(),
                plan.id,
                errors);
        if (request.sections() != null) {
            Set<String> codes = new HashSet<>();
            request.sections().forEach(s -> codes.add(s.code()));
            tasks.ofPlan(id).stream()
                    .map(t -> t.sectionCode)
                    .filter(Objects::nonNull)
                    .filter(code -> !codes.contains(code))
                    .distinct()
                    .forEach(code -> errors.add(new FieldError("sections", "tasks still use section '" + code + "'")));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String number = request.number() != null ? request.number().strip() : plan.number;
        UUID issuer = request.issuerId() != null ? request.issuerId() : plan.issuerId;
        if (plans.numberTaken(number, issuer, plan.id)) {
            throw new ConflictException(
                    "the issuer already has a plan numbered " + number,
                    List.of(new FieldError("number", "already used by this issuer")));
        }
        PlanResponse before = response(plan);
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        change("number", plan.number, number, was, now, v -> plan.number = v);
        change("title", plan.title, strip(request.title()), was, now, v -> plan.title = v);
        change("issuerId", plan.issuerId, request.issuerId(), was, now, v -> plan.issuerId = v);
        change("issuedOn", plan.issuedOn, request.issuedOn(), was, now, v -> plan.issuedOn = v);
        change("year", plan.year, request.year(), was, now, v -> plan.year = v);
        change("validFrom", plan.validFrom, request.validFrom(), was, now, v -> plan.validFrom = v);
        change("validTo", plan.validTo, request.validTo(), was, now, v -> plan.validTo = v);
        change(
                "legalBases",
                plan.legalBases,
                request.legalBases() == null ? null : legalBases(request.legalBases()),
                was,
                now,
                v -> plan.legalBases = v);
        change("objectives", plan.objectives, request.objectives(), was, now, v -> plan.objectives = v);
        change("requirements", plan.requirements, request.requirements(), was, now, v -> plan.requirements = v);
        change(
                "sections",
                plan.sections,
                request.sections() == null ? null : sections(request.sections()),
                was,
                now,
                v -> plan.sections = v);
        change("parentPlanId", plan.parentPlanId, request.parentPlanId(), was, now, v -> plan.parentPlanId = v);
        if (now.isEmpty()) {
            return before;
        }
        fold(plan);
        long versionBefore = plan.version;
        plan.updatedAt = Instant.now();
        plans.flush();
        if (issued) {
            amendments.record(plan, versionBefore, request.amendmentReason(), List.copyOf(now.keySet()), was, now);
            publishAmended(plan, request.amendmentReason());
            Log.infof("plan %s amended: %s", id, now.keySet());
        }
        PlanResponse patched = response(plan);
        auditTrail.record(issued ? "plan.amended" : "plan.patched", "Plan", id, before, patched);
        return patched;
    }

    /** The recorded amendments of a plan, oldest first. */
    public List<AmendmentResponse> amendments(UUID id) {
        find(id);
        return amendmentRepository.ofPlan(id).stream()
                .map(a -> new AmendmentResponse(
                        a.id,
                        a.planId,
                        a.versionBefore,
                        a.versionAfter,
                        a.reason,
                        List.copyOf(a.changedFields),
                        a.before,
                        a.after,
                        a.amendedAt,
                        a.amendedBy))
                .toList();
    }

    /** Checks the references and ranges shared by create, patch and import. */
    void validate(
            UUID issuerId,
            Integer year,
            LocalDate validFrom,
            LocalDate validTo,
            List<SectionDto> sections,
            UUID parentPlanId,
            UUID self,
            List<FieldError> errors) {
        if (issuerId != null && agencies.findByIdOptional(issuerId).isEmpty()) {
            errors.add(new FieldError("issuerId", "no agency " + issuerId));
        }
        if (year == null && validFrom == null) {
            errors.add(new FieldError("year", "give the plan's year or its validFrom"));
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            errors.add(new FieldError("validTo", "must not be before validFrom"));
        }
        if (sections != null) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < sections.size(); i++) {
                if (!codes.add(sections.get(i).code())) {
                    errors.add(new FieldError("sections[" + i + "].code", "duplicate section code"));
                }
            }
        }
        if (parentPlanId != null
                && (parentPlanId.equals(self)
                        || plans.findByIdOptional(parentPlanId).isEmpty())) {
            errors.add(new FieldError("parentPlanId", "no other plan " + parentPlanId));
        }
    }

    PlanResponse response(Plan plan) {
        return response(plan, tasks.countOfPlan(plan.id));
    }

    /** The API view of a plan whose task count is already known (a page of plans counts them in one query). */
    static PlanResponse response(Plan plan, long taskCount) {
        return new PlanResponse(
                plan.id,
                plan.number,
                plan.title,
                plan.issuerId,
                plan.issuedOn,
                plan.year,
                plan.validFrom,
                plan.validTo,
                plan.legalBases.stream()
                        .map(l -> new LegalBasisDto(l.number(), l.issuedOn(), l.issuer(), l.title()))
                        .toList(),
                plan.objectives,
                plan.requirements,
                plan.sections.stream()
                        .map(s -> new SectionDto(s.code(), s.title()))
                        .toList(),
                plan.parentPlanId,
                plan.status,
                taskCount,
                plan.version);
    }

    static List<LegalBasis> legalBases(List<LegalBasisDto> dtos) {
        return dtos == null
                ? new ArrayList<>()
                : new ArrayList<>(dtos.stream()
                        .map(d -> new LegalBasis(d.number().strip(), d.issuedOn(), d.issuer(), d.title()))
                        .toList());
    }

    static List<Section> sections(List<SectionDto> dtos) {
        return dtos == null
                ? new ArrayList<>()
                : new ArrayList<>(dtos.stream()
                        .map(d -> new Section(d.code().strip(), d.title().strip()))
                        .toList());
    }

    static void fold(Plan plan) {
        plan.searchFolded = VietnameseText.fold(plan.number + " " + plan.title);
    }

    private void publishAmended(Plan plan, String reason) {
        List<Task> planTasks = tasks.ofPlan(plan.id);
        List<Assignment> planAssignments = assignments.ofPlan(plan.id);
        events.amended(plan, planTasks, planAssignments, reason, occurrences.states(plan, planTasks, planAssignments));
    }

    private Plan find(UUID id) {
        return plans.findByIdOptional(id).orElseThrow(() -> new NotFoundException("plan", id));
    }

    private static String label(Task task) {
        return task.sectionCode == null ? task.ordinal : task.sectionCode + "." + task.ordinal;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static <T> void change(
            String field,
            T current,
            T requested,
            Map<String, Object> was,
            Map<String, Object> now,
            java.util.function.Consumer<T> setter) {
        if (requested != null && !requested.equals(current)) {
            was.put(field, current);
            now.put(field, requested);
            setter.accept(requested);
        }
    }
}
