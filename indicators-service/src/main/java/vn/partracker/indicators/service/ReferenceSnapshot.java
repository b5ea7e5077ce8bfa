package vn.partracker.indicators.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.indicators.domain.AgencyGroupReplica;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.composite.Component;
import vn.partracker.indicators.repository.ReferenceDataRepository;

/**
 * The reference data a figure is checked against, as committed at one {@code reference_generation}: agencies (by id
 * and by code, with their parent links), agency groups, indicators (with agencies, targets and parsed component
 * trees). Immutable and shared by every request thread; built by {@link ReferenceData}.
 */
public final class ReferenceSnapshot {

    private final long generation;
    private final Map<UUID, AgencyReplica> agencies;
    private final Map<String, List<AgencyReplica>> agenciesByCode;
    private final List<AgencyReplica> allAgencies;
    private final Map<UUID, AgencyGroupReplica> groups;
    private final Map<UUID, Indicator> indicators;
    private final Map<String, Indicator> indicatorsByOrdinal;
    private final Map<UUID, List<Component>> trees;

    ReferenceSnapshot(ReferenceDataRepository.Rows rows) {
        this.generation = rows.generation();
        Map<UUID, AgencyReplica> byId = new HashMap<>();
        Map<String, List<AgencyReplica>> byCode = new HashMap<>();
        for (AgencyReplica a : rows.agencies()) {
            byId.put(a.id, a);
            byCode.computeIfAbsent(a.code, k -> new ArrayList<>()).add(a);
        }
        byCode.replaceAll((code, list) -> List.copyOf(list));
        this.agencies = Map.copyOf(byId);
        this.agenciesByCode = Map.copyOf(byCode);
        this.allAgencies = List.copyOf(rows.agencies());
        Map<UUID, AgencyGroupReplica> groupsById = new HashMap<>();
        rows.groups().forEach(g -> groupsById.put(g.id, g));
        this.groups = Map.copyOf(groupsById);
        Map<UUID, Indicator> indicatorsById = new HashMap<>();
        Map<String, Indicator> byOrdinal = new HashMap<>();
        Map<UUID, List<Component>> treesById = new HashMap<>();
        for (Indicator i : rows.indicators()) {
            indicatorsById.put(i.id, i);
            byOrdinal.putIfAbsent(ordinalKey(i.planId, i.group, i.ordinal), i);
            try {
                treesById.put(i.id, IndicatorMapper.componentTree(i));
            } catch (RuntimeException e) {
                // an unreadable tree is parsed (and fails) per request, exactly as without a snapshot
            }
        }
        this.indicators = Map.copyOf(indicatorsById);
        this.indicatorsByOrdinal = Map.copyOf(byOrdinal);
        this.trees = Map.copyOf(treesById);
    }

    /** @return the {@code reference_generation} this snapshot was read at */
    public long generation() {
        return generation;
    }

    Optional<AgencyReplica> agency(UUID id) {
        return Optional.ofNullable(agencies.get(id));
    }

    List<AgencyReplica> agenciesWithCode(String code) {
        return agenciesByCode.getOrDefault(code, List.of());
    }

    List<AgencyReplica> allAgencies() {
        return allAgencies;
    }

    Optional<AgencyGroupReplica> group(UUID id) {
        return Optional.ofNullable(groups.get(id));
    }

    Optional<Indicator> indicator(UUID id) {
        return Optional.ofNullable(indicators.get(id));
    }

    /** @return the indicator with this group and ordinal in the plan (a bulk import row may name it so) */
    Optional<Indicator> indicator(UUID planId, String group, String ordinal) {
        return Optional.ofNullable(indicatorsByOrdinal.get(ordinalKey(planId, group, ordinal)));
    }

    private static String ordinalKey(UUID planId, String group, String ordinal) {
        return planId + "|" + group + "|" + ordinal;
    }

    /** @return the parsed component tree of an indicator of this snapshot */
    List<Component> tree(Indicator indicator) {
        List<Component> tree = trees.get(indicator.id);
        return tree != null ? tree : IndicatorMapper.componentTree(indicator);
    }

    /** @return how many agencies, groups and indicators it holds, for the log */
    String size() {
        return agencies.size() + " agencies, " + groups.size() + " groups, " + indicators.size() + " indicators";
    }
}
