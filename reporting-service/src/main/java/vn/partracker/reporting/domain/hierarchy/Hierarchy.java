package vn.partracker.reporting.domain.hierarchy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agency hierarchy valid on one date: who exists, who is whose parent, which agencies form a subtree and which
 * child of a subtree's root each of them rolls up to. Reports use the hierarchy on the last day of the period's
 * window, so a later reorganisation (the district level abolished on 2025-07-01) does not rewrite history.
 *
 * <p>A hierarchy never changes once built, so reports share one per date (see {@code HierarchyCache}) and it
 * remembers its subtrees and group expansions: a national report asks for the same subtree and the same expansion of
 * "UBND cấp xã" once per indicator, and walking 3,000 communes' ancestors 21 times was most of its time.
 */
public final class Hierarchy {

    private static final int MAX_DEPTH = 64;

    /** How many subtrees and how many expansions one hierarchy remembers at most (each up to one entry per agency). */
    private static final int MEMO_LIMIT = 64;

    private final LocalDate date;
    private final long revision;
    private final Map<UUID, AgencyNode> agencies;
    private final Map<UUID, List<UUID>> children;
    private final Map<UUID, Map<UUID, UUID>> subtrees;
    private final Map<Expansion, Set<UUID>> expansions;

    /** The references an expansion was asked for: its memo key. */
    private record Expansion(List<UUID> agencyIds, List<GroupRule> groups) {}

    /**
     * Builds the hierarchy from the agencies valid on {@code date}, each with its parent on that date. A parent that
     * is not valid on the date leaves its child a root.
     */
    public Hierarchy(LocalDate date, Collection<AgencyNode> validAgencies) {
        this(date, validAgencies, -1);
    }

    /**
     * The same, read at the given revision of the agency directory (see {@code HierarchyCache}); roll-ups derived
     * from a hierarchy are used only with a hierarchy of the same revision.
     */
    public Hierarchy(LocalDate date, Collection<AgencyNode> validAgencies, long revision) {
        this.date = date;
        this.revision = revision;
        this.agencies = new LinkedHashMap<>();
        this.children = new HashMap<>();
        this.subtrees = new ConcurrentHashMap<>();
        this.expansions = new ConcurrentHashMap<>();
        validAgencies.stream().sorted(Comparator.comparing(AgencyNode::code)).forEach(a -> agencies.put(a.id(), a));
        for (AgencyNode agency : agencies.values()) {
            if (agency.parentId() != null && agencies.containsKey(agency.parentId())) {
                children.computeIfAbsent(agency.parentId(), k -> new ArrayList<>())
                        .add(agency.id());
            }
        }
    }

    /** The same agencies, parents and memos, valid on another date (which the caller knows has the same structure). */
    private Hierarchy(Hierarchy same, LocalDate date) {
        this.date = date;
        this.revision = same.revision;
        this.agencies = same.agencies;
        this.children = same.children;
        this.subtrees = same.subtrees;
        this.expansions = same.expansions;
    }

    /**
     * This hierarchy as the hierarchy of another date, sharing its structure and memos: for a date on which the same
     * agencies are valid with the same parents (see {@code HierarchyCache}, which knows the dates the directory
     * changes on). This one when the date is its own.
     */
    public Hierarchy onDate(LocalDate other) {
        return other.equals(date) ? this : new Hierarchy(this, other);
    }

    /** The date the hierarchy is valid on. */
    public LocalDate date() {
        return date;
    }

    /** The directory revision the hierarchy was read at, -1 when unknown. */
    public long revision() {
        return revision;
    }

    /**
     * Whether the agency has a parent and children on the date: the agencies whose subtree totals are kept as
     * roll-ups (a root is never a branch of a report, a leaf's total is its own row).
     */
    public boolean isInternal(UUID id) {
        AgencyNode agency = agencies.get(id);
        return agency != null
                && agency.parentId() != null
                && agencies.containsKey(agency.parentId())
                && children.containsKey(id);
    }

    /** The agency and its ancestors that are {@link #isInternal internal}: whose roll-ups a change of its row moves. */
    public List<UUID> internalChain(UUID id) {
        List<UUID> chain = new ArrayList<>();
        if (isInternal(id)) {
            chain.add(id);
        }
        for (UUID ancestor : ancestors(id)) {
            if (isInternal(ancestor)) {
                chain.add(ancestor);
            }
        }
        return chain;
    }

    /** The members of the agency's subtree (itself first), as a report's branch that is this agency counts them. */
    public Set<UUID> subtree(UUID id) {
        Map<UUID, UUID> members = new LinkedHashMap<>();
        if (agencies.containsKey(id)) {
            collect(id, id, members, 0);
        }
        return members.keySet();
    }

    /** The agency, if it exists on the date. */
    public Optional<AgencyNode> agency(UUID id) {
        return Optional.ofNullable(agencies.get(id));
    }

    /** Every agency valid on the date, ordered by code. */
    public Collection<AgencyNode> all() {
        return agencies.values();
    }

    /** Direct children on the date, ordered by code. */
    public List<AgencyNode> children(UUID id) {
        return children.getOrDefault(id, List.of()).stream().map(agencies::get).toList();
    }

    /** Ancestors on the date, parent first (a cycle in bad data stops the walk instead of looping). */
    public List<UUID> ancestors(UUID id) {
        List<UUID> result = new ArrayList<>();
        AgencyNode current = agencies.get(id);
        while (current != null
                && current.parentId() != null
                && agencies.containsKey(current.parentId())
                && result.size() < MAX_DEPTH
                && !result.contains(current.parentId())) {
            result.add(current.parentId());
            current = agencies.get(current.parentId());
        }
        return result;
    }

    /**
     * The subtree of {@code root} (the root included) mapped to its branch: the root maps to itself, every other
     * member to the child of the root it lies under. Empty when the root does not exist on the date. Unmodifiable.
     */
    public Map<UUID, UUID> subtreeBranches(UUID root) {
        Map<UUID, UUID> known = subtrees.get(root);
        if (known != null) {
            return known;
        }
        Map<UUID, UUID> computed = Collections.unmodifiableMap(computeSubtreeBranches(root));
        if (subtrees.size() < MEMO_LIMIT) {
            subtrees.putIfAbsent(root, computed);
        }
        return computed;
    }

    private Map<UUID, UUID> computeSubtreeBranches(UUID root) {
        Map<UUID, UUID> result = new LinkedHashMap<>();
        if (!agencies.containsKey(root)) {
            return result;
        }
        result.put(root, root);
        for (AgencyNode child : children(root)) {
            collect(child.id(), child.id(), result, 0);
        }
        return result;
    }

    private void collect(UUID id, UUID branch, Map<UUID, UUID> into, int depth) {
        if (depth > MAX_DEPTH || into.containsKey(id)) {
            return;
        }
        into.put(id, branch);
        for (UUID child : children.getOrDefault(id, List.of())) {
            collect(child, branch, into, depth + 1);
        }
    }

    /**
     * The concrete agencies named by a list of references on the date: agencies that exist then, and members of the
     * groups (expanded with the shared membership rule). Unmodifiable, in the order of the references and then of
     * the agencies' codes.
     */
    public Set<UUID> expand(Collection<UUID> agencyIds, Collection<GroupRule> groups) {
        Expansion key = new Expansion(
                Collections.unmodifiableList(new ArrayList<>(agencyIds)),
                Collections.unmodifiableList(new ArrayList<>(groups)));
        Set<UUID> known = expansions.get(key);
        if (known != null) {
            return known;
        }
        Set<UUID> computed = Collections.unmodifiableSet(computeExpansion(agencyIds, groups));
        if (expansions.size() < MEMO_LIMIT) {
            expansions.putIfAbsent(key, computed);
        }
        return computed;
    }

    private Set<UUID> computeExpansion(Collection<UUID> agencyIds, Collection<GroupRule> groups) {
        Set<UUID> result = new LinkedHashSet<>();
        for (UUID id : agencyIds) {
            if (agencies.containsKey(id)) {
                result.add(id);
            }
        }
        if (!groups.isEmpty()) {
            for (AgencyNode agency : agencies.values()) {
                List<UUID> ancestors = ancestors(agency.id());
                for (GroupRule group : groups) {
                    if (group.includes(agency, ancestors)) {
                        result.add(agency.id());
                        break;
                    }
                }
            }
        }
        return result;
    }
}
