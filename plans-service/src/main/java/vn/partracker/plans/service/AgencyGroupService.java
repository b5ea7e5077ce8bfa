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
import vn.partracker.events.payload.AgencyGroupUpserted;
import vn.partracker.plans.api.AgencyResponse;
import vn.partracker.plans.api.GroupRequest;
import vn.partracker.plans.api.GroupResponse;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyGroup;
import vn.partracker.plans.domain.AgencyKind;
import vn.partracker.plans.domain.AgencyParentLink;
import vn.partracker.plans.domain.hierarchy.HierarchySnapshot;
import vn.partracker.plans.messaging.AgencyGroupEvents;
import vn.partracker.plans.repository.AgencyGroupRepository;
import vn.partracker.plans.repository.AgencyParentLinkRepository;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.text.VietnameseText;

/**
 * Agency groups: named membership rules that expand to concrete agencies at a date. Expansion applies
 * {@link AgencyGroupUpserted#includes} — the same rule the other services apply to their replicas — so a group has
 * the same members everywhere. A group created over the API is recorded in the audit trail; groups written by an
 * agency import are part of that import's audit row.
 */
@ApplicationScoped
public class AgencyGroupService {

    private final AgencyGroupRepository groups;
    private final AgencyRepository agencies;
    private final AgencyParentLinkRepository links;
    private final AgencyService agencyService;
    private final AgencyGroupEvents events;
    private final AuditTrail auditTrail;

    public AgencyGroupService(
            AgencyGroupRepository groups,
            AgencyRepository agencies,
            AgencyParentLinkRepository links,
            AgencyService agencyService,
            AgencyGroupEvents events,
            AuditTrail auditTrail) {
        this.groups = groups;
        this.agencies = agencies;
        this.links = links;
        this.agencyService = agencyService;
        this.events = events;
        this.auditTrail = auditTrail;
    }

    /** Creates a group after checking that its rule names existing levels and agencies and can match something. */
    @Transactional
    public GroupResponse create(GroupRequest request) {
        List<String> kinds = request.kinds() == null
                ? List.of()
                : request.kinds().stream().map(Enum::name).distinct().toList();
        List<String> levels = request.levels() == null
                ? List.of()
                : request.levels().stream().distinct().toList();
        List<UUID> agencyIds = request.agencyIds() == null
                ? List.of()
                : request.agencyIds().stream().distinct().toList();
        List<FieldError> errors = new ArrayList<>();
        validateRule(kinds, levels, request.ancestorId(), agencyIds, "", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (groups.findByCode(request.code()).isPresent()) {
            throw new ConflictException(
                    "an agency group with code " + request.code() + " already exists",
                    List.of(new FieldError("code", "already used")));
        }
        AgencyGroup group = new AgencyGroup();
        group.id = TimeOrderedIds.next();
        group.code = request.code();
        group.createdAt = Instant.now();
        apply(group, request.name(), kinds, levels, request.ancestorId(), agencyIds);
        groups.persist(group);
        groups.flush();
        events.upserted(group);
        Log.debugf("agency group %s (%s) created", group.id, group.code);
        GroupResponse created = response(group);
        auditTrail.record("agency-group.created", "AgencyGroup", group.id, null, created);
        return created;
    }

    /**
     * Creates or updates a group by code, for bulk imports; returns the outcome (created, updated or unchanged) and
     * publishes only when something changed. The rule must already have been validated.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ImportOutcome upsert(
            String code, String name, List<String> kinds, List<String> levels, UUID ancestorId, List<UUID> ids) {
        AgencyGroup group = groups.findByCode(code).orElse(null);
        ImportOutcome outcome;
        if (group == null) {
            group = new AgencyGroup();
            group.id = TimeOrderedIds.next();
            group.code = code;
            group.createdAt = Instant.now();
            apply(group, name, kinds, levels, ancestorId, ids);
            groups.persist(group);
            outcome = ImportOutcome.CREATED;
        } else if (group.name.equals(name.strip())
                && group.kinds.equals(kinds)
                && group.levels.equals(levels)
                && java.util.Objects.equals(group.ancestorId, ancestorId)
                && group.agencyIds.equals(ids)) {
            return ImportOutcome.UNCHANGED;
        } else {
            apply(group, name, kinds, levels, ancestorId, ids);
            outcome = ImportOutcome.UPDATED;
        }
        groups.flush();
        events.upserted(group);
        return outcome;
    }

    /** Checks a rule; {@code prefix} is prepended to field names (e.g. {@code groups[2].}). */
    void validateRule(
            List<String> kinds,
            List<String> levels,
            UUID ancestorId,
            List<UUID> agencyIds,
            String prefix,
            List<FieldError> errors) {
        for (String kind : kinds) {
            if (java.util.Arrays.stream(AgencyKind.values())
                    .noneMatch(k -> k.name().equals(kind))) {
                errors.add(new FieldError(prefix + "kinds", "unknown kind '" + kind + "'"));
            }
        }
        for (String level : levels) {
            if (!agencies.levelExists(level)) {
                errors.add(new FieldError(prefix + "levels", "unknown level '" + level + "'"));
            }
        }
        if (ancestorId != null && agencies.findByIdOptional(ancestorId).isEmpty()) {
            errors.add(new FieldError(prefix + "ancestorId", "no agency " + ancestorId));
        }
        List<UUID> known = agencies.withIds(agencyIds).stream().map(a -> a.id).toList();
        for (int i = 0; i < agencyIds.size(); i++) {
            if (!known.contains(agencyIds.get(i))) {
                errors.add(new FieldError(prefix + "agencyIds[" + i + "]", "no agency " + agencyIds.get(i)));
            }
        }
        if (kinds.isEmpty() && levels.isEmpty() && ancestorId == null && agencyIds.isEmpty()) {
            errors.add(new FieldError(
                    prefix + "kinds", "a group needs kinds, levels, an ancestor or explicit agencies; none given"));
        }
    }

    /** One group. */
    public GroupResponse get(UUID id) {
        return response(find(id));
    }

    /** Groups whose folded name or code contains {@code q}, by code. */
    public Page<GroupResponse> list(String q, PageRequest page) {
        var query = q == null || q.isBlank()
                ? groups.find("order by code")
                : groups.find(
                        "nameFolded like ?1 or lower(code) like ?1 order by code", "%" + VietnameseText.fold(q) + "%");
        List<GroupResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(AgencyGroupService::response)
                .toList();
        return Page.of(page, items, query.count());
    }

    /** The members of a group on {@code asOf}, by code. */
    public Page<AgencyResponse> members(UUID id, LocalDate asOf, PageRequest page) {
        AgencyGroup group = find(id);
        List<Agency> members = new Expansion(asOf).members(group);
        List<Agency> slice =
                members.stream().skip(page.offset()).limit(page.size()).toList();
        return Page.of(page, agencyService.responses(slice, asOf), members.size());
    }

    /** A group by id, or 404. */
    AgencyGroup find(UUID id) {
        return groups.findByIdOptional(id).orElseThrow(() -> new NotFoundException("agency group", id));
    }

    /** Starts an expansion of groups on one date; reuse it to expand many groups against one hierarchy snapshot. */
    Expansion expansionOn(LocalDate date) {
        return new Expansion(date);
    }

    /** The agencies and hierarchy valid on one date, loaded once, against which groups are expanded. */
    final class Expansion {

        private final List<Agency> valid;
        private final HierarchySnapshot hierarchy;
        private final Map<UUID, List<Agency>> cache = new HashMap<>();

        private Expansion(LocalDate date) {
            this.valid = agencies.validOn(date).stream()
                    .sorted(Comparator.comparing((Agency a) -> a.code))
                    .toList();
            Map<UUID, UUID> parentOf = new HashMap<>();
            for (AgencyParentLink link : links.validOn(date)) {
                if (link.parentId != null) {
                    parentOf.put(link.agencyId, link.parentId);
                }
            }
            this.hierarchy = new HierarchySnapshot(parentOf);
        }

        /** The group's members on the expansion's date, by code. */
        List<Agency> members(AgencyGroup group) {
            return cache.computeIfAbsent(group.id, id -> {
                AgencyGroupUpserted rule = AgencyGroupEvents.payload(group);
                return valid.stream()
                        .filter(a -> rule.includes(a.id, a.kind.name(), a.level, hierarchy.ancestors(a.id)))
                        .toList();
            });
        }

        /** Whether {@code agencyId} exists on the expansion's date. */
        boolean isValid(UUID agencyId) {
            return valid.stream().anyMatch(a -> a.id.equals(agencyId));
        }
    }

    private static void apply(
            AgencyGroup group, String name, List<String> kinds, List<String> levels, UUID ancestorId, List<UUID> ids) {
        group.name = name.strip();
        group.nameFolded = VietnameseText.fold(group.name);
        group.kinds = new ArrayList<>(kinds);
        group.levels = new ArrayList<>(levels);
        group.ancestorId = ancestorId;
        group.agencyIds = new ArrayList<>(ids);
        group.updatedAt = Instant.now();
    }

    static GroupResponse response(AgencyGroup group) {
        return new GroupResponse(
                group.id,
                group.code,
                group.name,
                List.copyOf(group.kinds),
                List.copyOf(group.levels),
                group.ancestorId,
                List.copyOf(group.agencyIds),
                group.version);
    }
}
