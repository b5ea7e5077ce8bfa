package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.partracker.plans.api.AgencyImportRow;
import vn.partracker.plans.api.AgencyRequest;
import vn.partracker.plans.api.GroupImportRow;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyKind;
import vn.partracker.plans.domain.AgencyLevel;
import vn.partracker.plans.domain.AgencyParentLink;
import vn.partracker.plans.domain.hierarchy.HierarchySnapshot;
import vn.partracker.plans.domain.hierarchy.ParentHistory;
import vn.partracker.plans.domain.hierarchy.ParentHistoryPlan;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.plans.domain.hierarchy.Validity;
import vn.partracker.plans.repository.AgencyLevelRepository;
import vn.partracker.plans.repository.AgencyParentLinkRepository;
import vn.partracker.plans.repository.AgencyRepository;

/**
 * Works out what an agency import would do, row by row, before anything is written: each row is checked with the
 * constraints of a single create, its codes are resolved, its parent history is planned by
 * {@link ParentHistoryPlan} exactly as for a single update, and then the document as a whole is checked (parents
 * valid for every period, no cycle on any day a new parent applies, no child left without a parent).
 */
@ApplicationScoped
public class AgencyImportPlanner {

    private static final List<String> REQUEST_FIELDS = List.of(
            "code",
            "name",
            "shortName",
            "kind",
            "level",
            "parentId",
            "sectors",
            "validFrom",
            "validTo",
            "predecessorIds",
            "parentChangedOn");

    private final AgencyRepository agencies;
    private final AgencyParentLinkRepository links;
    private final AgencyLevelRepository levels;
    private final ImportRowValidator rowValidator;
    private final GroupImportPlanner groupPlanner;

    public AgencyImportPlanner(
            AgencyRepository agencies,
            AgencyParentLinkRepository links,
            AgencyLevelRepository levels,
            ImportRowValidator rowValidator,
            GroupImportPlanner groupPlanner) {
        this.agencies = agencies;
        this.links = links;
        this.levels = levels;
        this.rowValidator = rowValidator;
        this.groupPlanner = groupPlanner;
    }

    /** The plan of a whole document: its rows (rejected ones included) and the groups that can be written. */
    record Plan(List<PlannedAgency> agencies, List<GroupImportPlanner.PlannedGroup> groups) {

        /** How many rows have {@code outcome}. */
        int count(ImportOutcome outcome) {
            return (int) agencies.stream().filter(p -> p.outcome == outcome).count();
        }
    }

    /**
     * Plans every row and group; problems found are added to {@code problems} and their rows are
     * {@link ImportOutcome#REJECTED}.
     */
    Plan plan(List<AgencyImportRow> rows, List<GroupImportRow> groupRows, List<ImportProblem> problems) {
        Map<String, Agency> stored = storedAgencies(rows, groupRows);
        Set<String> levelCodes = new HashSet<>();
        levels.listAll().forEach((AgencyLevel l) -> levelCodes.add(l.code));

        Map<String, PlannedAgency> byCode = new LinkedHashMap<>();
        List<PlannedAgency> planned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AgencyImportRow src = rows.get(i);
            if (src != null) {
                PlannedAgency p = new PlannedAgency(i + 1, src, src.code() == null ? null : stored.get(src.code()));
                planned.add(p);
                checkRow(p, levelCodes, problems);
                if (src.code() != null) {
                    PlannedAgency first = byCode.putIfAbsent(src.code(), p);
                    if (first != null) {
                        reject(p, problems, "code", "duplicate of row " + first.row);
                    }
                }
            }
        }
        AgencyCodes codes = new AgencyCodes(byCode, stored);
        Map<UUID, List<ParentPeriod>> storedPeriods = storedPeriods(planned);
        for (PlannedAgency p : planned) {
            boolean valid = !p.rejected();
            resolveReferences(p, codes, problems);
            if (valid && !p.rejected()) {
                planPeriods(p, storedPeriods, problems);
            }
        }
        Map<UUID, Validity> validities = validities(stored, planned);
        for (PlannedAgency p : planned) {
            if (!p.rejected()) {
                checkParentsExist(p, validities, problems);
            }
        }
        checkCycles(planned, problems);
        checkOrphans(planned, byCode, problems);
        List<GroupImportPlanner.PlannedGroup> groups = groupPlanner.plan(groupRows, codes, levelCodes, problems);
        for (PlannedAgency p : planned) {
            if (!p.rejected()) {
                p.outcome = outcome(p);
            }
        }
        return new Plan(planned, groups);
    }

    /** The stored agencies whose codes the document names, by code, loaded in one query. */
    private Map<String, Agency> storedAgencies(List<AgencyImportRow> rows, List<GroupImportRow> groupRows) {
        Set<String> referenced = new HashSet<>();
        for (AgencyImportRow r : rows) {
            if (r != null) {
                addIfPresent(referenced, r.code());
                addIfPresent(referenced, r.parentCode());
                if (r.predecessorCodes() != null) {
                    r.predecessorCodes().forEach(c -> addIfPresent(referenced, c));
                }
            }
        }
        for (GroupImportRow g : groupRows) {
            if (g != null) {
                addIfPresent(referenced, g.ancestorCode());
                if (g.agencyCodes() != null) {
                    g.agencyCodes().forEach(c -> addIfPresent(referenced, c));
                }
            }
        }
        Map<String, Agency> known = new HashMap<>();
        for (Agency a : agencies.findByCodes(referenced)) {
            known.put(a.code, a);
        }
        return known;
    }

    /**
     * The checks of one row on its own: the {@code AgencyRequest} constraints (the kind is text in a row, so an
     * unknown kind is reported here rather than failing the document), then what spans fields.
     */
    private void checkRow(PlannedAgency p, Set<String> levelCodes, List<ImportProblem> problems) {
        AgencyImportRow r = p.src;
        boolean kindGiven = r.kind() != null && !r.kind().isBlank();
        p.kind = kindGiven ? kindOf(r.kind()) : null;
        AgencyRequest asRequest = new AgencyRequest(
                r.code(),
                r.name(),
                r.shortName(),
                p.kind,
                r.level(),
                null,
                r.sectors(),
                r.validFrom(),
                r.validTo(),
                null,
                r.parentChangedOn());
        for (ImportProblem problem : rowValidator.check(asRequest, p.path(), REQUEST_FIELDS)) {
            if (!(kindGiven && problem.field().equals("kind"))) {
                reject(p, problems, problem.field(), problem.message());
            }
        }
        if (kindGiven && p.kind == null) {
            reject(
                    p,
                    problems,
                    "kind",
                    "unknown kind '" + r.kind() + "'; one of " + Arrays.toString(AgencyKind.values()));
        }
        if (r.level() != null && !r.level().isBlank() && !levelCodes.contains(r.level())) {
            reject(p, problems, "level", "unknown level '" + r.level() + "'; see GET /api/agency-levels");
        }
        Validity validity = p.validity();
        if (validity != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            reject(p, problems, "validTo", "must not be before validFrom");
        } else if (validity != null && r.parentChangedOn() != null && !validity.covers(r.parentChangedOn())) {
            reject(p, problems, "parentChangedOn", "must be within validFrom..validTo");
        }
        if (r.code() != null && r.code().equals(r.parentCode())) {
            reject(p, problems, "parentCode", "an agency cannot be its own parent");
        }
    }

    private void resolveReferences(PlannedAgency p, AgencyCodes codes, List<ImportProblem> problems) {
        AgencyImportRow r = p.src;
        if (r.parentCode() != null && !r.parentCode().equals(r.code())) {
            p.parentId = codes.idOf(r.parentCode());
            if (p.parentId == null) {
                reject(p, problems, "parentCode", "no agency with code '" + r.parentCode() + "' here or in the file");
            }
        }
        List<UUID> predecessors = new ArrayList<>();
        List<String> names = r.predecessorCodes() == null ? List.of() : r.predecessorCodes();
        for (int i = 0; i < names.size(); i++) {
            UUID id = codes.idOf(names.get(i));
            if (id == null) {
                reject(p, problems, "predecessorCodes[" + i + "]", "no agency with code '" + names.get(i) + "'");
            } else {
                predecessors.add(id);
            }
        }
        p.predecessorIds = List.copyOf(predecessors);
    }

    /** The stored parent histories of the rows' known agencies, in one query. */
    private Map<UUID, List<ParentPeriod>> storedPeriods(List<PlannedAgency> planned) {
        Map<UUID, List<ParentPeriod>> stored = new HashMap<>();
        List<UUID> ids =
                planned.stream().filter(p -> p.existing != null).map(p -> p.id).toList();
        for (AgencyParentLink l : links.ofAgencies(ids)) {
            stored.computeIfAbsent(l.agencyId, k -> new ArrayList<>())
                    .add(new ParentPeriod(l.parentId, l.validFrom, l.validTo));
        }
        return stored;
    }

    private void planPeriods(PlannedAgency p, Map<UUID, List<ParentPeriod>> stored, List<ImportProblem> problems) {
        if (p.existing == null) {
            p.periods = ParentHistoryPlan.forNewAgency(p.parentId, p.validity());
            return;
        }
        p.oldPeriods = ParentHistory.sorted(stored.getOrDefault(p.existing.id, List.of()));
        ParentHistoryPlan.Decision decision =
                ParentHistoryPlan.forReplacement(p.oldPeriods, p.parentId, p.src.parentChangedOn(), p.validity());
        if (!decision.isRefused()) {
            p.periods = decision.periods();
        } else if (decision.refusal() == ParentHistoryPlan.Refusal.MOVED_BEFORE_WITHOUT_DAY) {
            reject(
                    p,
                    problems,
                    "parentChangedOn",
                    "the agency has moved before; give the day it moves under '" + p.src.parentCode() + "'");
        } else {
            reject(p, problems, "parentChangedOn", "must be within validFrom..validTo");
        }
    }

    /** The validities parents are checked against: stored, overridden by the file's rows. */
    private static Map<UUID, Validity> validities(Map<String, Agency> stored, List<PlannedAgency> planned) {
        Map<UUID, Validity> validities = new HashMap<>();
        for (Agency a : stored.values()) {
            validities.put(a.id, new Validity(a.validFrom, a.validTo));
        }
        for (PlannedAgency p : planned) {
            if (p.validity() != null) {
                validities.put(p.id, p.validity());
            }
        }
        return validities;
    }

    private void checkParentsExist(PlannedAgency p, Map<UUID, Validity> validities, List<ImportProblem> problems) {
        for (ParentPeriod period : p.periods) {
            if (period.parentId() == null) {
                continue;
            }
            Validity parent = validities.computeIfAbsent(period.parentId(), this::storedValidity);
            if (parent == null) {
                reject(p, problems, "parentCode", "parent " + period.parentId() + " is not in the directory");
            } else if (!parent.covers(period)) {
                reject(
                        p,
                        problems,
                        "parentCode",
                        "the parent is valid " + parent + ", which does not cover " + period.from() + ".."
                                + (period.to() == null ? "" : period.to()));
            }
        }
    }

    /**
     * Rejects rows that would make an agency its own ancestor: on every day a changed history gives a new parent,
     * the hierarchy as stored, with the file's rows applied, must have no cycle through a row of the file.
     */
    private void checkCycles(List<PlannedAgency> planned, List<ImportProblem> problems) {
        Set<LocalDate> days = new TreeSet<>();
        for (PlannedAgency p : planned) {
            if (!p.rejected() && p.changesParents()) {
                days.addAll(ParentHistoryPlan.parentStarts(p.periods));
            }
        }
        for (LocalDate day : days) {
            Map<UUID, UUID> parentOf = new HashMap<>();
            for (AgencyParentLink link : links.validOn(day)) {
                if (link.parentId != null) {
                    parentOf.put(link.agencyId, link.parentId);
                }
            }
            HierarchySnapshot snapshot = new HierarchySnapshot(parentOf);
            for (PlannedAgency p : planned) {
                if (!p.rejected()) {
                    snapshot.setParent(
                            p.id, ParentHistory.parentOn(p.periods, day).orElse(null));
                }
            }
            for (PlannedAgency p : planned) {
                UUID parent = p.rejected()
                        ? null
                        : ParentHistory.parentOn(p.periods, day).orElse(null);
                if (parent != null && ParentHistoryPlan.createsCycle(p.id, parent, snapshot::parent)) {
                    reject(
                            p,
                            problems,
                            "parentCode",
                            "cycle on " + day + ": '" + p.src.parentCode() + "' is below '" + p.src.code() + "'");
                }
            }
        }
    }

    /** An existing agency whose validity now ends earlier must not leave stored children without a parent. */
    private void checkOrphans(
            List<PlannedAgency> planned, Map<String, PlannedAgency> byCode, List<ImportProblem> problems) {
        Map<UUID, PlannedAgency> byId = new HashMap<>();
        byCode.values().forEach(p -> byId.put(p.id, p));
        for (PlannedAgency p : planned) {
            LocalDate end = p.src.validTo();
            boolean endsEarlier = !p.rejected()
                    && p.existing != null
                    && end != null
                    && (p.existing.validTo == null || p.existing.validTo.isAfter(end));
            if (!endsEarlier) {
                continue;
            }
            for (UUID child : links.childrenAfter(p.id, end)) {
                PlannedAgency inFile = byId.get(child);
                if (inFile == null || ParentHistoryPlan.underAfter(inFile.periods, p.id, end)) {
                    reject(
                            p,
                            problems,
                            "validTo",
                            "agency " + child + " is still under this one after " + end + "; move it first");
                }
            }
        }
    }

    /** Unchanged when every field and the parent history are as stored, so re-sending a directory is free. */
    private static ImportOutcome outcome(PlannedAgency p) {
        if (p.existing == null) {
            return ImportOutcome.CREATED;
        }
        Agency a = p.existing;
        AgencyImportRow r = p.src;
        boolean same = a.name.equals(r.name().strip())
                && Objects.equals(a.shortName, r.shortName())
                && a.kind == p.kind
                && a.level.equals(r.level())
                && a.sectors.equals(r.sectors() == null ? List.of() : r.sectors())
                && a.validFrom.equals(r.validFrom())
                && Objects.equals(a.validTo, r.validTo())
                && a.predecessorIds.equals(p.predecessorIds)
                && !p.changesParents();
        return same ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED;
    }

    private Validity storedValidity(UUID id) {
        return agencies.findByIdOptional(id)
                .map(a -> new Validity(a.validFrom, a.validTo))
                .orElse(null);
    }

    private static AgencyKind kindOf(String text) {
        try {
            return AgencyKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void reject(PlannedAgency p, List<ImportProblem> problems, String field, String message) {
        p.reject();
        problems.add(new ImportProblem(p.path(), field, message));
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }
}
