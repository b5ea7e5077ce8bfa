package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partracker.indicators.api.AgencyRefDto;
import vn.partracker.indicators.api.IndicatorImportDocument;
import vn.partracker.indicators.api.IndicatorImportResult;
import vn.partracker.indicators.api.IndicatorRequest;
import vn.partracker.indicators.api.IndicatorResponse;
import vn.partracker.indicators.api.TargetDto;
import vn.partracker.indicators.api.TargetScopeDto;
import vn.partracker.indicators.domain.AgencyGroupReplica;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.PlanReplica;
import vn.partracker.indicators.repository.AgencyGroupReplicaRepository;
import vn.partracker.indicators.repository.IndicatorRepository;
import vn.partracker.indicators.repository.PlanReplicaRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.text.VietnameseText;

/**
 * Imports a plan's appendix of indicators all or nothing: codes are resolved against the replicas, every indicator
 * is checked exactly as {@code POST /api/indicators} checks it, and only a document without a single problem is
 * written (one {@code partracker.indicator.defined} per indicator). A dry run lists every problem instead. A
 * written import leaves one audit row ({@code IndicatorImport}) naming the plan and the indicators created.
 */
@ApplicationScoped
public class IndicatorImportService {

    private static final String EXISTS = "the plan already has this indicator";

    private final IndicatorService indicatorService;
    private final IndicatorRepository indicators;
    private final PlanReplicaRepository plans;
    private final AgencyGroupReplicaRepository groups;
    private final AgencyDirectory directory;
    private final Validator validator;
    private final AuditTrail audit;

    public IndicatorImportService(
            IndicatorService indicatorService,
            IndicatorRepository indicators,
            PlanReplicaRepository plans,
            AgencyGroupReplicaRepository groups,
            AgencyDirectory directory,
            Validator validator,
            AuditTrail audit) {
        this.audit = audit;
        this.indicatorService = indicatorService;
        this.indicators = indicators;
        this.plans = plans;
        this.groups = groups;
        this.directory = directory;
        this.validator = validator;
    }

    /**
     * Checks and (unless a dry run) imports the document.
     *
     * @return the created indicators, or the dry run's verdict
     * @throws ValidationException listing every problem when the document is not valid (nothing written)
     * @throws ConflictException when every indicator of the document exists already (a repeated import, also one
     *     that overlapped another: imports into one plan take the plan's lock and run one after the other)
     */
    @Transactional
    public IndicatorImportResult importDocument(IndicatorImportDocument document, boolean dryRun) {
        List<FieldError> problems = new ArrayList<>();
        PlanReplica plan = resolvePlan(document, problems);
        if (plan != null && !dryRun) {
            // imports into one plan are serialized: an overlapping one sees all of the other's indicators (409)
            indicators.lockPlanForImport(plan.id);
        }
        LocalDate day = plan == null || plan.issuedOn == null ? LocalDate.now() : plan.issuedOn;
        AgencyDirectory.View view = directory.view();
        List<IndicatorRequest> requests = new ArrayList<>();
        Set<String> ordinals = new HashSet<>();
        int existing = 0;
        for (int i = 0; i < document.indicators().size(); i++) {
            String prefix = "indicators[" + i + "].";
            IndicatorImportDocument.Item item = document.indicators().get(i);
            IndicatorRequest request = toRequest(item, plan, prefix, view, day, problems);
            for (ConstraintViolation<IndicatorRequest> violation : validator.validate(request)) {
                problems.add(new FieldError(prefix + violation.getPropertyPath(), violation.getMessage()));
            }
            if (plan != null && item.group() != null && item.ordinal() != null) {
                if (!ordinals.add(item.group().strip() + "." + item.ordinal().strip())) {
                    problems.add(new FieldError(
                            prefix + "ordinal",
                            "the document lists " + item.group() + "." + item.ordinal() + " twice"));
                } else if (indicators.existsOrdinal(
                        plan.id, item.group().strip(), item.ordinal().strip(), null)) {
                    problems.add(new FieldError(prefix + "ordinal", EXISTS));
                    existing++;
                }
            }
            if (plan != null) {
                problems.addAll(indicatorService.problems(request, prefix).stream()
                        .filter(p -> !p.field().equals(prefix + "planId"))
                        .toList());
            }
            requests.add(request);
        }
        problems.sort(Comparator.comparing(FieldError::field, IndicatorImportService::byIndex));
        UUID planId = plan == null ? null : plan.id;
        if (dryRun) {
            return new IndicatorImportResult(
                    planId, true, problems.isEmpty(), requests.size(), List.copyOf(problems), List.of());
        }
        if (!problems.isEmpty()) {
            if (existing == requests.size() && problems.size() == existing) {
                throw new ConflictException(
                        "every indicator of the document exists already in plan " + plan.number, problems);
            }
            throw new ValidationException(problems);
        }
        List<IndicatorResponse> created = new ArrayList<>();
        for (IndicatorRequest request : requests) {
            Indicator indicator = new Indicator();
            indicator.id = TimeOrderedIds.next();
            indicator.version = 1;
            indicator.createdAt = Instant.now();
            indicatorService.apply(indicator, request);
            indicators.persist(indicator);
            indicatorService.publish(indicator);
            created.add(IndicatorMapper.toResponse(indicator));
        }
        Log.infof("imported %d indicators into plan %s (%s)", created.size(), plan.number, plan.id);
        IndicatorImportResult result =
                new IndicatorImportResult(planId, false, true, created.size(), List.of(), created);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("planId", planId);
        summary.put("plan", plan.number);
        summary.put("count", created.size());
        summary.put("indicatorIds", created.stream().map(IndicatorResponse::id).toList());
        audit.record("indicator.imported", "IndicatorImport", TimeOrderedIds.next(), null, summary);
        return result;
    }

    private PlanReplica resolvePlan(IndicatorImportDocument document, List<FieldError> problems) {
        if (document.planId() != null) {
            PlanReplica plan = plans.findById(document.planId());
            if (plan == null) {
                problems.add(new FieldError("planId", "unknown plan " + document.planId()));
            }
            return plan;
        }
        if (document.planNumber() == null || document.planNumber().isBlank()) {
            problems.add(new FieldError("planNumber", "give planId or planNumber"));
            return null;
        }
        List<PlanReplica> found = plans.findByNumber(document.planNumber().strip());
        if (found.isEmpty()) {
            problems.add(new FieldError("planNumber", "unknown plan " + document.planNumber()));
            return null;
        }
        return found.get(0);
    }

    private IndicatorRequest toRequest(
            IndicatorImportDocument.Item item,
            PlanReplica plan,
            String prefix,
            AgencyDirectory.View view,
            LocalDate day,
            List<FieldError> problems) {
        UUID evaluating = item.evaluatingAgencyId();
        if (evaluating == null && item.evaluatingAgencyCode() != null) {
            evaluating = agencyByCode(item.evaluatingAgencyCode(), view, day)
                    .map(a -> a.id)
                    .orElseGet(() -> {
                        problems.add(new FieldError(
                                prefix + "evaluatingAgencyCode", "unknown agency code " + item.evaluatingAgencyCode()));
                        return null;
                    });
        }
        List<TargetDto> targets = new ArrayList<>();
        List<IndicatorImportDocument.Target> source = item.targets() == null ? List.of() : item.targets();
        for (int t = 0; t < source.size(); t++) {
            IndicatorImportDocument.Target target = source.get(t);
            IndicatorImportDocument.Scope scope = target.scope();
            TargetScopeDto scopeDto = null;
            if (scope != null) {
                UUID agencyId = scope.agencyId();
                if (agencyId == null && scope.agencyCode() != null) {
                    String field = prefix + "targets[" + t + "].scope.agencyCode";
                    agencyId = agencyByCode(scope.agencyCode(), view, day)
                            .map(a -> a.id)
                            .orElseGet(() -> {
                                problems.add(new FieldError(field, "unknown agency code " + scope.agencyCode()));
                                return null;
                            });
                }
                scopeDto = new TargetScopeDto(scope.level(), scope.agencyKind(), scope.sector(), agencyId);
            }
            if (target.comparator() == null) {
                problems.add(new FieldError(prefix + "targets[" + t + "].comparator", "must not be null"));
            }
            if (target.value() == null) {
                problems.add(new FieldError(prefix + "targets[" + t + "].value", "must not be null"));
            }
            targets.add(
                    new TargetDto(target.comparator(), target.value(), scopeDto, target.validFrom(), target.validTo()));
        }
        return new IndicatorRequest(
                plan == null ? null : plan.id,
                item.group(),
                item.ordinal(),
                item.name(),
                item.unit(),
                item.kind(),
                item.numeratorLabel(),
                item.denominatorLabel(),
                item.direction(),
                item.frequency(),
                refs(item.performingAgencies(), prefix + "performingAgencies", view, day, problems),
                refs(item.coordinatingAgencies(), prefix + "coordinatingAgencies", view, day, problems),
                evaluating,
                item.legalBasis(),
                targets,
                item.components());
    }

    private List<AgencyRefDto> refs(
            List<IndicatorImportDocument.Ref> refs,
            String field,
            AgencyDirectory.View view,
            LocalDate day,
            List<FieldError> problems) {
        if (refs == null) {
            return null;
        }
        List<AgencyRefDto> resolved = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            IndicatorImportDocument.Ref ref = refs.get(i);
            String at = field + "[" + i + "]";
            int given = count(ref.agencyId(), ref.agencyCode(), ref.groupId(), ref.groupCode(), ref.groupName());
            if (given != 1) {
                problems.add(
                        new FieldError(at, "give exactly one of agencyId, agencyCode, groupId, groupCode, groupName"));
                continue;
            }
            if (ref.agencyId() != null || ref.groupId() != null) {
                resolved.add(new AgencyRefDto(ref.agencyId(), ref.groupId()));
            } else if (ref.agencyCode() != null) {
                Optional<AgencyReplica> agency = agencyByCode(ref.agencyCode(), view, day);
                if (agency.isEmpty()) {
                    problems.add(new FieldError(at + ".agencyCode", "unknown agency code " + ref.agencyCode()));
                } else {
                    resolved.add(new AgencyRefDto(agency.get().id, null));
                }
            } else {
                List<AgencyGroupReplica> found = ref.groupCode() != null
                        ? groups.findByCode(ref.groupCode().strip())
                        : groups.findByFoldedName(VietnameseText.fold(ref.groupName()));
                String which = ref.groupCode() != null ? "groupCode" : "groupName";
                if (found.size() != 1) {
                    problems.add(new FieldError(
                            at + "." + which,
                            (found.isEmpty() ? "unknown agency group " : "more than one agency group is called ")
                                    + (ref.groupCode() != null ? ref.groupCode() : ref.groupName())));
                } else {
                    resolved.add(new AgencyRefDto(null, found.get(0).id));
                }
            }
        }
        return resolved;
    }

    private static Optional<AgencyReplica> agencyByCode(String code, AgencyDirectory.View view, LocalDate day) {
        return view.agencyByCode(code.strip(), day);
    }

    private static int count(Object... values) {
        int n = 0;
        for (Object value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                n++;
            }
        }
        return n;
    }

    /** Orders {@code indicators[10].x} after {@code indicators[9].x}, so problems read in document order. */
    private static int byIndex(String a, String b) {
        return Integer.compare(index(a), index(b)) != 0 ? Integer.compare(index(a), index(b)) : a.compareTo(b);
    }

    private static int index(String field) {
        if (!field.startsWith("indicators[")) {
            return -1;
        }
        int end = field.indexOf(']');
        try {
            return Integer.parseInt(field.substring("indicators[".length(), end));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
