package vn.partracker.reporting.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.partracker.events.period.InvalidPeriodException;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.domain.window.CutoffRule;
import vn.partracker.reporting.domain.window.ReportingWindowCalculator;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.BranchTotal;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.Key;
import vn.partracker.reporting.repository.IndicatorRollupRepository;
import vn.partracker.reporting.repository.IndicatorRollupRepository.RolledUp;
import vn.partracker.reporting.repository.IndicatorRollupRepository.State;

/**
 * Keeps the per-ancestor roll-ups ({@code indicator_rollup}) equal to the sums of the leaf aggregate rows over each
 * internal agency's subtree, in the hierarchy on the last day of the period's ND09 window, so a national report reads
 * one row per province and indicator instead of every commune's.
 *
 * <p>Called in the transaction that moved leaf rows (a figure batch, a rebuild of one indicator), after they moved.
 * The directory cannot change until that transaction ends ({@link IndicatorRollupRepository#lockDirectoryRevision})
 * and writers of one period take turns on its state row, so each touched ancestor is recomputed from committed leaf
 * rows plus this transaction's. A period whose roll-ups were derived from another directory revision (an agency
 * moved, a district abolished) is derived again as a whole from its leaf rows; until then, reports read the leaf rows.
 */
@ApplicationScoped
public class IndicatorRollups {

    private final IndicatorRollupRepository rollups;
    private final HierarchyCache hierarchies;

    public IndicatorRollups(IndicatorRollupRepository rollups, HierarchyCache hierarchies) {
        this.rollups = rollups;
        this.hierarchies = hierarchies;
    }

    /** The date whose hierarchy a period's roll-ups follow: the last day of its ND09 window. */
    public static Optional<LocalDate> hierarchyDate(String periodCode) {
        try {
            return Optional.of(ReportingWindowCalculator.window(CutoffRule.ND09, Period.parse(periodCode))
                    .to());
        } catch (InvalidPeriodException e) {
            return Optional.empty();
        }
    }

    /** Recomputes the roll-ups over the agencies of the changed aggregate rows (in the caller's transaction). */
    public void changed(Collection<Key> keys) {
        Map<String, Set<UUID>> indicators = new TreeMap<>();
        Map<String, Set<UUID>> agencies = new TreeMap<>();
        for (Key key : keys) {
            if (hierarchyDate(key.period()).isPresent()) {
                indicators
                        .computeIfAbsent(key.period(), p -> new LinkedHashSet<>())
                        .add(key.indicatorId());
                agencies.computeIfAbsent(key.period(), p -> new LinkedHashSet<>())
                        .add(key.agencyId());
            }
        }
        if (indicators.isEmpty()) {
            return;
        }
        long revision = rollups.lockDirectoryRevision();
        Map<String, State> states = rollups.lockStates(indicators.keySet());
        for (String period : indicators.keySet()) {
            LocalDate date = hierarchyDate(period).orElseThrow();
            Hierarchy hierarchy = hierarchies.on(date);
            if (!current(states.get(period), date, revision, hierarchy)) {
                derive(period, date, revision, hierarchy);
                continue;
            }
            Set<UUID> ancestors = new LinkedHashSet<>();
            agencies.get(period).forEach(a -> ancestors.addAll(hierarchy.internalChain(a)));
            if (!ancestors.isEmpty()) {
                Pairs pairs = Pairs.of(hierarchy, ancestors);
                rollups.recompute(period, indicators.get(period), pairs.ancestors, pairs.members);
            }
        }
    }

    /**
     * Recomputes the roll-ups of one indicator in the periods whose leaf rows a rebuild replaced (in the rebuild's
     * transaction, which holds the indicator's lock).
     */
    public void rebuilt(UUID indicatorId, Collection<String> periods) {
        List<String> valid =
                periods.stream().filter(p -> hierarchyDate(p).isPresent()).toList();
        if (valid.isEmpty()) {
            return;
        }
        long revision = rollups.lockDirectoryRevision();
        Map<String, State> states = rollups.lockStates(valid);
        for (String period : states.keySet()) {
            LocalDate date = hierarchyDate(period).orElseThrow();
            Hierarchy hierarchy = hierarchies.on(date);
            if (!current(states.get(period), date, revision, hierarchy)) {
                derive(period, date, revision, hierarchy);
                continue;
            }
            Pairs pairs = Pairs.of(hierarchy, internal(hierarchy));
            rollups.recompute(period, List.of(indicatorId), pairs.ancestors, pairs.members);
        }
    }

    /**
     * The roll-ups of these branches as branch totals, when the period's roll-ups follow exactly this hierarchy and
     * the directory has not moved since; empty when the caller must sum the leaf rows.
     */
    public Optional<List<BranchTotal>> read(
            String period, Hierarchy hierarchy, Collection<UUID> indicatorIds, Collection<UUID> branches) {
        Optional<LocalDate> date = hierarchyDate(period);
        if (hierarchy.revision() < 0 || date.isEmpty() || !date.get().equals(hierarchy.date())) {
            return Optional.empty();
        }
        return rollups.read(period, hierarchy.date(), hierarchy.revision(), indicatorIds, branches);
    }

    /**
     * The roll-ups of these internal agencies and the own rows of these leaf agencies, read together, when the
     * period's roll-ups follow exactly this hierarchy and the directory has not moved since; empty when the caller
     * must sum the leaf rows.
     */
    public Optional<RolledUp> readWithLeaves(
            String period,
            Hierarchy hierarchy,
            Collection<UUID> indicatorIds,
            Collection<UUID> internal,
            Collection<UUID> leaves) {
        Optional<LocalDate> date = hierarchyDate(period);
        if (hierarchy.revision() < 0 || date.isEmpty() || !date.get().equals(hierarchy.date())) {
            return Optional.empty();
        }
        return rollups.readWithLeaves(period, hierarchy.date(), hierarchy.revision(), indicatorIds, internal, leaves);
    }

    private static boolean current(State state, LocalDate date, long revision, Hierarchy hierarchy) {
        return state != null
                && state.directoryRevision() == revision
                && date.equals(state.hierarchyDate())
                && hierarchy.revision() == revision;
    }

    /**
     * Derives the period's roll-ups from its leaf rows. Only the subtrees that hold a leaf row of the period can have
     * a roll-up row (the recomputation joins the pairs with the leaf rows), so the pairs are those of the agencies
     * with leaf rows and their internal ancestors: for a new period, a handful instead of every (internal agency,
     * member) pair of the directory, 7,000 for the 2025 national structure, sent and joined for nothing (7.4 ms a
     * period under the submissions benchmark, whose figures open a new month every 16 requests).
     */
    private void derive(String period, LocalDate date, long revision, Hierarchy hierarchy) {
        Set<UUID> withRows = new HashSet<>(rollups.agenciesWithRows(period));
        Set<UUID> ancestors = new LinkedHashSet<>();
        withRows.forEach(a -> ancestors.addAll(hierarchy.internalChain(a)));
        Pairs pairs = Pairs.of(hierarchy, ancestors, withRows);
        rollups.replacePeriod(period, pairs.ancestors, pairs.members);
        rollups.setState(period, date, hierarchy.revision() == revision ? revision : -1);
        Log.debugf(
                "roll-ups of %s derived from the hierarchy of %s at directory revision %d (%d subtree pairs)",
                period, date, revision, pairs.ancestors.size());
    }

    private static List<UUID> internal(Hierarchy hierarchy) {
        List<UUID> result = new ArrayList<>();
        hierarchy.all().forEach(a -> {
            if (hierarchy.isInternal(a.id())) {
                result.add(a.id());
            }
        });
        return result;
    }

    /** Every (ancestor, member of its subtree) pair, as parallel lists. */
    private record Pairs(List<UUID> ancestors, List<UUID> members) {

        static Pairs of(Hierarchy hierarchy, Collection<UUID> ancestors) {
            return of(hierarchy, ancestors, null);
        }

        /** The pairs whose member is one of {@code members} ({@code null}: any). */
        static Pairs of(Hierarchy hierarchy, Collection<UUID> ancestors, Set<UUID> members) {
            List<UUID> a = new ArrayList<>();
            List<UUID> m = new ArrayList<>();
            for (UUID ancestor : ancestors) {
                for (UUID member : hierarchy.subtree(ancestor)) {
                    if (members == null || members.contains(member)) {
                        a.add(ancestor);
                        m.add(member);
                    }
                }
            }
            return new Pairs(a, m);
        }
    }
}
