package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.partracker.plans.api.GroupImportRow;
import vn.partracker.plans.api.GroupRequest;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.plans.domain.AgencyKind;

/**
 * Checks the {@code groups} section of an agency import and resolves the agency codes it names, against the rows
 * of the same file first, so a directory and the groups built on it arrive together.
 */
@ApplicationScoped
public class GroupImportPlanner {

    private static final List<String> FIELDS = List.of("code", "name", "kinds", "levels", "ancestorId", "agencyIds");

    private final ImportRowValidator rowValidator;

    public GroupImportPlanner(ImportRowValidator rowValidator) {
        this.rowValidator = rowValidator;
    }

    /** A group row resolved to ids, ready for {@code AgencyGroupService.upsert}. */
    record PlannedGroup(
            String code, String name, List<String> kinds, List<String> levels, UUID ancestorId, List<UUID> agencyIds) {}

    /** The groups that can be written; every problem met is added to {@code problems}. */
    List<PlannedGroup> plan(
            List<GroupImportRow> rows, AgencyCodes codes, Set<String> levelCodes, List<ImportProblem> problems) {
        List<PlannedGroup> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            GroupImportRow row = rows.get(i);
            if (row != null) {
                String path = "groups[" + (i + 1) + "]";
                int before = problems.size();
                PlannedGroup planned = plan(row, path, codes, levelCodes, seen, problems);
                if (problems.size() == before) {
                    result.add(planned);
                }
            }
        }
        return result;
    }

    private PlannedGroup plan(
            GroupImportRow g,
            String path,
            AgencyCodes codes,
            Set<String> levelCodes,
            Set<String> seen,
            List<ImportProblem> problems) {
        List<String> kinds =
                g.kinds() == null ? List.of() : g.kinds().stream().distinct().toList();
        List<String> levels =
                g.levels() == null ? List.of() : g.levels().stream().distinct().toList();
        problems.addAll(
                rowValidator.check(new GroupRequest(g.code(), g.name(), null, levels, null, null), path, FIELDS));
        if (g.code() != null && !seen.add(g.code())) {
            problems.add(new ImportProblem(path, "code", "duplicate group code '" + g.code() + "'"));
        }
        for (String kind : kinds) {
            if (Arrays.stream(AgencyKind.values()).noneMatch(k -> k.name().equals(kind))) {
                problems.add(new ImportProblem(path, "kinds", "unknown kind '" + kind + "'"));
            }
        }
        for (String level : levels) {
            if (!levelCodes.contains(level)) {
                problems.add(new ImportProblem(path, "levels", "unknown level '" + level + "'"));
            }
        }
        UUID ancestorId = null;
        if (g.ancestorCode() != null) {
            ancestorId = codes.idOf(g.ancestorCode());
            if (ancestorId == null) {
                problems.add(new ImportProblem(path, "ancestorCode", "no agency with code '" + g.ancestorCode() + "'"));
            }
        }
        List<UUID> ids = new ArrayList<>();
        List<String> members = g.agencyCodes() == null ? List.of() : g.agencyCodes();
        for (int j = 0; j < members.size(); j++) {
            UUID id = codes.idOf(members.get(j));
            if (id == null) {
                problems.add(new ImportProblem(
                        path, "agencyCodes[" + j + "]", "no agency with code '" + members.get(j) + "'"));
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (kinds.isEmpty() && levels.isEmpty() && g.ancestorCode() == null && members.isEmpty()) {
            problems.add(new ImportProblem(
                    path, "kinds", "a group needs kinds, levels, an ancestor or explicit agencies; none given"));
        }
        return new PlannedGroup(g.code(), g.name(), kinds, levels, ancestorId, List.copyOf(ids));
    }
}
