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
import vn.partracker.reporting.repository.IndicatorRollupRepository.LeafRow;
import vn.partracker.reporting.repository.IndicatorRollupRepository.RolledUp;
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
        Map<UUID, SubtreeTotal> subtreeTotals = new HashMap<>();
        Map<UUID, Map<UUID, ChildFigures>> childFigures = new HashMap<>();
        if (!fromRollups(period, hierarchy, root, children, ids, subtreeTotals, childFigures)) {
            fromLeafRows(period, hierarchy, root, branches, children, ids, subtreeTotals, childFigures);
        }
        Set<UUID> groupIds = new HashSet<>();
        rowsFor.forEach(i -> groupIds.addAll(i.performerGroupIds()));
        Map<UUID, GroupRule> groups = new HashMap<>();
        agencies.groups(groupIds, List.of()).forEach(g -> groups.put(g.id(), g));

        Map<Performers, Integer> expectedByPerformers = new HashMap<>();
        List<IndicatorReportRow> result = new ArrayList<>();
        for (IndicatorRow indicator : rowsFor) {
            int expected = expectedByPerformers.computeIfAbsent(
                    new Performers(indicator.performerAgencyIds(), indicator.performerGroupIds()),
                    p -> intersectionSize(hierarchy.expand(p.agencyIds(), p.groups(groups)), branches.keySet()));
            result.add(row(
                    indicator,
                    expected,
                    subtreeTotals.getOrDefault(indicator.id(), SubtreeTotal.NONE),
                    children,
                    childFigures.getOrDefault(indicator.id(), Map.of())));
        }
        return result;
    }

    /**
     * The totals of an internal root (a province under the nation, a district) read from the roll-ups: its own
     * roll-up is its subtree's total, an internal child's is the child's, and a leaf child's drill-down comes from its
     * own row narrowed to what the drill-down shows, all in one statement. The per-branch sums over 2,000 leaf rows
     * that {@link #fromLeafRows} reads and adds up are what a province report spent its time on. False (nothing
     * filled in) when the root is no internal agency or the period's roll-ups do not follow this hierarchy.
     */
    private boolean fromRollups(
            Period period,
            Hierarchy hierarchy,
            UUID root,
            List<AgencyNode> children,
            List<UUID> ids,
            Map<UUID, SubtreeTotal> subtreeTotals,
            Map<UUID, Map<UUID, ChildFigures>> childFigures) {
        if (!hierarchy.isInternal(root)) {
            return false;
        }
        List<UUID> rolledUp = new ArrayList<>(List.of(root));
        List<UUID> leaves = new ArrayList<>();
        for (AgencyNode child : children) {
            (hierarchy.isInternal(child.id()) ? rolledUp : leaves).add(child.id());
        }
        Optional<RolledUp> read = rollups.readWithLeaves(period.code(), hierarchy, ids, rolledUp, leaves);
        if (read.isEmpty()) {
            return false;
        }
        for (BranchTotal t : read.get().rollups()) {
            if (t.branch().equals(root)) {
                subtreeTotals.put(t.indicatorId(), SubtreeTotal.of(t));
            } else {
                figuresOf(childFigures, t.indicatorId()).put(t.branch(), ChildFigures.of(t));
            }
        }
        for (LeafRow leaf : read.get().leaves()) {
            figuresOf(childFigures, leaf.indicatorId()).put(leaf.agencyId(), ChildFigures.of(leaf));
        }
        return true;
    }

    /**
     * The totals summed per branch: a child with children of its own from its roll-ups when they follow this
     * hierarchy, the root and the other children from their own rows; every branch summed from the leaf rows
     * otherwise. The subtree's total is the sum of its branches'.
     */
    private void fromLeafRows(
            Period period,
            Hierarchy hierarchy,
            UUID root,
            Map<UUID, UUID> branches,
            List<AgencyNode> children,
            List<UUID> ids,
            Map<UUID, SubtreeTotal> subtreeTotals,
            Map<UUID, Map<UUID, ChildFigures>> childFigures) {
        Map<UUID, List<BranchTotal>> byIndicator = new HashMap<>();
        for (BranchTotal t : branchTotals(period, hierarchy, root, branches, children, ids)) {
            byIndicator.computeIfAbsent(t.indicatorId(), k -> new ArrayList<>()).add(t);
            figuresOf(childFigures, t.indicatorId()).put(t.branch(), ChildFigures.of(t));
        }
        byIndicator.forEach((indicator, totals) -> subtreeTotals.put(indicator, SubtreeTotal.sum(totals)));
    }

    private static Map<UUID, ChildFigures> figuresOf(Map<UUID, Map<UUID, ChildFigures>> figures, UUID indicatorId) {
        return figures.computeIfAbsent(indicatorId, k -> new HashMap<>());
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

    /** What a report row shows over the whole subtree of one indicator. */
    private record SubtreeTotal(
            IndicatorAggregate totals, BigDecimal min, BigDecimal max, int valueCount, BigDecimal valueSum) {

        static final SubtreeTotal NONE = new SubtreeTotal(IndicatorAggregate.ZERO, null, null, 0, BigDecimal.ZERO);

        /** The subtree's total stored as one roll-up (the root's own). */
        static SubtreeTotal of(BranchTotal t) {
            return new SubtreeTotal(t.totals(), t.minValue(), t.maxValue(), t.agencyValueCount(), t.agencyValueSum());
        }

        /** The subtree's total as the sum of its branches' totals. */
        static SubtreeTotal sum(Collection<BranchTotal> branchTotals) {
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
            return new SubtreeTotal(total, min, max, valueCount, valueSum);
        }
    }

    /**
     * What a drill-down row shows of one child: its subtree's submitted count and value inputs, and its own row's
     * achievement counts ({@code null} when it has no own row).
     */
    private record ChildFigures(
            int submitted,
            int ratioCount,
            BigDecimal numeratorSum,
            BigDecimal denominatorSum,
            int valueCount,
            BigDecimal valueSum,
            OwnFigures own) {

        static ChildFigures of(BranchTotal t) {
            IndicatorAggregate c = t.totals();
            return new ChildFigures(
                    c.submitted(),
                    c.ratioCount(),
                    c.numeratorSum(),
                    c.denominatorSum(),
                    c.valueCount(),
                    c.valueSum(),
                    t.own());
        }

        /** A leaf's subtree is itself: its own row is both its total and its own figures. */
        static ChildFigures of(LeafRow leaf) {
            return new ChildFigures(
                    leaf.submitted(),
                    leaf.ratioCount(),
                    leaf.numeratorSum(),
                    leaf.denominatorSum(),
                    leaf.valueCount(),
                    leaf.valueSum(),
                    new OwnFigures(leaf.submitted(), leaf.met(), leaf.notMet()));
        }
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
            SubtreeTotal subtree,
            List<AgencyNode> children,
            Map<UUID, ChildFigures> byChild) {
        List<ChildRow> childRows = new ArrayList<>(children.size());
        for (AgencyNode child : children) {
            ChildFigures c = byChild.get(child.id());
            childRows.add(
                    c == null
                            ? new ChildRow(child.id(), child.name(), 0, value(indicator, IndicatorAggregate.ZERO), null)
                            : new ChildRow(
                                    child.id(),
                                    child.name(),
                                    c.submitted(),
                                    IndicatorValues.value(
                                            indicator.kind(),
                                            indicator.unit(),
                                            c.ratioCount(),
                                            c.numeratorSum(),
                                            c.denominatorSum(),
                                            c.valueCount(),
                                            c.valueSum()),
                                    achievement(c.own())));
        }
        IndicatorAggregate total = subtree.totals();
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
                scaled(subtree.min()),
                IndicatorValues.mean(subtree.valueSum(), subtree.valueCount()),
                scaled(subtree.max()),
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
