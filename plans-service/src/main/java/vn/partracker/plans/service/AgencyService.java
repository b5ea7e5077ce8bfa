package vn.partracker.plans.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.plans.api.AgencyLevelRequest;
import vn.partracker.plans.api.AgencyLevelResponse;
import vn.partracker.plans.api.AgencyMoveRequest;
import vn.partracker.plans.api.AgencyRequest;
import vn.partracker.plans.api.AgencyResponse;
import vn.partracker.plans.api.ParentLinkResponse;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyKind;
import vn.partracker.plans.domain.AgencyLevel;
import vn.partracker.plans.domain.AgencyParentLink;
import vn.partracker.plans.domain.hierarchy.ParentHistory;
import vn.partracker.plans.domain.hierarchy.ParentHistoryPlan;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.plans.domain.hierarchy.Validity;
import vn.partracker.plans.messaging.AgencyEvents;
import vn.partracker.plans.repository.AgencyLevelRepository;
import vn.partracker.plans.repository.AgencyParentLinkRepository;
import vn.partracker.plans.repository.AgencyRepository;
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
 * Writes and reads the agency directory and its effective-dated hierarchy. Every write publishes
 * {@code partracker.agency.upserted} through the outbox in the same transaction, so replicas in the other services
 * see exactly the committed state, including the whole parent history, and is recorded in the audit trail with
 * the agency before and after.
 */
@ApplicationScoped
public class AgencyService {

    private static final int MAX_DEPTH = 64;

    private final AgencyRepository agencies;
    private final AgencyParentLinkRepository links;
    private final AgencyLevelRepository levels;
    private final AgencyEvents events;
    private final AuditTrail auditTrail;

    public AgencyService(
            AgencyRepository agencies,
            AgencyParentLinkRepository links,
            AgencyLevelRepository levels,
            AgencyEvents events,
            AuditTrail auditTrail) {
        this.agencies = agencies;
        this.links = links;
        this.levels = levels;
        this.events = events;
        this.auditTrail = auditTrail;
    }

    /** Creates an agency; {@code parentId} becomes its first parent link, from {@code validFrom}. */
    @Transactional
    public AgencyResponse create(AgencyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.parentChangedOn() != null) {
            errors.add(
                    new FieldError("parentChangedOn", "only for updates; on create the parent applies from validFrom"));
        }
        validateFields(request, errors);
        List<ParentPeriod> periods = ParentHistoryPlan.forNewAgency(request.parentId(), validity(request));
        if (errors.isEmpty()) {
            validatePeriods(null, periods, "parentId", errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (agencies.findByCode(request.code()).isPresent()) {
            throw new ConflictException(
                    "an agency with code " + request.code() + " already exists",
                    List.of(new FieldError("code", "already used")));
        }
        Agency agency = new Agency();
        agency.id = TimeOrderedIds.next();
        agency.code = request.code();
        agency.createdAt = Instant.now();
        apply(agency, request);
        agencies.persist(agency);
        writeLinks(agency.id, periods);
        agencies.flush();
        events.upserted(agency, periods);
        Log.debugf("agency %s (%s) created", agency.id, agency.code);
        AgencyResponse created = response(agency, periods, LocalDate.now());
        auditTrail.record("agency.created", "Agency", agency.id, null, created);
        return created;
    }

    /**
     * Replaces an agency's fields when {@code ifMatch} names its current version. The code is the agency's stable
     * identity in other systems and cannot change. A new parent with {@code parentChangedOn} is a move from that
     * day; without it, it corrects the parent of an agency that never moved. Shortening the validity is refused
     * while other agencies are still under this one after the new end, so no child is left without a parent.
     */
    @Transactional
    public AgencyResponse update(UUID id, String ifMatch, AgencyRequest request) {
        Agency agency = find(id);
        ETags.requireMatch(ifMatch, agency.version);
        List<FieldError> errors = new ArrayList<>();
        if (!agency.code.equals(request.code())) {
            errors.add(new FieldError("code", "cannot change (was " + agency.code + ")"));
        }
        validateFields(request, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ParentHistoryPlan.Decision decision = ParentHistoryPlan.forReplacement(
                periodsOf(id), request.parentId(), request.parentChangedOn(), validity(request));
        if (decision.isRefused()) {
            throw new ValidationException(
                    "parentChangedOn",
                    switch (decision.refusal()) {
                        case CHANGE_DAY_OUTSIDE_VALIDITY -> "must be within validFrom..validTo";
                        case MOVED_BEFORE_WITHOUT_DAY ->
                            "the agency has moved before; give the day it moves under the"
                                    + " new parent (or use POST /api/agencies/{id}/moves)";
                    });
        }
        List<ParentPeriod> periods = decision.periods();
        validatePeriods(id, periods, "parentId", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        requireNoOrphans(id, request.validTo());
        AgencyResponse before = response(agency, periodsOf(id), LocalDate.now());
        apply(agency, request);
        writeLinks(id, periods);
        agencies.flush();
        events.upserted(agency, periods);
        Log.debugf("agency %s updated to version %d", id, agency.version);
        AgencyResponse updated = response(agency, periods, LocalDate.now());
        auditTrail.record("agency.updated", "Agency", id, before, updated);
        return updated;
    }

    /**
     * Moves an agency under another parent from a day on, keeping its earlier history: the district level's abolition
     * is a move of every commune under the province from 2025-07-01. {@code ifMatch} must name the current version
     * (428 when missing, 412 when stale).
     */
    @Transactional
    public AgencyResponse move(UUID id, String ifMatch, AgencyMoveRequest request) {
        Agency agency = find(id);
        ETags.requireMatch(ifMatch, agency.version);
        if (!agency.validOn(request.from())) {
            throw new ValidationException(
                    "from", "the agency does not exist on " + request.from() + " (valid " + validity(agency) + ")");
        }
        List<ParentPeriod> before = periodsOf(id);
        List<ParentPeriod> after =
                ParentHistoryPlan.forMove(before, request.parentId(), request.from(), validity(agency));
        AgencyResponse unmoved = response(agency, before, request.from());
        if (after.equals(before)) {
            return unmoved;
        }
        List<FieldError> errors = new ArrayList<>();
        validatePeriods(id, after, "parentId", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        writeLinks(id, after);
        agency.updatedAt = Instant.now();
        agencies.flush();
        events.upserted(agency, after);
        Log.infof("agency %s moved under %s from %s", id, request.parentId(), request.from());
        AgencyResponse moved = response(agency, after, request.from());
        auditTrail.record("agency.moved", "Agency", id, unmoved, moved);
        return moved;
    }

    /** One agency, with its parent on {@code asOf}. */
    public AgencyResponse get(UUID id, LocalDate asOf) {
        Agency agency = find(id);
        return response(agency, periodsOf(id), asOf);
    }

    /** Agencies valid on {@code asOf} matching the filters; {@code q} is accent- and case-insensitive. */
    public Page<AgencyResponse> list(
            LocalDate asOf, String level, AgencyKind kind, UUID parentId, String q, PageRequest page) {
        String folded = q == null || q.isBlank() ? null : VietnameseText.fold(q);
        var query = agencies.search(asOf, blankToNull(level), kind, parentId, folded);
        List<Agency> rows = query.page(page.page(), page.size()).list();
        return Page.of(page, responses(rows, asOf), query.count());
    }

    /** The agencies directly under {@code id} on {@code asOf}. */
    public Page<AgencyResponse> children(UUID id, LocalDate asOf, PageRequest page) {
        find(id);
        return list(asOf, null, null, id, null, page);
    }

    /** The ancestors of {@code id} on {@code asOf}, parent first, up to the root. */
    public List<AgencyResponse> ancestors(UUID id, LocalDate asOf) {
        find(id);
        List<Agency> chain = new ArrayList<>();
        UUID current = links.parentOn(id, asOf);
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            Agency parent = find(current);
            chain.add(parent);
            current = links.parentOn(current, asOf);
        }
        return responses(chain, asOf);
    }

    /**
     * The codes of the ancestors of {@code id} on {@code on}, parent first: what an agency-scoped check needs to
     * know whether a subtree token reaches the agency that day.
     */
    List<String> ancestorCodes(UUID id, LocalDate on) {
        List<String> codes = new ArrayList<>();
        UUID current = links.parentOn(id, on);
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            Agency parent = agencies.findById(current);
            if (parent == null) {
                break;
            }
            codes.add(parent.code);
            current = links.parentOn(current, on);
        }
        return codes;
    }

    /** Every level, from the top. */
    public List<AgencyLevelResponse> levels() {
        return levels.listAll().stream()
                .sorted(Comparator.comparingInt((AgencyLevel l) -> l.sortOrder).thenComparing(l -> l.code))
                .map(l -> new AgencyLevelResponse(l.code, l.name, l.sortOrder))
                .toList();
    }

    /** Adds a level of government; levels are data so that a reform needs no release. */
    @Transactional
    public AgencyLevelResponse addLevel(AgencyLevelRequest request) {
        if (levels.findByIdOptional(request.code()).isPresent()) {
            throw new ConflictException(
                    "level " + request.code() + " already exists", List.of(new FieldError("code", "already used")));
        }
        AgencyLevel level = new AgencyLevel();
        level.code = request.code();
        level.name = request.name().strip();
        level.sortOrder = request.order();
        levels.persist(level);
        levels.flush();
        AgencyLevelResponse created = new AgencyLevelResponse(level.code, level.name, level.sortOrder);
        auditTrail.record("agency-level.created", "AgencyLevel", level.code, null, created);
        return created;
    }

    /** The agency or 404. */
    Agency find(UUID id) {
        return agencies.findByIdOptional(id).orElseThrow(() -> new NotFoundException("agency", id));
    }

    /** The parent history of one agency, oldest first. */
    List<ParentPeriod> periodsOf(UUID agencyId) {
        return links.ofAgency(agencyId).stream()
                .map(l -> new ParentPeriod(l.parentId, l.validFrom, l.validTo))
                .toList();
    }

    /** Replaces the stored history of one agency. */
    void writeLinks(UUID agencyId, List<ParentPeriod> periods) {
        links.deleteOfAgency(agencyId);
        links.flush();
        for (ParentPeriod p : periods) {
            links.persist(AgencyParentLink.of(agencyId, p.parentId(), p.from(), p.to()));
        }
    }

    /** Maps agencies to responses with one query for all their histories. */
    List<AgencyResponse> responses(List<Agency> rows, LocalDate asOf) {
        Map<UUID, List<ParentPeriod>> histories = new HashMap<>();
        for (AgencyParentLink l : links.ofAgencies(rows.stream().map(a -> a.id).toList())) {
            histories
                    .computeIfAbsent(l.agencyId, k -> new ArrayList<>())
                    .add(new ParentPeriod(l.parentId, l.validFrom, l.validTo));
        }
        return rows.stream()
                .map(a -> response(a, histories.getOrDefault(a.id, List.of()), asOf))
                .toList();
    }

    /** The API view of an agency; its {@code parentId} is the parent on {@code asOf}. */
    static AgencyResponse response(Agency agency, List<ParentPeriod> periods, LocalDate asOf) {
        List<ParentPeriod> sorted = ParentHistory.sorted(periods);
        return new AgencyResponse(
                agency.id,
                agency.code,
                agency.name,
                agency.shortName,
                agency.kind,
                agency.level,
                ParentHistory.parentOn(sorted, asOf).orElse(null),
                sorted.stream()
                        .map(p -> new ParentLinkResponse(p.parentId(), p.from(), p.to()))
                        .toList(),
                List.copyOf(agency.sectors),
                agency.validFrom,
                agency.validTo,
                List.copyOf(agency.predecessorIds),
                agency.version);
    }

    private void validateFields(AgencyRequest request, List<FieldError> errors) {
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            errors.add(new FieldError("validTo", "must not be before validFrom"));
        }
        if (!agencies.levelExists(request.level())) {
            errors.add(new FieldError("level", "unknown level '" + request.level() + "'; see GET /api/agency-levels"));
        }
        List<UUID> predecessors = request.predecessorIds() == null ? List.of() : request.predecessorIds();
        for (int i = 0; i < predecessors.size(); i++) {
            if (agencies.findByIdOptional(predecessors.get(i)).isEmpty()) {
                errors.add(new FieldError("predecessorIds[" + i + "]", "no agency " + predecessors.get(i)));
            }
        }
        if (request.parentId() != null
                && agencies.findByIdOptional(request.parentId()).isEmpty()) {
            errors.add(new FieldError("parentId", "no agency " + request.parentId()));
        }
    }

    /**
     * Checks every period of a history: the parent exists for the whole period and the agency would not become its
     * own ancestor on the day the period starts.
     */
    private void validatePeriods(UUID self, List<ParentPeriod> periods, String field, List<FieldError> errors) {
        for (ParentPeriod p : periods) {
            if (p.parentId() == null) {
                continue;
            }
            if (p.parentId().equals(self)) {
                errors.add(new FieldError(field, "an agency cannot be its own parent"));
                continue;
            }
            Agency parent = agencies.findByIdOptional(p.parentId()).orElse(null);
            if (parent == null) {
                errors.add(new FieldError(field, "no agency " + p.parentId()));
                continue;
            }
            if (!validity(parent).covers(p)) {
                errors.add(new FieldError(
                        field,
                        "the parent " + parent.code + " is valid " + validity(parent) + ", which does not cover "
                                + p.from() + ".." + (p.to() == null ? "" : p.to())));
                continue;
            }
            if (self != null
                    && ParentHistoryPlan.createsCycle(self, p.parentId(), child -> links.parentOn(child, p.from()))) {
                errors.add(new FieldError(
                        field,
                        "cycle: " + parent.code + " is below this agency on " + p.from()
                                + ", so the agency would become its own ancestor"));
            }
        }
    }

    private void requireNoOrphans(UUID id, LocalDate validTo) {
        if (validTo == null) {
            return;
        }
        List<UUID> orphans = links.childrenAfter(id, validTo);
        if (!orphans.isEmpty()) {
            List<String> codes =
                    agencies.withIds(orphans).stream().map(a -> a.code).sorted().toList();
            throw new ConflictException(
                    "agencies are still under this one after " + validTo + "; move them first: " + codes,
                    List.of(new FieldError("validTo", "children after this date: " + codes)));
        }
    }

    private static void apply(Agency agency, AgencyRequest request) {
        agency.name = request.name().strip();
        agency.nameFolded = VietnameseText.fold(agency.name);
        agency.shortName = request.shortName();
        agency.kind = request.kind();
        agency.level = request.level();
        agency.sectors = request.sectors() == null ? new ArrayList<>() : new ArrayList<>(request.sectors());
        agency.validFrom = request.validFrom();
        agency.validTo = request.validTo();
        agency.predecessorIds =
                request.predecessorIds() == null ? new ArrayList<>() : new ArrayList<>(request.predecessorIds());
        agency.updatedAt = Instant.now();
    }

    private static Validity validity(Agency agency) {
        return new Validity(agency.validFrom, agency.validTo);
    }

    private static Validity validity(AgencyRequest request) {
        return new Validity(request.validFrom(), request.validTo());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
