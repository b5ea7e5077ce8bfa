package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.api.IndicatorReport;
import vn.partracker.reporting.api.IndicatorReportRow;
import vn.partracker.reporting.api.IndicatorReportRow.ChildRow;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.reporting.domain.hierarchy.AgencyNode;
import vn.partracker.reporting.domain.hierarchy.GroupRule;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.domain.report.IndicatorValues;
import vn.partracker.reporting.domain.window.CutoffRule;
import vn.partracker.reporting.domain.window.ReportingWindowCalculator;
import vn.partracker.reporting.repository.AgencyReplicaRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.BranchTotal;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.OwnFigures;
import vn.partracker.reporting.repository.IndicatorReplicaRepository;
import vn.partracker.reporting.repository.IndicatorReplicaRepository.IndicatorRow;
import vn.partracker.reporting.repository.PlanReplicaRepository;
import vn.partracker.support.problem.NotFoundException;

/**
 * The indicator report: per indicator, the persisted per-agency aggregates rolled up over an agency's subtree as the
 * hierarchy stood on the last day of the period's cut-off window (read from the per-ancestor roll-ups where they
 * follow that hierarchy, see {@link IndicatorRollups}).
 */
@ApplicationScoped
public class IndicatorReportService {

    private final ReportingContext context;
    private final IndicatorReplicaRepository indicators;
    private final PlanReplicaRepository plans;
    private final AgencyReplicaRepository agencies;
    private final IndicatorAggregateRepository aggregates;
    private final IndicatorRollups rollups;

    public IndicatorReportService(
            ReportingContext context,
            IndicatorReplicaRepository indicators,
            PlanReplicaRepository plans,
            AgencyReplicaRepository agencies,
            IndicatorAggregateRepository aggregates,
            IndicatorRollups rollups) {
        this.rollups = rollups;
        this.context = context;
        this.indicators = indicators;
        this.plans = plans;
        this.agencies = agencies;
        this.aggregates = aggregates;
    }

    /**
     * The report of a plan's indicators measured with the period's frequency, under the default ND09 cut-off (the
     * window decides the hierarchy date).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorReport report(UUID planId, String periodCode, UUID agencyId) {
        Period period = ReportingContext.requirePeriod(periodCode, planId, "planId", agencyId);
        Map<String, Long> position = context.eventPosition();
        List<IndicatorRow> planIndicators = indicators.find(List.of(planId), List.of());
        if (planIndicators.isEmpty() && !plans.exists(planId)) {
            throw new NotFoundException("plan", planId);
        }
        Hierarchy hierarchy = context.hierarchyOn(
                ReportingWindowCalculator.window(CutoffRule.ND09, period).to());
        context.requireAgency(hierarchy, agencyId);
        List<IndicatorReportRow> rows = rows(forPeriod(planIndicators, period), period, hierarchy, agencyId);
        return new IndicatorReport(planId, period.code(), agencyId, Instant.now(), position, rows);
    }

    /** The indicators whose figures are reported per period of this frequency (or that name no frequency). */
    static List<IndicatorRow> forPeriod(List<IndicatorRow> all, Period period) {
        return all.stream()
                .filter(i -> i.frequency() == null
                        || i.frequency().equals(period.frequency().name()))
                .toList();
    }

    /** The report rows of the indicators over {@code root}'s subtree in the given hierarchy. */
    List<IndicatorReportRow> rows(List<IndicatorRow> rowsFor, Period period, Hierarchy hierarchy, UUID root) {
        if (rowsFor.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> branches = hierarchy.subtreeBranches(root);
        List<UUID> ids = rowsFor.stream().map(IndicatorRow::id).toList();
        List<AgencyNode> children = hierarchy.children(root);
        Map<UUID, Map<UUID, BranchTotal>> totals = new HashMap<>();
        for (BranchTotal t : branchTotals(period, hierarchy, root, branches, children, ids)) {
            totals.computeIfAbsent(t.indicatorId(), k -> new HashMap<>()).put(t.branch(), t);
        }
        Set<UUID> groupIds = new HashSet<>();
        rowsFor.forEach(i -> groupIds.addAll(i.performerGroupIds()));
        Map<UUID, GroupRule> groups = new HashMap<>();
        agencies.groups(groupIds, List.of()).forEach(g -> groups.put(g.id(), g));

        Map<Performers, Integer> expectedByPerformers = new HashMap<>();
        List<IndicatorReportRow> result = new ArrayList<>();
        for (IndicatorRow indicator : rowsFor) {
            Map<UUID, BranchTotal> byBranch = totals.getOrDefault(indicator.id(), Map.of());
            int expected = expectedByPerformers.computeIfAbsent(
                    new Performers(indicator.performerAgencyIds(), indicator.performerGroupIds()),
                    p -> intersectionSize(hierarchy.expand(p.agencyIds(), p.groups(groups)), branches.keySet()));
            result.add(row(indicator, expected, byBranch.values(), children, byBranch));
        }
        return result;
    }

    /**
     * The totals per branch: a child with children of its own from its roll-ups when they follow this hierarchy,
     * the root and the other children from their own rows; every branch summed from the leaf rows otherwise.
     */
    private List<BranchTotal> branchTotals(
            Period period,
            Hierarchy hierarchy,
            UUID root,
            Map<UUID, UUID> branches,
            List<AgencyNode> children,
            List<UUID> ids) {
        List<UUID> internal = new ArrayList<>();
        List<UUID> own = new ArrayList<>(List.of(root));
        for (AgencyNode child : children) {
            (hierarchy.isInternal(child.id()) ? internal : own).add(child.id());
        }
        if (!internal.isEmpty()) {
            Optional<List<BranchTotal>> rolledUp = rollups.read(period.code(), hierarchy, ids, internal);
            if (rolledUp.isPresent()) {
                List<BranchTotal> result = new ArrayList<>(rolledUp.get());
                result.addAll(aggregates.branchTotals(period.code(), ids, own, own));
                return result;
            }
        }
        List<UUID> members = new ArrayList<>(branches.keySet());
        List<UUID> branchOf = members.stream().map(branches::get).toList();
        return aggregates.branchTotals(period.code(), ids, members, branchOf);
    }

    /**
     * The performers an indicator names. Indicators of one plan mostly name the same ones ("UBND cấp xã"), so a
     * report counts the expected agencies once per distinct performer list, not once per indicator.
     */
    private record Performers(List<UUID> agencyIds, List<UUID> groupIds) {

        List<GroupRule> groups(Map<UUID, GroupRule> known) {
            return groupIds.stream().map(known::get).filter(Objects::nonNull).toList();
        }
    }

    /** How many agencies lie in both sets, walking the smaller one (a province's subtree, not the nation's). */
    static int intersectionSize(Set<UUID> a, Set<UUID> b) {
        Set<UUID> smaller = a.size() <= b.size() ? a : b;
        Set<UUID> larger = smaller == a ? b : a;
        int count = 0;
        for (UUID id : smaller) {
            if (larger.contains(id)) {
                count++;
            }
        }
        return count;
    }

    private static IndicatorReportRow row(
            IndicatorRow indicator,
            int expected,
            Collection<BranchTotal> branchTotals,
            List<AgencyNode> children,
            Map<UUID, BranchTotal> byBranch) {
        IndicatorAggregate total = IndicatorAggregate.ZERO;
        BigDecimal min = null;
        BigDecimal max = null;
        int valueCount = 0;
        BigDecimal valueSum = BigDecimal.ZERO;
        for (BranchTotal t : branchTotals) {
            total = total.plus(t.totals());
            min = t.minValue() == null ? min : min == null || t.minValue().compareTo(min) < 0 ? t.minValue() : min;
            max = t.maxValue() == null ? max : max == null || t.maxValue().compareTo(max) > 0 ? t.maxValue() : max;
            valueCount += t.agencyValueCount();
            valueSum = valueSum.add(t.agencyValueSum());
        }
        List<ChildRow> childRows = new ArrayList<>();
        for (AgencyNode child : children) {
            BranchTotal t = byBranch.get(child.id());
            IndicatorAggregate c = t == null ? IndicatorAggregate.ZERO : t.totals();
            childRows.add(new ChildRow(
                    child.id(),
                    child.name(),
                    c.submitted(),
                    value(indicator, c),
                    achievement(t == null ? null : t.own())));
        }
        return new IndicatorReportRow(
                indicator.id(),
                indicator.name(),
                indicator.unit(),
                expected,
                total.submitted(),
                total.approved(),
                total.returned(),
                total.met(),
                total.notMet(),
                total.numeratorSum(),
                total.denominatorSum(),
                value(indicator, total),
                IndicatorValues.value(
                        indicator.kind(),
                        indicator.unit(),
                        total.approvedRatioCount(),
                        total.approvedNumeratorSum(),
                        total.approvedDenominatorSum(),
                        total.approvedValueCount(),
                        total.approvedValueSum()),
                scaled(min),
                IndicatorValues.mean(valueSum, valueCount),
                scaled(max),
                childRows);
    }

    private static BigDecimal value(IndicatorRow indicator, IndicatorAggregate c) {
        return IndicatorValues.value(
                indicator.kind(),
                indicator.unit(),
                c.ratioCount(),
                c.numeratorSum(),
                c.denominatorSum(),
                c.valueCount(),
                c.valueSum());
    }

    private static String achievement(OwnFigures own) {
        if (own == null || own.submitted() == 0) {
            return null;
        }
        if (own.notMet() > 0) {
            return "NOT_MET";
        }
        return own.met() > 0 ? "MET" : "NO_TARGET";
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(IndicatorValues.SCALE, RoundingMode.HALF_UP);
    }
}
