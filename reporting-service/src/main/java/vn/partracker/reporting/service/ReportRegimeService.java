package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.api.ExpectedAgenciesRequest;
import vn.partracker.reporting.api.RegimeImportRequest;
import vn.partracker.reporting.api.RegimeImportResult;
import vn.partracker.reporting.api.RegimePeriods;
import vn.partracker.reporting.api.RegimeRequest;
import vn.partracker.reporting.api.RegimeResponse;
import vn.partracker.reporting.api.RegimeResponse.ExpectedAgencyResponse;
import vn.partracker.reporting.domain.regime.ExpectedAgency;
import vn.partracker.reporting.domain.regime.ReportRegime;
import vn.partracker.reporting.domain.window.Deadline;
import vn.partracker.reporting.domain.window.ReportingWindow;
import vn.partracker.reporting.domain.window.ReportingWindowCalculator;
import vn.partracker.reporting.repository.ExpectedAgencyRepository;
import vn.partracker.reporting.repository.PlanReplicaRepository;
import vn.partracker.reporting.repository.ReportRegimeRepository;
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
 * Report regimes and their effective-dated expected reporters. Every write appends one row to the audit trail as its
 * last step (an import one row for the whole document).
 */
@ApplicationScoped
public class ReportRegimeService {

    /** Key of {@code deadlineOffsets} that applies to levels without an offset of their own. */
    public static final String DEFAULT_LEVEL = "DEFAULT";

    /** The entity type of regimes in the audit trail. */
    static final String ENTITY = "ReportRegime";

    private static final int MAX_OFFSET_DAYS = 366;

    private final ReportRegimeRepository regimes;
    private final ExpectedAgencyRepository expected;
    private final PlanReplicaRepository plans;
    private final AuditTrail auditTrail;

    public ReportRegimeService(
            ReportRegimeRepository regimes,
            ExpectedAgencyRepository expected,
            PlanReplicaRepository plans,
            AuditTrail auditTrail) {
        this.regimes = regimes;
        this.expected = expected;
        this.plans = plans;
        this.auditTrail = auditTrail;
    }

    /** Creates a regime after checking its offsets, recipient, scope and the uniqueness of its code. */
    @Transactional
    public RegimeResponse create(RegimeRequest request) {
        RegimeResponse created = createRegime(request);
        auditTrail.record("regime.created", ENTITY, created.id(), null, created);
        return created;
    }

    private RegimeResponse createRegime(RegimeRequest request) {
        validate(request);
        if (regimes.findByCode(request.code().strip()).isPresent()) {
            throw new ConflictException(
                    "a report regime with code " + request.code() + " already exists",
                    List.of(new FieldError("code", "already used")));
        }
        ReportRegime regime = new ReportRegime();
        regime.id = TimeOrderedIds.next();
        regime.code = request.code().strip();
        regime.createdAt = Instant.now();
        apply(regime, request);
        regimes.persistAndFlush(regime);
        Log.infof("report regime %s (%s) created", regime.id, regime.code);
        return toResponse(regime);
    }

    /** Replaces a regime's fields when {@code ifMatch} names its current version; the code cannot change. */
    @Transactional
    public RegimeResponse update(UUID id, String ifMatch, RegimeRequest request) {
        ReportRegime regime = find(id);
        ETags.requireMatch(ifMatch, regime.version);
        if (!regime.code.equals(request.code().strip())) {
            throw new ValidationException("code", "cannot change (was " + regime.code + ")");
        }
        validate(request);
        RegimeResponse before = toResponse(regime);
        apply(regime, request);
        regimes.flush();
        Log.infof("report regime %s updated to version %d", regime.id, regime.version);
        RegimeResponse after = toResponse(regime);
        auditTrail.record("regime.updated", ENTITY, regime.id, before, after);
        return after;
    }

    /** One regime with its expected reporters. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RegimeResponse get(UUID id) {
        return toResponse(find(id));
    }

    /** Regimes whose folded name or code contains the folded {@code q}, ordered by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RegimeResponse> list(String q, PageRequest page) {
        var query = q == null || q.isBlank()
                ? regimes.find("order by code")
                : regimes.find(
                        "nameFolded like ?1 or lower(code) like ?1 order by code", "%" + VietnameseText.fold(q) + "%");
        List<ReportRegime> found = query.page(page.page(), page.size()).list();
        Map<UUID, List<ExpectedAgency>> expectations =
                expected.ofRegimes(found.stream().map(r -> r.id).toList());
        List<RegimeResponse> items = found.stream()
                .map(r -> toResponse(r, expectations.getOrDefault(r.id, List.of())))
                .toList();
        return Page.of(page, items, query.count());
    }

    /** Adds effective-dated expected reporters (agencies or groups, by id or code) to a regime. */
    @Transactional
    public List<ExpectedAgencyResponse> addExpected(UUID regimeId, ExpectedAgenciesRequest request) {
        ReportRegime regime = find(regimeId);
        validate(request, "");
        RegimeResponse before = toResponse(regime);
        List<ExpectedAgencyResponse> created = addExpectedTo(regime, request);
        auditTrail.record("regime.expected-agencies-added", ENTITY, regime.id, before, toResponse(regime));
        return created;
    }

    private List<ExpectedAgencyResponse> addExpectedTo(ReportRegime regime, ExpectedAgenciesRequest request) {
        List<ExpectedAgencyResponse> created = new ArrayList<>();
        for (ExpectedAgenciesRequest.Member m : request.agencies()) {
            ExpectedAgency e = new ExpectedAgency();
            e.id = TimeOrderedIds.next();
            e.regimeId = regime.id;
            e.agencyId = m.agencyId();
            e.agencyCode = blankToNull(m.agencyCode());
            e.groupId = m.groupId();
            e.groupCode = blankToNull(m.groupCode());
            e.validFrom = request.validFrom();
            e.validTo = request.validTo();
            e.createdAt = Instant.now();
            expected.persist(e);
            created.add(toResponse(e));
        }
        Log.infof("report regime %s: %d expected reporters added", regime.id, created.size());
        return created;
    }

    /**
     * Creates the regimes of a document with their expected reporters in one transaction; a regime whose code exists
     * is left unchanged, and an invalid entry rejects the whole document.
     */
    @Transactional
    public RegimeImportResult importRegimes(RegimeImportRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.regimes().size(); i++) {
            RegimeImportRequest.Entry entry = request.regimes().get(i);
            errors.addAll(prefixed("regimes[" + i + "].regime.", errorsOf(entry.regime())));
            List<ExpectedAgenciesRequest> lists = entry.expected() == null ? List.of() : entry.expected();
            for (int j = 0; j < lists.size(); j++) {
                errors.addAll(errorsOf(lists.get(j), "regimes[" + i + "].expected[" + j + "]."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<RegimeResponse> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (RegimeImportRequest.Entry entry : request.regimes()) {
            if (regimes.findByCode(entry.regime().code().strip()).isPresent()) {
                existing.add(entry.regime().code().strip());
                continue;
            }
            RegimeResponse regime = createRegime(entry.regime());
            for (ExpectedAgenciesRequest list :
                    entry.expected() == null ? List.<ExpectedAgenciesRequest>of() : entry.expected()) {
                addExpectedTo(find(regime.id()), list);
            }
            created.add(get(regime.id()));
        }
        RegimeImportResult result = new RegimeImportResult(created, existing);
        auditTrail.record(
                "regime.imported",
                "RegimeImport",
                TimeOrderedIds.next(),
                null,
                new ImportSummary(
                        created.size(),
                        existing.size(),
                        created.stream().map(RegimeResponse::id).toList(),
                        created.stream().map(RegimeResponse::code).toList(),
                        existing));
        return result;
    }

    /**
     * What the audit trail keeps of an import: the counts, the regimes created (ids and codes) and the codes that
     * already existed and were left unchanged.
     */
    public record ImportSummary(
            int created, int existing, List<UUID> createdIds, List<String> createdCodes, List<String> existingCodes) {}

    /** The regime's periods of a year with windows and per-level deadlines. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RegimePeriods periods(UUID id, Integer year) {
        ReportRegime regime = find(id);
        if (year == null || year < Period.MIN_YEAR || year > Period.MAX_YEAR) {
            throw new ValidationException("year", "required, between " + Period.MIN_YEAR + " and " + Period.MAX_YEAR);
        }
        List<RegimePeriods.PeriodEntry> entries = new ArrayList<>();
        for (ReportingWindow window : ReportingWindowCalculator.windows(regime.rule, year, regime.frequency)) {
            Map<String, LocalDate> deadlines = new TreeMap<>();
            regime.deadlineOffsets.forEach(
                    (level, days) -> deadlines.put(level, Deadline.submissionDeadline(window, days)));
            entries.add(new RegimePeriods.PeriodEntry(window.period().code(), window.from(), window.to(), deadlines));
        }
        return new RegimePeriods(regime.id, year, regime.frequency, regime.rule, entries);
    }

    /** The regime entity, for the report services. */
    ReportRegime find(UUID id) {
        return regimes.findByIdOptional(id).orElseThrow(() -> new NotFoundException("report regime", id));
    }

    /** The regime's expectations, for the report services. */
    List<ExpectedAgency> expectationsOf(UUID regimeId) {
        return expected.ofRegime(regimeId);
    }

    /** The plans a regime covers: those named by id and those whose number matches. */
    Set<UUID> planIdsOf(ReportRegime regime) {
        Set<UUID> ids = new LinkedHashSet<>(regime.planIds);
        ids.addAll(plans.idsByNumbers(regime.planNumbers));
        return ids;
    }

    /** The deadline offset of a level: its own, else DEFAULT, else 0. */
    static int offsetFor(ReportRegime regime, String level) {
        Integer days = regime.deadlineOffsets.get(level);
        if (days == null) {
            days = regime.deadlineOffsets.get(DEFAULT_LEVEL);
        }
        return days == null ? 0 : days;
    }

    private void validate(RegimeRequest request) {
        List<FieldError> errors = errorsOf(request);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static List<FieldError> errorsOf(RegimeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.code() == null || request.code().isBlank()) {
            errors.add(new FieldError("code", "required"));
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add(new FieldError("name", "required"));
        }
        if (request.frequency() == null) {
            errors.add(new FieldError("frequency", "required"));
        }
        if (request.rule() == null) {
            errors.add(new FieldError("rule", "required"));
        }
        boolean hasId = request.recipientAgencyId() != null;
        boolean hasCode = request.recipientAgencyCode() != null
                && !request.recipientAgencyCode().isBlank();
        if (hasId == hasCode) {
            errors.add(new FieldError(
                    "recipientAgencyId", "give exactly one of recipientAgencyId and recipientAgencyCode"));
        }
        if (request.deadlineOffsets() == null || request.deadlineOffsets().isEmpty()) {
            errors.add(new FieldError(
                    "deadlineOffsets", "give the days after the window per level, e.g. {\"PROVINCE\": 5}"));
        } else {
            request.deadlineOffsets().forEach((level, days) -> {
                if (days == null || days < 0 || days > MAX_OFFSET_DAYS) {
                    errors.add(new FieldError(
                            "deadlineOffsets." + level, "must be between 0 and " + MAX_OFFSET_DAYS + " days"));
                }
            });
        }
        if (isEmpty(request.planIds()) && isEmpty(request.planNumbers()) && isEmpty(request.indicatorIds())) {
            errors.add(new FieldError("planIds", "name at least one plan (planIds or planNumbers) or indicator"));
        }
        return errors;
    }

    private static void validate(ExpectedAgenciesRequest request, String prefix) {
        List<FieldError> errors = errorsOf(request, prefix);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static List<FieldError> errorsOf(ExpectedAgenciesRequest request, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (request.validFrom() == null) {
            errors.add(new FieldError(prefix + "validFrom", "required"));
        } else if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            errors.add(new FieldError(prefix + "validTo", "must not be before validFrom"));
        }
        List<ExpectedAgenciesRequest.Member> members = request.agencies() == null ? List.of() : request.agencies();
        if (members.isEmpty()) {
            errors.add(new FieldError(prefix + "agencies", "name at least one agency or group"));
        }
        for (int i = 0; i < members.size(); i++) {
            ExpectedAgenciesRequest.Member m = members.get(i);
            int given = (m.agencyId() != null ? 1 : 0)
                    + (blankToNull(m.agencyCode()) != null ? 1 : 0)
                    + (m.groupId() != null ? 1 : 0)
                    + (blankToNull(m.groupCode()) != null ? 1 : 0);
            if (given != 1) {
                errors.add(new FieldError(
                        prefix + "agencies[" + i + "]",
                        "give exactly one of agencyId, agencyCode, groupId and groupCode"));
            }
        }
        return errors;
    }

    private static List<FieldError> prefixed(String prefix, List<FieldError> errors) {
        return errors.stream()
                .map(e -> new FieldError(prefix + e.field(), e.message()))
                .toList();
    }

    private static void apply(ReportRegime regime, RegimeRequest request) {
        regime.name = request.name().strip();
        regime.nameFolded = VietnameseText.fold(regime.name);
        regime.legalBasis = request.legalBasis();
        regime.frequency = request.frequency();
        regime.rule = request.rule();
        regime.recipientAgencyId = request.recipientAgencyId();
        regime.recipientAgencyCode = blankToNull(request.recipientAgencyCode());
        regime.deadlineOffsets = new LinkedHashMap<>(request.deadlineOffsets());
        regime.planIds = request.planIds() == null ? new ArrayList<>() : new ArrayList<>(request.planIds());
        regime.planNumbers = request.planNumbers() == null ? new ArrayList<>() : new ArrayList<>(request.planNumbers());
        regime.indicatorIds =
                request.indicatorIds() == null ? new ArrayList<>() : new ArrayList<>(request.indicatorIds());
        regime.updatedAt = Instant.now();
    }

    private RegimeResponse toResponse(ReportRegime r) {
        return toResponse(r, expected.ofRegime(r.id));
    }

    private static RegimeResponse toResponse(ReportRegime r, List<ExpectedAgency> expectations) {
        return new RegimeResponse(
                r.id,
                r.code,
                r.name,
                r.legalBasis,
                r.frequency,
                r.rule,
                r.recipientAgencyId,
                r.recipientAgencyCode,
                r.deadlineOffsets,
                List.copyOf(r.planIds),
                List.copyOf(r.planNumbers),
                List.copyOf(r.indicatorIds),
                expectations.stream().map(ReportRegimeService::toResponse).toList(),
                r.version,
                r.createdAt,
                r.updatedAt);
    }

    private static ExpectedAgencyResponse toResponse(ExpectedAgency e) {
        return new ExpectedAgencyResponse(
                e.id, e.agencyId, e.agencyCode, e.groupId, e.groupCode, e.validFrom, e.validTo);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
