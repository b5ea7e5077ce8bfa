package vn.partracker.plans.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.partracker.plans.api.AgencyImportReport;
import vn.partracker.plans.api.ImportProblem;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyParentLink;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.plans.messaging.AgencyEvents;
import vn.partracker.plans.repository.AgencyParentLinkRepository;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.text.VietnameseText;

/**
 * Bulk import of the agency directory (and optionally its groups), idempotent by code: a row for a new code creates
 * the agency, a row for a known code updates it or, when nothing differs, leaves it alone (no new version, no
 * event). The whole document is read ({@link AgencyImportReader}) and planned ({@link AgencyImportPlanner}) before
 * anything is written, and one problem anywhere rejects it all, so a directory is never half-imported. Parents and
 * predecessors are named by code and may appear later in the file. An import that writes is one row of the audit
 * trail ({@code AgencyImport}, a new id) with its counts and the agencies and groups it wrote.
 */
@ApplicationScoped
public class AgencyImportService {

    private final AgencyImportReader reader;
    private final AgencyImportPlanner planner;
    private final AgencyRepository agencies;
    private final AgencyParentLinkRepository links;
    private final AgencyGroupService groups;
    private final AgencyEvents events;
    private final AuditTrail auditTrail;

    public AgencyImportService(
            AgencyImportReader reader,
            AgencyImportPlanner planner,
            AgencyRepository agencies,
            AgencyParentLinkRepository links,
            AgencyGroupService groups,
            AgencyEvents events,
            AuditTrail auditTrail) {
        this.reader = reader;
        this.planner = planner;
        this.agencies = agencies;
        this.links = links;
        this.groups = groups;
        this.events = events;
        this.auditTrail = auditTrail;
    }

    /**
     * Imports a JSON document: an array of agency rows, or an object {@code {"agencies": [...], "groups": [...]}}.
     */
    @Transactional
    public AgencyImportReport importJson(JsonNode document, boolean dryRun) {
        return run(reader.readJson(document), dryRun);
    }

    /**
     * Imports a CSV directory with a header row naming the columns (any order): code, name, shortName, kind, level,
     * parentCode, sectors, validFrom, validTo, predecessorCodes, parentChangedOn. Lists are separated by ';'.
     */
    @Transactional
    public AgencyImportReport importCsv(String text, boolean dryRun) {
        return run(reader.readCsv(text), dryRun);
    }

    private AgencyImportReport run(AgencyImportReader.Document document, boolean dryRun) {
        long started = System.nanoTime();
        List<ImportProblem> problems = new ArrayList<>(document.problems());
        AgencyImportPlanner.Plan plan = planner.plan(document.rows(), document.groups(), problems);
        if (!problems.isEmpty() && !dryRun) {
            throw new ImportRejectedException("agency import", problems);
        }
        Map<ImportOutcome, Integer> groupOutcomes = new EnumMap<>(ImportOutcome.class);
        List<String> groupsWritten = new ArrayList<>();
        if (!dryRun) {
            write(plan.agencies());
            for (GroupImportPlanner.PlannedGroup g : plan.groups()) {
                ImportOutcome outcome =
                        groups.upsert(g.code(), g.name(), g.kinds(), g.levels(), g.ancestorId(), g.agencyIds());
                groupOutcomes.merge(outcome, 1, Integer::sum);
                if (outcome.writes()) {
                    groupsWritten.add(g.code());
                }
            }
        }
        AgencyImportReport result = report(plan, groupOutcomes, problems, dryRun);
        if (!dryRun) {
            audit(plan, result, groupsWritten);
        }
        Log.infof(
                "agency import%s: %d created, %d updated, %d unchanged, %d groups in %d ms",
                dryRun ? " (dry run)" : "",
                result.created(),
                result.updated(),
                result.unchanged(),
                plan.groups().size(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    /**
     * One audit row for the whole import: its counts, the ids of the agencies it created or updated and the codes
     * of the groups it wrote (unchanged rows are counted, not listed).
     */
    private void audit(AgencyImportPlanner.Plan plan, AgencyImportReport result, List<String> groupsWritten) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", result.created());
        summary.put("updated", result.updated());
        summary.put("unchanged", result.unchanged());
        summary.put("groupsCreated", result.groupsCreated());
        summary.put("groupsUpdated", result.groupsUpdated());
        summary.put("groupsUnchanged", result.groupsUnchanged());
        summary.put(
                "agencyIds",
                plan.agencies().stream()
                        .filter(p -> p.outcome.writes())
                        .map(p -> p.id)
                        .toList());
        summary.put("groupCodes", groupsWritten);
        auditTrail.record("agency.imported", "AgencyImport", TimeOrderedIds.next(), null, summary);
    }

    /** Writes the created and updated rows, their parent histories where they changed, and one event each. */
    private void write(List<PlannedAgency> planned) {
        Instant now = Instant.now();
        links.deleteOfAgencies(planned.stream()
                .filter(p -> p.outcome == ImportOutcome.UPDATED && p.changesParents())
                .map(p -> p.id)
                .toList());
        List<PlannedAgency> changed =
                planned.stream().filter(p -> p.outcome.writes()).toList();
        for (PlannedAgency p : changed) {
            Agency agency = p.existing;
            if (agency == null) {
                agency = new Agency();
                agency.id = p.id;
                agency.code = p.src.code();
                agency.createdAt = now;
            }
            apply(agency, p, now);
            if (p.existing == null) {
                agencies.persist(agency);
            }
        }
        for (PlannedAgency p : changed) {
            if (p.changesParents()) {
                for (ParentPeriod period : p.periods) {
                    links.persist(AgencyParentLink.of(p.id, period.parentId(), period.from(), period.to()));
                }
            }
        }
        agencies.flush();
        for (PlannedAgency p : changed) {
            events.upserted(agencies.findById(p.id), p.periods);
        }
    }

    private static void apply(Agency agency, PlannedAgency p, Instant now) {
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
    }

    private static AgencyImportReport report(
            AgencyImportPlanner.Plan plan,
            Map<ImportOutcome, Integer> groupOutcomes,
            List<ImportProblem> problems,
            boolean dryRun) {
        List<AgencyImportReport.Row> rows = plan.agencies().stream()
                .map(p -> new AgencyImportReport.Row(
                        p.row,
                        p.src.code(),
                        p.outcome.name(),
                        p.rejected() || (dryRun && p.existing == null) ? null : p.id))
                .toList();
        return new AgencyImportReport(
                dryRun,
                plan.count(ImportOutcome.CREATED),
                plan.count(ImportOutcome.UPDATED),
                plan.count(ImportOutcome.UNCHANGED),
                plan.count(ImportOutcome.REJECTED),
                groupOutcomes.getOrDefault(ImportOutcome.CREATED, 0),
                groupOutcomes.getOrDefault(ImportOutcome.UPDATED, 0),
                groupOutcomes.getOrDefault(ImportOutcome.UNCHANGED, 0),
                rows,
                List.copyOf(problems));
    }
}
