package vn.partracker.plans.service;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import java.util.regex.Pattern;
import vn.partracker.plans.api.AgencyImportReport;
import vn.partracker.plans.api.AgencyImportRow;
import vn.partracker.plans.api.GroupImportRow;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyKind;
import vn.partracker.plans.domain.AgencyLevel;
import vn.partracker.plans.domain.AgencyParentLink;
import vn.partracker.plans.domain.hierarchy.HierarchySnapshot;
import vn.partracker.plans.domain.hierarchy.ParentHistory;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.plans.repository.AgencyLevelRepository;
import vn.partracker.plans.repository.AgencyParentLinkRepository;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.support.text.VietnameseText;

/**
 * Bulk import of the agency directory (and optionally its groups), idempotent by code: a row for a new code creates
 * the agency, a row for a known code updates it or, when nothing differs, leaves it alone (no new version, no
 * event). The whole document is checked before anything is written, and one problem anywhere rejects it all, so a
 * directory is never half-imported. Parents and predecessors are named by code and may appear later in the file.
 */
@ApplicationScoped
public class AgencyImportService {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> CSV_COLUMNS = List.of(
            "code",
            "name",
            "shortName",
            "kind",
            "level",
            "parentCode",
            "sectors",
            "validFrom",
            "validTo",
            "predecessorCodes",
            "parentChangedOn");

    private final AgencyRepository agencies;
    private final AgencyParentLinkRepository links;
    private final AgencyLevelRepository levels;
    private final AgencyGroupService groups;
    private final AgencyEvents events;
    private final ObjectMapper mapper;

    public AgencyImportService(
            AgencyRepository agencies,
            AgencyParentLinkRepository links,
            AgencyLevelRepository levels,
            AgencyGroupService groups,
            AgencyEvents events,
            ObjectMapper mapper) {
        this.agencies = agencies;
        this.links = links;
        this.levels = levels;
        this.groups = groups;
        this.events = events;
        this.mapper = mapper;
    }

    /**
     * Imports a JSON document: an array of agency rows, or an object {@code {"agencies": [...], "groups": [...]}}.
     */
    @Transactional
    public AgencyImportReport importJson(JsonNode document, boolean dryRun) {
        List<ImportProblem> problems = new ArrayList<>();
        JsonNode rowsNode;
        JsonNode groupsNode = null;
        if (document == null || document.isNull()) {
            problems.add(
                    new ImportProblem("$", "", "an array of agencies or {\"agencies\": [...], \"groups\": [...]}"));
            rowsNode = mapper.createArrayNode();
        } else if (document.isArray()) {
            rowsNode = document;
        } else if (document.isObject()) {
            Set<String> known = Set.of("agencies", "groups");
            document.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    problems.add(new ImportProblem("$", name, "unknown field; expected agencies and groups"));
                }
            });
            rowsNode = document.path("agencies").isArray() ? document.get("agencies") : mapper.createArrayNode();
            groupsNode = document.get("groups");
            if (groupsNode != null && !groupsNode.isArray()) {
                problems.add(new ImportProblem("$", "groups", "must be an array"));
                groupsNode = null;
            }
        } else {
            problems.add(
                    new ImportProblem("$", "", "an array of agencies or {\"agencies\": [...], \"groups\": [...]}"));
            rowsNode = mapper.createArrayNode();
        }
        List<AgencyImportRow> rows = new ArrayList<>();
        for (int i = 0; i < rowsNode.size(); i++) {
            rows.add(convert(rowsNode.get(i), AgencyImportRow.class, "rows[" + (i + 1) + "]", problems));
        }
        List<GroupImportRow> groupRows = new ArrayList<>();
        if (groupsNode != null) {
            for (int i = 0; i < groupsNode.size(); i++) {
                groupRows.add(convert(groupsNode.get(i), GroupImportRow.class, "groups[" + (i + 1) + "]", problems));
            }
        }
        return run(rows, groupRows, problems, dryRun);
    }

    /**
     * Imports a CSV directory with a header row naming the columns (any order): code, name, shortName, kind, level,
     * parentCode, sectors, validFrom, validTo, predecessorCodes, parentChangedOn. Lists are separated by ';'.
     */
    @Transactional
    public AgencyImportReport importCsv(String text, boolean dryRun) {
        List<ImportProblem> problems = new ArrayList<>();
        List<List<String>> records = Csv.parse(text == null ? "" : text);
        List<AgencyImportRow> rows = new ArrayList<>();
        if (records.isEmpty()) {
            problems.add(new ImportProblem("$", "", "empty CSV; the first line names the columns"));
            return run(rows, List.of(), problems, dryRun);
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String column : header) {
            if (!CSV_COLUMNS.contains(column)) {
                problems.add(new ImportProblem("header", column, "unknown column; allowed: " + CSV_COLUMNS));
            }
        }
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            String path = "rows[" + r + "]";
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < record.size(); c++) {
                String value = record.get(c).strip();
                cells.put(header.get(c), value.isEmpty() ? null : value);
            }
            if (record.size() > header.size()) {
                problems.add(new ImportProblem(path, "", "more cells than columns (" + record.size() + ")"));
            }
            rows.add(new AgencyImportRow(
                    cells.get("code"),
                    cells.get("name"),
                    cells.get("shortName"),
                    cells.get("kind"),
                    cells.get("level"),
                    cells.get("parentCode"),
                    list(cells.get("sectors")),
                    date(cells.get("validFrom"), path, "validFrom", problems),
                    date(cells.get("validTo"), path, "validTo", problems),
                    list(cells.get("predecessorCodes")),
                    date(cells.get("parentChangedOn"), path, "parentChangedOn", problems)));
        }
        return run(rows, List.of(), problems, dryRun);
    }

    /** The state a row leads to, worked out before anything is written. */
    private static final class Planned {
        final int row;
        final AgencyImportRow src;
        final Agency existing;
        UUID id;
        AgencyKind kind;
        UUID parentId;
        List<UUID> predecessorIds = List.of();
        List<ParentPeriod> oldPeriods = List.of();
        List<ParentPeriod> periods = List.of();
        String outcome;
        boolean rejected;

        Planned(int row, AgencyImportRow src, Agency existing) {
            this.row = row;
            this.src = src;
            this.existing = existing;
        }

        String path() {
            return "rows[" + row + "]";
        }
    }

    private AgencyImportReport run(
            List<AgencyImportRow> rows, List<GroupImportRow> groupRows, List<ImportProblem> problems, boolean dryRun) {
        long started = System.nanoTime();
        Set<String> referenced = new HashSet<>();
        for (AgencyImportRow r : rows) {
            if (r == null) {
                continue;
            }
            addIfPresent(referenced, r.code());
            addIfPresent(referenced, r.parentCode());
            if (r.predecessorCodes() != null) {
                r.predecessorCodes().forEach(c -> addIfPresent(referenced, c));
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
        Set<String> levelCodes = new HashSet<>();
        levels.listAll().forEach((AgencyLevel l) -> levelCodes.add(l.code));

        Map<String, Planned> byCode = new LinkedHashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AgencyImportRow src = rows.get(i);
            if (src == null) {
                continue;
            }
            Planned p = new Planned(i + 1, src, src.code() == null ? null : known.get(src.code()));
            planned.add(p);
            checkFields(p, levelCodes, problems);
            if (src.code() != null) {
                if (byCode.containsKey(src.code())) {
                    reject(p, problems, "code", "duplicate of row " + byCode.get(src.code()).row);
                } else {
                    byCode.put(src.code(), p);
                }
            }
            p.id = p.existing != null ? p.existing.id : UUID.randomUUID();
        }

        Map<UUID, LocalDate[]> validities = new HashMap<>();
        for (Agency a : known.values()) {
            validities.put(a.id, new LocalDate[] {a.validFrom, a.validTo});
        }
        for (Planned p : planned) {
            if (p.src.validFrom() != null) {
                validities.put(p.id, new LocalDate[] {p.src.validFrom(), p.src.validTo()});
            }
        }
        Map<UUID, List<ParentPeriod>> stored = new HashMap<>();
        for (AgencyParentLink l : links.ofAgencies(planned.stream()
                .filter(p -> p.existing != null)
                .map(p -> p.existing.id)
                .toList())) {
            stored.computeIfAbsent(l.agencyId, k -> new ArrayList<>())
                    .add(new ParentPeriod(l.parentId, l.validFrom, l.validTo));
        }
        for (Planned p : planned) {
            boolean valid = !p.rejected;
            resolveReferences(p, byCode, known, problems);
            if (valid && !p.rejected) {
                planPeriods(p, stored, problems);
            }
        }
        for (Planned p : planned) {
            if (!p.rejected) {
                checkParents(p, validities, problems);
            }
        }
        checkCycles(planned, problems);
        checkOrphans(planned, byCode, problems);
        List<GroupPlan> groupPlans = planGroups(groupRows, byCode, known, levelCodes, problems);

        for (Planned p : planned) {
            if (!p.rejected) {
                p.outcome = outcome(p);
            }
        }
        int rejected = (int) planned.stream().filter(p -> p.rejected).count();
        if (!problems.isEmpty() && !dryRun) {
            throw new ImportRejectedException("agency import", problems);
        }
        int[] groupCounts = new int[3];
        if (!dryRun) {
            write(planned);
            for (GroupPlan g : groupPlans) {
                String outcome = groups.upsert(g.code, g.name, g.kinds, g.levels, g.ancestorId, g.agencyIds);
                groupCounts[
                        switch (outcome) {
                            case "CREATED" -> 0;
                            case "UPDATED" -> 1;
                            default -> 2;
                        }]++;
            }
        }
        List<AgencyImportReport.Row> report = planned.stream()
                .map(p -> new AgencyImportReport.Row(
                        p.row,
                        p.src.code(),
                        p.rejected ? "REJECTED" : p.outcome,
                        p.rejected || (dryRun && p.existing == null) ? null : p.id))
                .toList();
        AgencyImportReport result = new AgencyImportReport(
                dryRun,
                count(planned, "CREATED"),
                count(planned, "UPDATED"),
                count(planned, "UNCHANGED"),
                rejected,
                groupCounts[0],
                groupCounts[1],
                groupCounts[2],
                report,
                List.copyOf(problems));
        Log.infof(
                "agency import%s: %d created, %d updated, %d unchanged, %d groups in %d ms",
                dryRun ? " (dry run)" : "",
                result.created(),
                result.updated(),
                result.unchanged(),
                groupPlans.size(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private void checkFields(Planned p, Set<String> levelCodes, List<ImportProblem> problems) {
        AgencyImportRow r = p.src;
        if (r.code() == null || r.code().isBlank()) {
            reject(p, problems, "code", "required");
        } else if (!CODE.matcher(r.code()).matches()) {
            reject(p, problems, "code", "1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (r.name() == null || r.name().isBlank()) {
            reject(p, problems, "name", "required");
        } else if (r.name().length() > 500) {
            reject(p, problems, "name", "at most 500 characters");
        }
        if (r.shortName() != null && r.shortName().length() > 100) {
            reject(p, problems, "shortName", "at most 100 characters");
        }
        if (r.kind() == null || r.kind().isBlank()) {
            reject(p, problems, "kind", "required; one of " + Arrays.toString(AgencyKind.values()));
        } else {
            try {
                p.kind = AgencyKind.valueOf(r.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                reject(
                        p,
                        problems,
                        "kind",
                        "unknown kind '" + r.kind() + "'; one of " + Arrays.toString(AgencyKind.values()));
            }
        }
        if (r.level() == null || r.level().isBlank()) {
            reject(p, problems, "level", "required");
        } else if (!levelCodes.contains(r.level())) {
            reject(p, problems, "level", "unknown level '" + r.level() + "'; see GET /api/agency-levels");
        }
        if (r.validFrom() == null) {
            reject(p, problems, "validFrom", "required");
        } else if (r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            reject(p, problems, "validTo", "must not be before validFrom");
        } else if (r.parentChangedOn() != null
                && (r.parentChangedOn().isBefore(r.validFrom())
                        || (r.validTo() != null && r.parentChangedOn().isAfter(r.validTo())))) {
            reject(p, problems, "parentChangedOn", "must be within validFrom..validTo");
        }
        if (r.code() != null && r.code().equals(r.parentCode())) {
            reject(p, problems, "parentCode", "an agency cannot be its own parent");
        }
    }

    private void resolveReferences(
            Planned p, Map<String, Planned> byCode, Map<String, Agency> known, List<ImportProblem> problems) {
        AgencyImportRow r = p.src;
        if (r.parentCode() != null && !r.parentCode().equals(r.code())) {
            p.parentId = idOf(r.parentCode(), byCode, known);
            if (p.parentId == null) {
                reject(p, problems, "parentCode", "no agency with code '" + r.parentCode() + "' here or in the file");
            }
        }
        List<UUID> predecessors = new ArrayList<>();
        List<String> codes = r.predecessorCodes() == null ? List.of() : r.predecessorCodes();
        for (int i = 0; i < codes.size(); i++) {
            UUID id = idOf(codes.get(i), byCode, known);
            if (id == null) {
                reject(p, problems, "predecessorCodes[" + i + "]", "no agency with code '" + codes.get(i) + "'");
            } else {
                predecessors.add(id);
            }
        }
        p.predecessorIds = List.copyOf(predecessors);
    }

    private void planPeriods(Planned p, Map<UUID, List<ParentPeriod>> stored, List<ImportProblem> problems) {
        AgencyImportRow r = p.src;
        if (p.existing == null) {
            p.periods = List.of(new ParentPeriod(p.parentId, r.validFrom(), r.validTo()));
            return;
        }
        p.oldPeriods = ParentHistory.sorted(stored.getOrDefault(p.existing.id, List.of()));
        List<ParentPeriod> periods = p.oldPeriods;
        UUID lastParent =
                periods.isEmpty() ? null : periods.get(periods.size() - 1).parentId();
        if (r.parentChangedOn() != null) {
            periods = ParentHistory.moveFrom(periods, p.parentId, r.parentChangedOn(), r.validTo());
        } else if (!Objects.equals(p.parentId, lastParent)) {
            if (periods.size() > 1) {
                reject(
                        p,
                        problems,
                        "parentChangedOn",
                        "the agency has moved before; give the day it moves under '" + r.parentCode() + "'");
                return;
            }
            periods = List.of(new ParentPeriod(p.parentId, r.validFrom(), r.validTo()));
        }
        p.periods = ParentHistory.fit(periods, r.validFrom(), r.validTo(), p.parentId);
    }

    private void checkParents(Planned p, Map<UUID, LocalDate[]> validities, List<ImportProblem> problems) {
        for (ParentPeriod period : p.periods) {
            if (period.parentId() == null) {
                continue;
            }
            LocalDate[] parentValidity = validities.computeIfAbsent(period.parentId(), this::storedValidity);
            if (parentValidity == null) {
                reject(p, problems, "parentCode", "parent " + period.parentId() + " is not in the directory");
                continue;
            }
            boolean coversStart = !parentValidity[0].isAfter(period.from());
            boolean coversEnd = parentValidity[1] == null
                    || (period.to() != null && !period.to().isAfter(parentValidity[1]));
            if (!coversStart || !coversEnd) {
                reject(
                        p,
                        problems,
                        "parentCode",
                        "the parent is valid " + parentValidity[0] + ".."
                                + (parentValidity[1] == null ? "" : parentValidity[1])
                                + ", which does not cover " + period.from() + ".."
                                + (period.to() == null ? "" : period.to()));
            }
        }
    }

    /**
     * Rejects rows that would make an agency its own ancestor: on every day a new parent period starts, the
     * hierarchy as stored, with the file's rows applied, must have no cycle through a row of the file.
     */
    private void checkCycles(List<Planned> planned, List<ImportProblem> problems) {
        Set<LocalDate> dates = new TreeSet<>();
        for (Planned p : planned) {
            if (!p.rejected && !p.periods.equals(p.oldPeriods)) {
                p.periods.stream()
                        .filter(period -> period.parentId() != null)
                        .forEach(period -> dates.add(period.from()));
            }
        }
        for (LocalDate date : dates) {
            Map<UUID, UUID> parentOf = new HashMap<>();
            for (AgencyParentLink link : links.validOn(date)) {
                if (link.parentId != null) {
                    parentOf.put(link.agencyId, link.parentId);
                }
            }
            HierarchySnapshot snapshot = new HierarchySnapshot(parentOf);
            for (Planned p : planned) {
                if (!p.rejected) {
                    snapshot.setParent(
                            p.id, ParentHistory.parentOn(p.periods, date).orElse(null));
                }
            }
            for (Planned p : planned) {
                if (!p.rejected && ParentHistory.parentOn(p.periods, date).isPresent() && snapshot.inCycle(p.id)) {
                    reject(
                            p,
                            problems,
                            "parentCode",
                            "cycle on " + date + ": '" + p.src.parentCode() + "' is below '" + p.src.code() + "'");
                }
            }
        }
    }

    /** An existing agency whose validity now ends earlier must not leave stored children without a parent. */
    private void checkOrphans(List<Planned> planned, Map<String, Planned> byCode, List<ImportProblem> problems) {
        Map<UUID, Planned> byId = new HashMap<>();
        byCode.values().forEach(p -> byId.put(p.id, p));
        for (Planned p : planned) {
            if (p.rejected || p.existing == null || p.src.validTo() == null) {
                continue;
            }
            if (p.existing.validTo != null && !p.existing.validTo.isAfter(p.src.validTo())) {
                continue;
            }
            LocalDate end = p.src.validTo();
            for (UUID child : links.childrenAfter(p.id, end)) {
                Planned inFile = byId.get(child);
                boolean stillUnder = inFile == null
                        || inFile.periods.stream()
                                .anyMatch(period -> p.id.equals(period.parentId())
                                        && (period.to() == null || period.to().isAfter(end)));
                if (stillUnder) {
                    reject(
                            p,
                            problems,
                            "validTo",
                            "agency " + child + " is still under this one after " + end + "; move it first");
                }
            }
        }
    }

    /** A group row resolved to ids. */
    private record GroupPlan(
            String code, String name, List<String> kinds, List<String> levels, UUID ancestorId, List<UUID> agencyIds) {}

    private List<GroupPlan> planGroups(
            List<GroupImportRow> groupRows,
            Map<String, Planned> byCode,
            Map<String, Agency> known,
            Set<String> levelCodes,
            List<ImportProblem> problems) {
        List<GroupPlan> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < groupRows.size(); i++) {
            GroupImportRow g = groupRows.get(i);
            if (g == null) {
                continue;
            }
            String path = "groups[" + (i + 1) + "]";
            int before = problems.size();
            if (g.code() == null || !CODE.matcher(g.code()).matches()) {
                problems.add(new ImportProblem(path, "code", "required: 1 to 64 letters, digits, '.', '_' or '-'"));
            } else if (!seen.add(g.code())) {
                problems.add(new ImportProblem(path, "code", "duplicate group code '" + g.code() + "'"));
            }
            if (g.name() == null || g.name().isBlank()) {
                problems.add(new ImportProblem(path, "name", "required"));
            }
            List<String> kinds = g.kinds() == null
                    ? List.of()
                    : g.kinds().stream().distinct().toList();
            for (String kind : kinds) {
                if (Arrays.stream(AgencyKind.values()).noneMatch(k -> k.name().equals(kind))) {
                    problems.add(new ImportProblem(path, "kinds", "unknown kind '" + kind + "'"));
                }
            }
            List<String> groupLevels = g.levels() == null
                    ? List.of()
                    : g.levels().stream().distinct().toList();
            for (String level : groupLevels) {
                if (!levelCodes.contains(level)) {
                    problems.add(new ImportProblem(path, "levels", "unknown level '" + level + "'"));
                }
            }
            UUID ancestorId = null;
            if (g.ancestorCode() != null) {
                ancestorId = idOf(g.ancestorCode(), byCode, known);
                if (ancestorId == null) {
                    problems.add(
                            new ImportProblem(path, "ancestorCode", "no agency with code '" + g.ancestorCode() + "'"));
                }
            }
            List<UUID> ids = new ArrayList<>();
            List<String> codes = g.agencyCodes() == null ? List.of() : g.agencyCodes();
            for (int j = 0; j < codes.size(); j++) {
                UUID id = idOf(codes.get(j), byCode, known);
                if (id == null) {
                    problems.add(new ImportProblem(
                            path, "agencyCodes[" + j + "]", "no agency with code '" + codes.get(j) + "'"));
                } else if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            if (kinds.isEmpty() && groupLevels.isEmpty() && g.ancestorCode() == null && codes.isEmpty()) {
                problems.add(new ImportProblem(
                        path, "kinds", "a group needs kinds, levels, an ancestor or explicit agencies; none given"));
            }
            if (problems.size() == before) {
                result.add(new GroupPlan(g.code(), g.name(), kinds, groupLevels, ancestorId, List.copyOf(ids)));
            }
        }
        return result;
    }

    private String outcome(Planned p) {
        if (p.existing == null) {
            return "CREATED";
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
                && p.periods.equals(p.oldPeriods);
        return same ? "UNCHANGED" : "UPDATED";
    }

    private void write(List<Planned> planned) {
        Instant now = Instant.now();
        links.deleteOfAgencies(planned.stream()
                .filter(p -> "UPDATED".equals(p.outcome) && !p.periods.equals(p.oldPeriods))
                .map(p -> p.id)
                .toList());
        List<Planned> changed = planned.stream()
                .filter(p -> "CREATED".equals(p.outcome) || "UPDATED".equals(p.outcome))
                .toList();
        for (Planned p : changed) {
            Agency agency = p.existing;
            if (agency == null) {
                agency = new Agency();
                agency.id = p.id;
                agency.code = p.src.code();
                agency.createdAt = now;
            }
            agency.name = p.src.name().strip();
            agency.nameFolded = VietnameseText.fold(agency.name);
            agency.shortName = p.src.shortName();
            agency.kind = p.kind;
            agency.level = p.src.level();
            agency.sectors = p.src.sectors() == null ? new ArrayList<>() : new ArrayList<>(p.src.sectors());
            agency.validFrom = p.src.validFrom();
            agency.validTo = p.src.validTo();
            agency.predecessorIds = new ArrayList<>(p.predecessorIds);
            agency.updatedAt = now;
            if (p.existing == null) {
                agencies.persist(agency);
            }
        }
        for (Planned p : changed) {
            if (!p.periods.equals(p.oldPeriods)) {
                for (ParentPeriod period : p.periods) {
                    links.persist(AgencyParentLink.of(p.id, period.parentId(), period.from(), period.to()));
                }
            }
        }
        agencies.flush();
        for (Planned p : changed) {
            events.agencyUpserted(agencies.findById(p.id), p.periods);
        }
    }

    private static UUID idOf(String code, Map<String, Planned> byCode, Map<String, Agency> known) {
        Planned inFile = byCode.get(code);
        if (inFile != null) {
            return inFile.rejected && inFile.existing == null ? null : inFile.id;
        }
        Agency agency = known.get(code);
        return agency == null ? null : agency.id;
    }

    private LocalDate[] storedValidity(UUID id) {
        return agencies.findByIdOptional(id)
                .map(a -> new LocalDate[] {a.validFrom, a.validTo})
                .orElse(null);
    }

    private <T> T convert(JsonNode node, Class<T> type, String path, List<ImportProblem> problems) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            problems.add(new ImportProblem(path, field, e.getOriginalMessage()));
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(new ImportProblem(path, "", e.getOriginalMessage()));
            return null;
        }
    }

    private static void reject(Planned p, List<ImportProblem> problems, String field, String message) {
        p.rejected = true;
        problems.add(new ImportProblem(p.path(), field, message));
    }

    private static int count(List<Planned> planned, String outcome) {
        return (int) planned.stream().filter(p -> outcome.equals(p.outcome)).count();
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    private static List<String> list(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static LocalDate date(String cell, String path, String field, List<ImportProblem> problems) {
        if (cell == null) {
            return null;
        }
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(path, field, "'" + cell + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
