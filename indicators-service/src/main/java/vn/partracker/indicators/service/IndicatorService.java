package vn.partracker.indicators.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.indicators.api.AgencyRefDto;
import vn.partracker.indicators.api.AppliedTargetResponse;
import vn.partracker.indicators.api.IndicatorRequest;
import vn.partracker.indicators.api.IndicatorResponse;
import vn.partracker.indicators.api.TargetDto;
import vn.partracker.indicators.api.TargetScopeDto;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.IndicatorAgency;
import vn.partracker.indicators.domain.composite.CompositeCalculator;
import vn.partracker.indicators.domain.target.AppliedTarget;
import vn.partracker.indicators.domain.target.TargetRule;
import vn.partracker.indicators.domain.target.TargetScope;
import vn.partracker.indicators.domain.target.TargetSelector;
import vn.partracker.indicators.domain.value.Direction;
import vn.partracker.indicators.domain.value.FixedDefinition;
import vn.partracker.indicators.domain.value.IndicatorKind;
import vn.partracker.indicators.domain.value.Unit;
import vn.partracker.indicators.messaging.IndicatorEvents;
import vn.partracker.indicators.repository.IndicatorRepository;
import vn.partracker.indicators.repository.MeasurementRepository;
import vn.partracker.indicators.repository.PlanReplicaRepository;
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
 * Defines indicators and answers which target applies. Every reference (plan, agencies, groups, target agency) is
 * checked against the local replicas, so a definition never points at something plans-service does not know. Each
 * create and update publishes {@code partracker.indicator.defined} with the full definition through {@link IndicatorEvents}.
 */
@ApplicationScoped
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final PlanReplicaRepository plans;
    private final AgencyDirectory directory;
    private final IndicatorEvents events;
    private final AuditTrail audit;
    private final MeasurementRepository measurements;
    private final AchievementRefresh achievements;

    public IndicatorService(
            IndicatorRepository indicators,
            PlanReplicaRepository plans,
            AgencyDirectory directory,
            IndicatorEvents events,
            AuditTrail audit,
            MeasurementRepository measurements,
            AchievementRefresh achievements) {
        this.measurements = measurements;
        this.achievements = achievements;
        this.indicators = indicators;
        this.plans = plans;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Creates an indicator.
     *
     * @throws ValidationException listing every invalid field (nothing is written)
     * @throws ConflictException when the plan already has an indicator with this group and ordinal
     */
    @Transactional
    public IndicatorResponse create(IndicatorRequest request) {
        validate(request, "");
        if (indicators.existsOrdinal(request.planId(), request.group(), request.ordinal(), null)) {
            throw new ConflictException(
                    "plan " + request.planId() + " already has indicator " + request.group() + "." + request.ordinal());
        }
        Indicator indicator = new Indicator();
        indicator.id = TimeOrderedIds.next();
        indicator.version = 1;
        indicator.createdAt = Instant.now();
        apply(indicator, request);
        indicators.persist(indicator);
        publish(indicator);
        Log.infof("indicator %s (%s.%s) created", indicator.id, indicator.group, indicator.ordinal);
        IndicatorResponse created = IndicatorMapper.toResponse(indicator);
        audit.record("indicator.created", "Indicator", indicator.id, null, created);
        return created;
    }

    /**
     * Replaces an indicator's definition; the If-Match version must be the current one.
     *
     * <p>Once the indicator has figures, its kind, unit, frequency and component tree are fixed (409 naming the
     * fields: define a new indicator); its name, labels, targets, direction and agencies still change. A change of
     * targets re-evaluates the achievement of its stored figures in the same transaction ({@link AchievementRefresh}),
     * each changed figure getting a new version and a measurement event, so reports follow the current targets.
     *
     * @throws NotFoundException when the indicator does not exist
     * @throws ConflictException when a fixed field would change while figures exist
     */
    @Transactional
    public IndicatorResponse update(UUID id, String ifMatch, IndicatorRequest request) {
        Indicator indicator = indicators.findForUpdate(id).orElseThrow(() -> new NotFoundException("indicator", id));
        ETags.requireMatch(ifMatch, indicator.version);
        validate(request, "");
        IndicatorResponse before = IndicatorMapper.toResponse(indicator);
        if (indicators.existsOrdinal(request.planId(), request.group(), request.ordinal(), id)) {
            throw new ConflictException(
                    "plan " + request.planId() + " already has indicator " + request.group() + "." + request.ordinal());
        }
        long figures = measurements.countByIndicator(id);
        if (figures > 0) {
            requireFixedDefinitionKept(indicator, request, figures);
        }
        apply(indicator, request);
        indicators.flush();
        publish(indicator);
        int reevaluated = figures > 0 ? achievements.reevaluate(indicator) : 0;
        Log.infof(
                "indicator %s updated to version %d (%d figures, %d re-evaluated)",
                id, indicator.version, figures, reevaluated);
        IndicatorResponse updated = IndicatorMapper.toResponse(indicator);
        audit.record("indicator.updated", "Indicator", indicator.id, before, updated);
        return updated;
    }

    /**
     * Refuses a change of what the indicator's figures were measured in ({@link FixedDefinition}) once it has figures.
     *
     * @throws ConflictException naming each such field
     */
    private static void requireFixedDefinitionKept(Indicator indicator, IndicatorRequest request, long figures) {
        FixedDefinition now = fixedDefinition(indicator);
        FixedDefinition asked = new FixedDefinition(
                request.kind().name(),
                request.unit().name(),
                request.frequency().name(),
                IndicatorMapper.componentsJson(request.components()));
        List<String> changed = now.changedBy(asked);
        if (changed.isEmpty()) {
            return;
        }
        throw new ConflictException(
                "indicator " + indicator.id + " has " + figures + " figures, so its " + String.join(", ", changed)
                        + " cannot change (kind, unit, frequency and components are fixed once figures exist):"
                        + " define a new indicator for the new measure",
                changed.stream()
                        .map(field -> new FieldError(
                                field,
                                "fixed once figures exist; " + now.describe(field, asked) + "; define a new indicator"))
                        .toList());
    }

    private static FixedDefinition fixedDefinition(Indicator indicator) {
        return new FixedDefinition(indicator.kind, indicator.unit, indicator.frequency, indicator.components);
    }

    /** @return one indicator */
    public IndicatorResponse get(UUID id) {
        return IndicatorMapper.toResponse(find(id));
    }

    /**
     * Lists indicators by plan, group and an accent-insensitive text.
     *
     * @return one page, ordered by plan, group and ordinal
     */
    public Page<IndicatorResponse> list(UUID planId, String group, String q, PageRequest page) {
        String folded = q == null || q.isBlank() ? null : VietnameseText.fold(q);
        PanacheQuery<Indicator> query = indicators.search(planId, blankToNull(group), folded);
        List<IndicatorResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(IndicatorMapper::toResponse)
                .toList();
        return Page.of(page, items, query.count());
    }

    /**
     * The target that applies to an agency on a date, with the reason.
     *
     * @param agencyId the agency; required (the resource answers 400 when it is missing)
     * @param asOf the day deciding which rules are valid; today when {@code null}
     * @throws NotFoundException when the indicator or the agency is unknown
     */
    public AppliedTargetResponse target(UUID id, UUID agencyId, LocalDate asOf) {
        Indicator indicator = find(id);
        AgencyDirectory.View view = directory.view();
        AgencyReplica agency = view.agency(agencyId).orElseThrow(() -> new NotFoundException("agency", agencyId));
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        Optional<AppliedTarget> applied = select(indicator, view, agency, day);
        if (applied.isEmpty()) {
            return new AppliedTargetResponse(
                    id,
                    agencyId,
                    day,
                    "NO_TARGET",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "no target rule of the indicator is valid on " + day + " for this agency (level " + agency.level
                            + ", kind " + agency.kind + ", sectors " + agency.sectors + ")");
        }
        TargetRule rule = applied.get().rule();
        TargetScope scope = rule.scope();
        return new AppliedTargetResponse(
                id,
                agencyId,
                day,
                "TARGET",
                rule.comparator().name(),
                rule.value(),
                new TargetScopeDto(scope.level(), scope.agencyKind(), scope.sector(), scope.agencyId()),
                rule.validFrom(),
                rule.validTo(),
                applied.get().reason());
    }

    static Optional<AppliedTarget> select(
            Indicator indicator, AgencyDirectory.View view, AgencyReplica agency, LocalDate day) {
        List<TargetRule> rules = indicator.targets.stream().map(t -> t.toRule()).toList();
        return TargetSelector.select(rules, view.profile(agency), day, Direction.valueOf(indicator.direction));
    }

    /**
     * Checks a definition against the domain rules and the replicas.
     *
     * @param prefix prepended to every field name, e.g. {@code indicators[3].} for an import document
     * @return the problems; empty when the definition is valid
     */
    List<FieldError> problems(IndicatorRequest request, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        AgencyDirectory.View view = directory.view();
        if (request.planId() != null && plans.findByIdOptional(request.planId()).isEmpty()) {
            errors.add(new FieldError(prefix + "planId", "unknown plan " + request.planId()));
        }
        checkRefs(request.performingAgencies(), prefix + "performingAgencies", view, errors);
        checkRefs(request.coordinatingAgencies(), prefix + "coordinatingAgencies", view, errors);
        if (request.evaluatingAgencyId() != null
                && view.agency(request.evaluatingAgencyId()).isEmpty()) {
            errors.add(new FieldError(prefix + "evaluatingAgencyId", "unknown agency " + request.evaluatingAgencyId()));
        }
        checkKind(request, prefix, errors);
        List<TargetDto> targets = request.targets() == null ? List.of() : request.targets();
        for (int i = 0; i < targets.size(); i++) {
            checkTarget(targets.get(i), prefix + "targets[" + i + "]", request.unit(), view, errors);
        }
        return errors;
    }

    private void validate(IndicatorRequest request, String prefix) {
        List<FieldError> errors = problems(request, prefix);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void checkKind(IndicatorRequest request, String prefix, List<FieldError> errors) {
        IndicatorKind kind = request.kind();
        if (kind == null) {
            return;
        }
        boolean hasComponents =
                request.components() != null && !request.components().isEmpty();
        if (kind == IndicatorKind.RATIO) {
            if (isBlank(request.numeratorLabel())) {
                errors.add(new FieldError(
                        prefix + "numeratorLabel", "a RATIO indicator needs a label for its numerator (b)"));
            }
            if (isBlank(request.denominatorLabel())) {
                errors.add(new FieldError(
                        prefix + "denominatorLabel", "a RATIO indicator needs a label for its denominator (a)"));
            }
            if (request.unit() != null && request.unit() != Unit.PERCENT) {
                errors.add(new FieldError(prefix + "unit", "a RATIO indicator is measured in PERCENT (100 * b / a)"));
            }
        } else {
            if (!isBlank(request.numeratorLabel())) {
                errors.add(new FieldError(prefix + "numeratorLabel", "only a RATIO indicator has a numerator"));
            }
            if (!isBlank(request.denominatorLabel())) {
                errors.add(new FieldError(prefix + "denominatorLabel", "only a RATIO indicator has a denominator"));
            }
        }
        if (kind == IndicatorKind.COMPOSITE) {
            if (!hasComponents) {
                errors.add(new FieldError(
                        prefix + "components", "a COMPOSITE indicator needs a non-empty component tree"));
            } else {
                for (vn.partracker.indicators.domain.FieldError error :
                        CompositeCalculator.validateTree(IndicatorMapper.toDomain(request.components()))) {
                    errors.add(new FieldError(prefix + error.field(), error.message()));
                }
            }
        } else if (hasComponents) {
            errors.add(new FieldError(prefix + "components", "only a COMPOSITE indicator has components"));
        }
    }

    private static void checkTarget(
            TargetDto target, String field, Unit unit, AgencyDirectory.View view, List<FieldError> errors) {
        TargetScopeDto scope = target.scope();
        if (scope != null) {
            try {
                new TargetScope(scope.level(), scope.agencyKind(), scope.sector(), scope.agencyId());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + ".scope", e.getMessage()));
            }
            if (scope.agencyId() != null && view.agency(scope.agencyId()).isEmpty()) {
                errors.add(new FieldError(field + ".scope.agencyId", "unknown agency " + scope.agencyId()));
            }
        }
        if (target.validFrom() != null
                && target.validTo() != null
                && target.validFrom().isAfter(target.validTo())) {
            errors.add(new FieldError(field + ".validTo", "validTo must not be before validFrom"));
        }
        if (unit == Unit.PERCENT
                && target.value() != null
                && (target.value().signum() < 0 || target.value().compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            errors.add(new FieldError(field + ".value", "a percentage target lies between 0 and 100"));
        }
    }

    private static void checkRefs(
            List<AgencyRefDto> refs, String field, AgencyDirectory.View view, List<FieldError> errors) {
        if (refs == null) {
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            AgencyRefDto ref = refs.get(i);
            String at = field + "[" + i + "]";
            if (ref == null) {
                continue;
            }
            if ((ref.agencyId() == null) == (ref.groupId() == null)) {
                errors.add(new FieldError(at, "give exactly one of agencyId and groupId"));
            } else if (ref.agencyId() != null && view.agency(ref.agencyId()).isEmpty()) {
                errors.add(new FieldError(at + ".agencyId", "unknown agency " + ref.agencyId()));
            } else if (ref.groupId() != null && view.group(ref.groupId()).isEmpty()) {
                errors.add(new FieldError(at + ".groupId", "unknown agency group " + ref.groupId()));
            }
        }
    }

    /** Copies a valid request onto the entity (replacing collections) and refreshes derived columns. */
    void apply(Indicator indicator, IndicatorRequest request) {
        indicator.planId = request.planId();
        indicator.group = request.group().strip();
        indicator.ordinal = request.ordinal().strip();
        indicator.name = request.name().strip();
        indicator.nameFolded = VietnameseText.fold(indicator.name);
        indicator.unit = request.unit().name();
        indicator.kind = request.kind().name();
        indicator.numeratorLabel = blankToNull(request.numeratorLabel());
        indicator.denominatorLabel = blankToNull(request.denominatorLabel());
        indicator.direction = (request.direction() == null ? Direction.HIGHER_IS_BETTER : request.direction()).name();
        indicator.frequency = request.frequency().name();
        indicator.evaluatingAgencyId = request.evaluatingAgencyId();
        indicator.legalBasis = blankToNull(request.legalBasis());
        indicator.components = IndicatorMapper.componentsJson(request.components());
        indicator.agencies.clear();
        addRefs(indicator, Indicator.PERFORMING, request.performingAgencies());
        addRefs(indicator, Indicator.COORDINATING, request.coordinatingAgencies());
        indicator.targets.clear();
        if (request.targets() != null) {
            request.targets().forEach(t -> indicator.targets.add(IndicatorMapper.toEntity(t)));
        }
        indicator.updatedAt = Instant.now();
    }

    void publish(Indicator indicator) {
        events.defined(IndicatorMapper.toEvent(indicator));
    }

    private static void addRefs(Indicator indicator, String role, List<AgencyRefDto> refs) {
        if (refs != null) {
            refs.forEach(r -> indicator.agencies.add(new IndicatorAgency(role, r.agencyId(), r.groupId())));
        }
    }

    private Indicator find(UUID id) {
        return indicators.findByIdOptional(id).orElseThrow(() -> new NotFoundException("indicator", id));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
