package vn.partracker.plans.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partracker.plans.api.AgencyRefDto;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.plans.api.LegalBasisDto;
import vn.partracker.plans.api.PlanImportDocument;
import vn.partracker.plans.api.PlanImportReport;
import vn.partracker.plans.api.SectionDto;
import vn.partracker.plans.api.TimeframeLeftover;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyGroup;
import vn.partracker.plans.domain.AgencyRefValue;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.domain.timeframe.Timeframe;
import vn.partracker.plans.domain.timeframe.TimeframeKind;
import vn.partracker.plans.repository.AgencyGroupRepository;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.repository.PlanRepository;
import vn.partracker.plans.repository.TaskRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.json.JsonInputLimits;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.text.VietnameseText;

/**
 * Imports a whole plan from one document, as another government system sends it: the plan, its sections and its
 * tasks with agencies by code and groups by code or name, optionally issued at once. Everything is checked first
 * and every problem is reported with its path; one problem rejects the whole document, so a plan is never
 * half-imported. A dry run only reports. An import is one row of the audit trail ({@code plan.imported}, on the new
 * plan), with the report, the plan and the ids of its tasks, including when it issued the plan at once.
 */
@ApplicationScoped
public class PlanImportService {

    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final AgencyRepository agencies;
    private final AgencyGroupRepository groupRepository;
    private final AgencyGroupService groups;
    private final PlanService planService;
    private final ParFieldService fields;
    private final TimeframeService timeframes;
    private final TaskService taskService;
    private final AuditTrail auditTrail;

    public PlanImportService(
            PlanRepository plans,
            TaskRepository tasks,
            AgencyRepository agencies,
            AgencyGroupRepository groupRepository,
            AgencyGroupService groups,
            PlanService planService,
            ParFieldService fields,
            TimeframeService timeframes,
            TaskService taskService,
            AuditTrail auditTrail) {
        this.plans = plans;
        this.tasks = tasks;
        this.agencies = agencies;
        this.groupRepository = groupRepository;
        this.groups = groups;
        this.planService = planService;
        this.fields = fields;
        this.timeframes = timeframes;
        this.taskService = taskService;
        this.auditTrail = auditTrail;
    }

    /** Checks and, unless {@code dryRun}, writes (and with {@code issue: true} issues) the plan. */
    @Transactional
    public PlanImportReport importPlan(PlanImportDocument doc, boolean dryRun) {
        long started = System.nanoTime();
        List<ImportProblem> problems = new ArrayList<>();
        if (doc == null) {
            problems.add(new ImportProblem("$", "", "the plan document is missing"));
            return reject(dryRun, problems, 0, 0, 0, List.of());
        }
        Resolver resolver = new Resolver();
        UUID issuerId = checkPlan(doc, resolver, problems);
        List<SectionDto> sections = doc.sections() == null ? List.of() : doc.sections();
        Set<String> sectionCodes = new HashSet<>();
        sections.stream().filter(s -> s != null && s.code() != null).forEach(s -> sectionCodes.add(s.code()));
        List<PlanImportDocument.Task> docTasks = doc.tasks() == null ? List.of() : doc.tasks();
        int year = doc.year() != null
                ? doc.year()
                : doc.validFrom() != null
                        ? doc.validFrom().getYear()
                        : doc.issuedOn() != null
                                ? doc.issuedOn().getYear()
                                : LocalDate.now().getYear();
        List<ResolvedTask> resolved = new ArrayList<>();
        int structured = 0;
        List<TimeframeLeftover> leftovers = new ArrayList<>();
        for (int i = 0; i < docTasks.size(); i++) {
            ResolvedTask task = checkTask(docTasks.get(i), "tasks[" + i + "]", sectionCodes, resolver, problems);
            if (task != null) {
                resolved.add(task);
                // a year beyond the accepted date range is already a problem of the document; the grammar never
                // sees it (it would build dates of year 2,147,483,647)
                if (year >= JsonInputLimits.EARLIEST.getYear() && year <= JsonInputLimits.LATEST.getYear()) {
                    Timeframe tf = Timeframe.parse(task.src.timeframe().text(), year);
                    if (tf.kind() != TimeframeKind.UNSTRUCTURED) {
                        structured++;
                    }
                    if (tf.kind() == TimeframeKind.UNSTRUCTURED
                            || !tf.leftover().isEmpty()) {
                        leftovers.add(new TimeframeLeftover(
                                "tasks[" + i + "]",
                                taskCode(task.src),
                                tf.originalText(),
                                tf.kind().name(),
                                tf.leftover()));
                    }
                }
            }
        }
        boolean issue = Boolean.TRUE.equals(doc.issue());
        if (issue && docTasks.isEmpty()) {
            problems.add(new ImportProblem("$", "tasks", "a plan without tasks cannot be issued"));
        }
        int assignments = 0;
        if (issue && problems.isEmpty()) {
            assignments = countAssignments(doc, resolved, problems);
        }
        if (!problems.isEmpty()) {
            return reject(dryRun, problems, sections.size(), docTasks.size(), structured, leftovers);
        }
        if (dryRun) {
            return new PlanImportReport(
                    true,
                    true,
                    null,
                    null,
                    sections.size(),
                    docTasks.size(),
                    structured,
                    assignments,
                    List.of(),
                    List.copyOf(leftovers));
        }
        Plan plan = write(doc, issuerId, resolved);
        PlanStatus status = plan.status;
        if (issue) {
            status = planService.issueWithoutAudit(plan.id, null, null).status();
        }
        Log.infof(
                "plan %s (%s) imported: %d tasks, %d structured timeframes, %s, in %d ms",
                plan.id, plan.number, resolved.size(), structured, status, (System.nanoTime() - started) / 1_000_000);
        PlanImportReport report = new PlanImportReport(
                false,
                true,
                plan.id,
                status,
                sections.size(),
                resolved.size(),
                structured,
                assignments,
                List.of(),
                List.copyOf(leftovers));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("report", report);
        summary.put("plan", planService.response(plan));
        summary.put("taskIds", tasks.ofPlan(plan.id).stream().map(t -> t.id).toList());
        auditTrail.record("plan.imported", "Plan", plan.id, null, summary);
        return report;
    }

    /** A length limit of the single-request records (PlanRequest, TaskRequest), as a problem of the document. */
    private static void maxLength(String value, int max, String path, String field, List<ImportProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new ImportProblem(path, field, "at most " + max + " characters"));
        }
    }

    private UUID checkPlan(PlanImportDocument doc, Resolver resolver, List<ImportProblem> problems) {
        maxLength(doc.number(), 100, "$", "number", problems);
        maxLength(doc.title(), 2000, "$", "title", problems);
        maxLength(doc.objectives(), 20000, "$", "objectives", problems);
        maxLength(doc.requirements(), 20000, "$", "requirements", problems);
        if (blank(doc.number())) {
            problems.add(new ImportProblem("$", "number", "required"));
        }
        if (blank(doc.title())) {
            problems.add(new ImportProblem("$", "title", "required"));
        }
        UUID issuerId = doc.issuerId();
        if (issuerId == null && blank(doc.issuer())) {
            problems.add(new ImportProblem("$", "issuer", "required: the issuing agency's code (or issuerId)"));
        } else if (issuerId == null) {
            issuerId = resolver.agency(doc.issuer()).map(a -> a.id).orElse(null);
            if (issuerId == null) {
                problems.add(new ImportProblem("$", "issuer", "no agency with code '" + doc.issuer() + "'"));
            }
        }
        List<FieldError> errors = new ArrayList<>();
        planService.validate(
                doc.issuerId(), doc.year(), doc.validFrom(), doc.validTo(), null, doc.parentPlanId(), null, errors);
        errors.forEach(e -> problems.add(new ImportProblem("$", e.field(), e.message())));
        if (doc.year() != null && (doc.year() < 1990 || doc.year() > 2200)) {
            problems.add(new ImportProblem("$", "year", "must be between 1990 and 2200"));
        }
        List<LegalBasisDto> bases = doc.legalBases() == null ? List.of() : doc.legalBases();
        for (int i = 0; i < bases.size(); i++) {
            if (bases.get(i) == null || blank(bases.get(i).number())) {
                problems.add(new ImportProblem("legalBases[" + i + "]", "number", "required"));
            } else {
                maxLength(bases.get(i).number(), 100, "legalBases[" + i + "]", "number", problems);
                maxLength(bases.get(i).issuer(), 300, "legalBases[" + i + "]", "issuer", problems);
                maxLength(bases.get(i).title(), 2000, "legalBases[" + i + "]", "title", problems);
            }
        }
        List<SectionDto> sections = doc.sections() == null ? List.of() : doc.sections();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            SectionDto s = sections.get(i);
            String path = "sections[" + i + "]";
            if (s == null || blank(s.code())) {
                problems.add(new ImportProblem(path, "code", "required"));
            } else if (!codes.add(s.code())) {
                problems.add(new ImportProblem(path, "code", "duplicate section code '" + s.code() + "'"));
            }
            if (s != null && blank(s.title())) {
                problems.add(new ImportProblem(path, "title", "required"));
            }
            if (s != null) {
                maxLength(s.code(), 20, path, "code", problems);
                maxLength(s.title(), 1000, path, "title", problems);
            }
        }
        if (issuerId != null
                && !blank(doc.number())
                && plans.numberTaken(doc.number().strip(), issuerId, null)) {
            problems.add(
                    new ImportProblem("$", "number", "the issuer already has a plan numbered '" + doc.number() + "'"));
        }
        return issuerId;
    }

    /** A task whose agency and group names were resolved to ids. */
    private record ResolvedTask(
            PlanImportDocument.Task src, List<AgencyRefDto> leads, List<AgencyRefDto> coordinating, UUID monitoring) {}

    private ResolvedTask checkTask(
            PlanImportDocument.Task t,
            String path,
            Set<String> sectionCodes,
            Resolver resolver,
            List<ImportProblem> problems) {
        if (t == null) {
            problems.add(new ImportProblem(path, "", "a task, not null"));
            return null;
        }
        int before = problems.size();
        if (blank(t.title())) {
            problems.add(new ImportProblem(path, "title", "required"));
        }
        // the lengths of a single task (TaskRequest), checked before the timeframe grammar reads the wording
        maxLength(t.sectionCode(), 20, path, "sectionCode", problems);
        maxLength(t.ordinal(), 20, path, "ordinal", problems);
        maxLength(t.title(), 4000, path, "title", problems);
        maxLength(t.description(), 20000, path, "description", problems);
        maxLength(t.expectedOutput(), 4000, path, "expectedOutput", problems);
        maxLength(t.legalBasis(), 4000, path, "legalBasis", problems);
        maxLength(t.timeframe() == null ? null : t.timeframe().text(), 2000, path, "timeframe.text", problems);
        if (t.timeframe() == null || t.timeframe().text() == null) {
            problems.add(new ImportProblem(path, "timeframe.text", "required (any wording; it is kept as written)"));
        }
        if (t.sectionCode() != null && !sectionCodes.contains(t.sectionCode())) {
            problems.add(new ImportProblem(path, "sectionCode", "no section '" + t.sectionCode() + "' in the plan"));
        }
        if (t.field() != null && !fields.exists(t.field())) {
            problems.add(new ImportProblem(path, "field", "unknown PAR field '" + t.field() + "'"));
        }
        if (t.leadAgencies() == null || t.leadAgencies().isEmpty()) {
            problems.add(new ImportProblem(path, "leadAgencies", "at least one lead agency or group"));
        }
        List<AgencyRefDto> leads = refs(t.leadAgencies(), path, "leadAgencies", resolver, problems);
        List<AgencyRefDto> coordinating =
                refs(t.coordinatingAgencies(), path, "coordinatingAgencies", resolver, problems);
        UUID monitoring = null;
        if (t.monitoringAgency() != null) {
            monitoring = resolver.agency(t.monitoringAgency()).map(a -> a.id).orElse(null);
            if (monitoring == null) {
                problems.add(new ImportProblem(
                        path, "monitoringAgency", "no agency with code '" + t.monitoringAgency() + "'"));
            }
        }
        return problems.size() == before ? new ResolvedTask(t, leads, coordinating, monitoring) : null;
    }

    private List<AgencyRefDto> refs(
            List<PlanImportDocument.Ref> refs,
            String path,
            String field,
            Resolver resolver,
            List<ImportProblem> problems) {
        List<AgencyRefDto> result = new ArrayList<>();
        if (refs == null) {
            return result;
        }
        for (int i = 0; i < refs.size(); i++) {
            PlanImportDocument.Ref ref = refs.get(i);
            String where = field + "[" + i + "]";
            if (ref == null || (ref.agency() == null) == (ref.group() == null)) {
                problems.add(new ImportProblem(path, where, "give exactly one of agency (a code) and group"));
            } else if (ref.agency() != null) {
                Optional<Agency> agency = resolver.agency(ref.agency());
                if (agency.isEmpty()) {
                    problems.add(
                            new ImportProblem(path, where + ".agency", "no agency with code '" + ref.agency() + "'"));
                } else {
                    result.add(new AgencyRefDto(agency.get().id, null));
                }
            } else {
                List<AgencyGroup> matches = resolver.group(ref.group());
                if (matches.isEmpty()) {
                    problems.add(new ImportProblem(
                            path, where + ".group", "no agency group with code or name '" + ref.group() + "'"));
                } else if (matches.size() > 1) {
                    problems.add(new ImportProblem(
                            path,
                            where + ".group",
                            "several groups are named '" + ref.group() + "'; use one of their codes: "
                                    + matches.stream().map(g -> g.code).sorted().toList()));
                } else {
                    result.add(new AgencyRefDto(null, matches.get(0).id));
                }
            }
        }
        return result;
    }

    /** Expands every task's leads on the issue date, reporting tasks that would have nobody to assign. */
    private int countAssignments(PlanImportDocument doc, List<ResolvedTask> resolved, List<ImportProblem> problems) {
        LocalDate on = doc.issuedOn() != null ? doc.issuedOn() : LocalDate.now();
        var expansion = groups.expansionOn(on);
        int total = 0;
        List<PlanImportDocument.Task> docTasks = doc.tasks();
        for (ResolvedTask r : resolved) {
            Task probe = new Task();
            probe.leadAgencies = r.leads.stream()
                    .map(l -> AgencyRefValue.of(l.agencyId(), l.groupId()))
                    .toList();
            List<FieldError> errors = new ArrayList<>();
            total += taskService
                    .expand(probe, expansion, on, "leadAgencies", errors)
                    .size();
            String path = "tasks[" + docTasks.indexOf(r.src) + "]";
            errors.forEach(e -> problems.add(new ImportProblem(path, e.field(), e.message())));
        }
        return total;
    }

    private Plan write(PlanImportDocument doc, UUID issuerId, List<ResolvedTask> resolved) {
        Instant now = Instant.now();
        Plan plan = new Plan();
        plan.id = TimeOrderedIds.next();
        plan.status = PlanStatus.DRAFT;
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.number = doc.number().strip();
        plan.title = doc.title().strip();
        plan.issuerId = issuerId;
        plan.issuedOn = doc.issuedOn();
        plan.year = doc.year();
        plan.validFrom = doc.validFrom();
        plan.validTo = doc.validTo();
        plan.legalBases = PlanService.legalBases(doc.legalBases());
        plan.objectives = doc.objectives();
        plan.requirements = doc.requirements();
        plan.sections = PlanService.sections(doc.sections());
        plan.parentPlanId = doc.parentPlanId();
        PlanService.fold(plan);
        plans.persist(plan);
        int position = 0;
        for (ResolvedTask r : resolved) {
            PlanImportDocument.Task t = r.src;
            Task task = new Task();
            task.id = TimeOrderedIds.next();
            task.planId = plan.id;
            task.position = position++;
            task.sectionCode = t.sectionCode();
            task.ordinal = t.ordinal();
            task.title = t.title().strip();
            task.description = t.description();
            task.field = t.field();
            task.leadAgencies = new ArrayList<>(r.leads.stream()
                    .map(l -> AgencyRefValue.of(l.agencyId(), l.groupId()))
                    .toList());
            task.coordinatingAgencies = new ArrayList<>(r.coordinating.stream()
                    .map(l -> AgencyRefValue.of(l.agencyId(), l.groupId()))
                    .toList());
            task.monitoringAgencyId = r.monitoring;
            task.expectedOutput = t.expectedOutput();
            task.legalBasis = t.legalBasis();
            task.createdAt = now;
            task.updatedAt = now;
            timeframes.apply(task, t.timeframe().text(), plan.timeframeYear());
            tasks.persist(task);
        }
        plans.flush();
        return plan;
    }

    /** Looks agencies up by code and groups by code or name, remembering what it found. */
    private final class Resolver {
        private final Map<String, Optional<Agency>> agencyCache = new HashMap<>();
        private final Map<String, List<AgencyGroup>> groupCache = new HashMap<>();

        Optional<Agency> agency(String code) {
            return agencyCache.computeIfAbsent(code.strip(), agencies::findByCode);
        }

        List<AgencyGroup> group(String codeOrName) {
            String key = codeOrName.strip();
            return groupCache.computeIfAbsent(
                    key, k -> groupRepository.findByCodeOrFoldedName(k, VietnameseText.fold(k)));
        }
    }

    private static PlanImportReport reject(
            boolean dryRun,
            List<ImportProblem> problems,
            int sections,
            int tasks,
            int structured,
            List<TimeframeLeftover> leftovers) {
        if (!dryRun) {
            throw new ImportRejectedException("plan document", problems);
        }
        return new PlanImportReport(
                true, false, null, null, sections, tasks, structured, 0, List.copyOf(problems), List.copyOf(leftovers));
    }

    /** "VII.1" from the section code and ordinal, whichever the document gives. */
    private static String taskCode(PlanImportDocument.Task task) {
        String section = task.sectionCode() == null ? "" : task.sectionCode().strip();
        String ordinal = task.ordinal() == null ? "" : task.ordinal().strip();
        if (section.isEmpty() || ordinal.isEmpty()) {
            return section + ordinal;
        }
        return section + "." + ordinal;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
