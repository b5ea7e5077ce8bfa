package vn.partracker.reporting.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.api.IndicatorReportRow;
import vn.partracker.reporting.api.PeriodicReport;
import vn.partracker.reporting.api.PeriodicReport.Change;
import vn.partracker.reporting.api.PeriodicReport.Finalization;
import vn.partracker.reporting.config.ReportingConfig;
import vn.partracker.reporting.domain.hierarchy.AgencyNode;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.domain.regime.FinalizedReport;
import vn.partracker.reporting.domain.regime.ReportRegime;
import vn.partracker.reporting.domain.report.JsonDiff;
import vn.partracker.reporting.domain.window.ReportingWindow;
import vn.partracker.reporting.domain.window.ReportingWindowCalculator;
import vn.partracker.reporting.messaging.ReportEvents;
import vn.partracker.reporting.repository.FinalizedReportRepository;
import vn.partracker.reporting.repository.IndicatorReplicaRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.ForbiddenException;
import vn.partracker.support.security.Caller;

/**
 * The periodic report of a regime (indicators, tasks, completeness) and its finalization.
 *
 * <p>Finalizing stores the report as canonical JSON (keys sorted, plain decimals) with the SHA-256 of that JSON minus
 * the volatile {@code computedAsOf} and {@code eventPosition}, so recomputing the same figures gives the same hash.
 * The snapshot is never updated: reading a finalized report returns the snapshot and lists what the live figures
 * say differently, so later submissions are visible and never silently change what was reported.
 *
 * <p>Only the report's own agency finalizes it (an evaluator of that agency, or of an agency above it with a subtree
 * token; an admin for every agency), and the token's subject is recorded as the one who finalized.
 */
@ApplicationScoped
public class PeriodicReportService {

    private static final Set<String> VOLATILE = Set.of("computedAsOf", "eventPosition", "finalization");

    private final ReportingContext context;
    private final ReportRegimeService regimes;
    private final IndicatorReportService indicatorReports;
    private final TaskReportService taskReports;
    private final CompletenessService completeness;
    private final IndicatorReplicaRepository indicators;
    private final FinalizedReportRepository finalized;
    private final ReportEvents events;
    private final Caller caller;
    private final AuditTrail auditTrail;
    private final ObjectMapper canonical;
    private final int maxChanges;

    public PeriodicReportService(
            ReportingContext context,
            ReportRegimeService regimes,
            IndicatorReportService indicatorReports,
            TaskReportService taskReports,
            CompletenessService completeness,
            IndicatorReplicaRepository indicators,
            FinalizedReportRepository finalized,
            ReportEvents events,
            Caller caller,
            AuditTrail auditTrail,
            ObjectMapper mapper,
            ReportingConfig config) {
        this.context = context;
        this.regimes = regimes;
        this.indicatorReports = indicatorReports;
        this.taskReports = taskReports;
        this.completeness = completeness;
        this.indicators = indicators;
        this.finalized = finalized;
        this.events = events;
        this.caller = caller;
        this.auditTrail = auditTrail;
        this.canonical = mapper.copy()
                .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.INDENT_OUTPUT, false)
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        this.maxChanges = config.maxChanges();
    }

    /**
     * The report: the snapshot with its differences from the live figures when finalized, the live report
     * otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PeriodicReport report(UUID regimeId, String periodCode, UUID agencyId) {
        Period period = ReportingContext.requirePeriod(periodCode, regimeId, "regimeId", agencyId);
        ReportRegime regime = regimes.find(regimeId);
        CompletenessService.requireFrequency(regime, period);
        PeriodicReport live = live(regime, period, agencyId);
        return finalized
                .find(regimeId, period.code(), agencyId)
                .map(snapshot -> withChanges(snapshot, live))
                .orElse(live);
    }

    /**
     * Freezes the report: stores the snapshot and its hash and publishes {@code partracker.report.finalized}
     * through the outbox in the same transaction, with the token's subject as the one who finalized it.
     *
     * <p>The report is of the agency {@code agencyId} (the root of its subtree), looked up in the agency replica on
     * the last day of the period's cut-off window; the caller's token must be of that agency (or, with a subtree
     * scope, of one of its ancestors on that day). The check runs before anything is written.
     *
     * @throws ForbiddenException when the caller may not act for the report's agency
     * @throws ConflictException when the report was already finalized
     */
    @Transactional
    public PeriodicReport finalizeReport(UUID regimeId, String periodCode, UUID agencyId) {
        Period period = ReportingContext.requirePeriod(periodCode, regimeId, "regimeId", agencyId);
        ReportRegime regime = regimes.find(regimeId);
        CompletenessService.requireFrequency(regime, period);
        Hierarchy hierarchy = context.hierarchyOn(
                ReportingWindowCalculator.window(regime.rule, period).to());
        AgencyNode agency = context.requireAgency(hierarchy, agencyId);
        caller.requireActingFor(agency.code(), () -> ancestorCodes(hierarchy, agencyId));
        finalized.lockFinalization(regimeId, period.code(), agencyId);
        if (finalized.find(regimeId, period.code(), agencyId).isPresent()) {
            throw new ConflictException("the report of regime " + regime.code + " for " + period + " and agency "
                    + agencyId + " is already finalized");
        }
        PeriodicReport live = live(regime, period, agencyId);
        FinalizedReport snapshot = new FinalizedReport();
        snapshot.id = TimeOrderedIds.next();
        snapshot.regimeId = regimeId;
        snapshot.period = period.code();
        snapshot.agencyId = agencyId;
        snapshot.content = write(live);
        snapshot.contentHash = hash(live);
        snapshot.finalizedAt = Instant.now();
        snapshot.finalizedBy = caller.subject();
        finalized.persist(snapshot);
        events.finalized(snapshot);
        auditTrail.record(
                "report.finalized",
                "FinalizedReport",
                snapshot.id,
                null,
                new FinalizationSummary(
                        snapshot.id,
                        regime.id,
                        regime.code,
                        snapshot.period,
                        agency.id(),
                        agency.code(),
                        snapshot.contentHash,
                        snapshot.finalizedBy,
                        snapshot.finalizedAt));
        Log.infof(
                "report %s of regime %s, %s, agency %s finalized by %s with hash %s",
                snapshot.id, regime.code, period, agencyId, snapshot.finalizedBy, snapshot.contentHash);
        return live.withFinalization(finalization(snapshot, List.of()));
    }

    /** What the audit trail keeps of a finalization (the snapshot itself is in {@code finalized_report}). */
    public record FinalizationSummary(
            UUID reportId,
            UUID regimeId,
            String regimeCode,
            String period,
            UUID agencyId,
            String agencyCode,
            String contentHash,
            String finalizedBy,
            Instant finalizedAt) {}

    /** The codes of the agency's ancestors in the hierarchy, parent first. */
    private static List<String> ancestorCodes(Hierarchy hierarchy, UUID agencyId) {
        return hierarchy.ancestors(agencyId).stream()
                .map(hierarchy::agency)
                .flatMap(Optional::stream)
                .map(AgencyNode::code)
                .toList();
    }

    private PeriodicReport live(ReportRegime regime, Period period, UUID agencyId) {
        Map<String, Long> position = context.eventPosition();
        ReportingWindow window = ReportingWindowCalculator.window(regime.rule, period);
        Hierarchy hierarchy = context.hierarchyOn(window.to());
        AgencyNode agency = context.requireAgency(hierarchy, agencyId);
        Set<UUID> planIds = regimes.planIdsOf(regime);
        List<IndicatorReportRow> rows = indicatorReports.rows(
                IndicatorReportService.forPeriod(indicators.find(planIds, regime.indicatorIds), period),
                period,
                hierarchy,
                agencyId);
        return new PeriodicReport(
                regime.id,
                regime.code,
                regime.name,
                regime.legalBasis,
                period.code(),
                window.from(),
                window.to(),
                agencyId,
                agency.name(),
                Instant.now(),
                position,
                rows,
                taskReports.report(
                        planIds,
                        planIds.size() == 1 ? planIds.iterator().next() : null,
                        hierarchy,
                        agencyId,
                        window.to(),
                        position),
                completeness.report(regime, window, hierarchy, agencyId, position),
                null);
    }

    private PeriodicReport withChanges(FinalizedReport snapshot, PeriodicReport live) {
        PeriodicReport frozen = read(snapshot.content);
        List<Change> changes = new ArrayList<>();
        for (JsonDiff.Difference d :
                JsonDiff.diff(canonical.valueToTree(frozen), canonical.valueToTree(live), VOLATILE, maxChanges)) {
            changes.add(new Change(d.path(), plain(d.before()), plain(d.after())));
        }
        return frozen.withFinalization(finalization(snapshot, changes));
    }

    private static Finalization finalization(FinalizedReport snapshot, List<Change> changes) {
        return new Finalization(
                snapshot.id,
                snapshot.finalizedAt,
                snapshot.finalizedBy,
                snapshot.contentHash,
                !changes.isEmpty(),
                changes);
    }

    /** The hash of a report's content: canonical JSON without the volatile fields. */
    String hash(PeriodicReport report) {
        ObjectNode tree = canonical.valueToTree(report);
        strip(tree);
        try {
            return IdempotencyKeys.sha256(canonical.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(VOLATILE);
        }
        node.elements().forEachRemaining(PeriodicReportService::strip);
    }

    private String write(PeriodicReport report) {
        try {
            return canonical.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be written as JSON", e);
        }
    }

    private PeriodicReport read(String json) {
        try {
            return canonical.readValue(json, PeriodicReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report snapshot cannot be read", e);
        }
    }

    private Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        return canonical.convertValue(node, Object.class);
    }
}
