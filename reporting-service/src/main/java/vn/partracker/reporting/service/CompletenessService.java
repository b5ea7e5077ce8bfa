package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.api.CompletenessReport;
import vn.partracker.reporting.api.CompletenessReport.AgencyStatus;
import vn.partracker.reporting.domain.hierarchy.AgencyNode;
import vn.partracker.reporting.domain.hierarchy.GroupRule;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.domain.regime.ExpectedAgency;
import vn.partracker.reporting.domain.regime.ReportRegime;
import vn.partracker.reporting.domain.window.Deadline;
import vn.partracker.reporting.domain.window.ReportingWindow;
import vn.partracker.reporting.domain.window.ReportingWindowCalculator;
import vn.partracker.reporting.repository.AgencyReplicaRepository;
import vn.partracker.reporting.repository.IndicatorReplicaRepository;
import vn.partracker.reporting.repository.IndicatorReplicaRepository.IndicatorRow;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.Submission;
import vn.partracker.support.problem.ValidationException;

/**
 * Completeness (submitted / expected) and timeliness (on time / expected) of a regime's reports for a period.
 *
 * <p>Expected reporters are the regime's effective-dated assignments valid on the last day of the period's window,
 * expanded to the agencies that exist on that day (groups with the shared membership rule), inside the subtree asked
 * about. An agency that stopped existing before that day is not expected, and only expected agencies count as
 * submitted, so both rates stay within 0–100 %. An agency has submitted when it has at least one current figure
 * (submitted or approved, not returned) for the period of one of the regime's indicators; it is on time when its
 * earliest such submission falls, in Vietnamese local time, on or before the deadline of its level.
 */
@ApplicationScoped
public class CompletenessService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReportingContext context;
    private final ReportRegimeService regimes;
    private final AgencyReplicaRepository agencies;
    private final IndicatorReplicaRepository indicators;
    private final MeasurementReplicaRepository measurements;

    public CompletenessService(
            ReportingContext context,
            ReportRegimeService regimes,
            AgencyReplicaRepository agencies,
            IndicatorReplicaRepository indicators,
            MeasurementReplicaRepository measurements) {
        this.context = context;
        this.regimes = regimes;
        this.agencies = agencies;
        this.indicators = indicators;
        this.measurements = measurements;
    }

    /** The completeness report of a regime, period and agency subtree. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CompletenessReport report(UUID regimeId, String periodCode, UUID agencyId) {
        Period period = ReportingContext.requirePeriod(periodCode, regimeId, "regimeId", agencyId);
        ReportRegime regime = regimes.find(regimeId);
        requireFrequency(regime, period);
        Map<String, Long> position = context.eventPosition();
        ReportingWindow window = ReportingWindowCalculator.window(regime.rule, period);
        Hierarchy hierarchy = context.hierarchyOn(window.to());
        context.requireAgency(hierarchy, agencyId);
        return report(regime, window, hierarchy, agencyId, position);
    }

    /** Rejects a period whose frequency is not the regime's (a quarterly regime has no report for 2024-03). */
    static void requireFrequency(ReportRegime regime, Period period) {
        if (period.frequency() != regime.frequency) {
            throw new ValidationException(
                    "period",
                    "the regime reports " + regime.frequency + " but " + period + " is " + period.frequency());
        }
    }

    /** The report with a given window, hierarchy and event position. */
    CompletenessReport report(
            ReportRegime regime, ReportingWindow window, Hierarchy hierarchy, UUID root, Map<String, Long> position) {
        Set<UUID> subtree = hierarchy.subtreeBranches(root).keySet();
        Set<UUID> expected = new LinkedHashSet<>();
        for (UUID id : expectedOn(regime, hierarchy)) {
            if (subtree.contains(id)) {
                expected.add(id);
            }
        }
        List<UUID> indicatorIds = indicators.find(regimes.planIdsOf(regime), regime.indicatorIds).stream()
                .map(IndicatorRow::id)
                .toList();
        Map<UUID, Instant> submissions = new HashMap<>();
        if (!expected.isEmpty() && !indicatorIds.isEmpty()) {
            for (Submission s : measurements.firstSubmissions(window.period().code(), indicatorIds, expected)) {
                submissions.put(s.agencyId(), s.firstSubmittedAt());
            }
        }
        int onTime = 0;
        List<AgencyStatus> late = new ArrayList<>();
        List<AgencyStatus> missing = new ArrayList<>();
        for (UUID id : expected) {
            AgencyNode agency = hierarchy.agency(id).orElseThrow();
            LocalDate deadline =
                    Deadline.submissionDeadline(window, ReportRegimeService.offsetFor(regime, agency.level()));
            Instant submittedAt = submissions.get(id);
            AgencyStatus status =
                    new AgencyStatus(id, agency.code(), agency.name(), agency.level(), deadline, submittedAt);
            if (submittedAt == null) {
                missing.add(status);
            } else if (Deadline.onTime(submittedAt, deadline, Deadline.REPORTING_ZONE)) {
                onTime++;
            } else {
                late.add(status);
            }
        }
        int submitted = onTime + late.size();
        return new CompletenessReport(
                regime.id,
                window.period().code(),
                root,
                window.from(),
                window.to(),
                Instant.now(),
                position,
                expected.size(),
                submitted,
                onTime,
                late.size(),
                missing.size(),
                rate(submitted, expected.size()),
                rate(onTime, expected.size()),
                late,
                missing);
    }

    /** The agencies the regime expects a report from on the hierarchy's date. */
    Set<UUID> expectedOn(ReportRegime regime, Hierarchy hierarchy) {
        List<UUID> agencyIds = new ArrayList<>();
        List<String> agencyCodes = new ArrayList<>();
        List<UUID> groupIds = new ArrayList<>();
        List<String> groupCodes = new ArrayList<>();
        for (ExpectedAgency e : regimes.expectationsOf(regime.id)) {
            if (!e.validOn(hierarchy.date())) {
                continue;
            }
            if (e.agencyId != null) {
                agencyIds.add(e.agencyId);
            } else if (e.agencyCode != null) {
                agencyCodes.add(e.agencyCode);
            } else if (e.groupId != null) {
                groupIds.add(e.groupId);
            } else if (e.groupCode != null) {
                groupCodes.add(e.groupCode);
            }
        }
        if (!agencyCodes.isEmpty()) {
            agencyIds.addAll(agencies.idsByCodes(agencyCodes));
        }
        List<GroupRule> groups = agencies.groups(groupIds, groupCodes);
        return hierarchy.expand(agencyIds, groups);
    }

    private static BigDecimal rate(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
