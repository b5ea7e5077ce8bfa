package vn.partracker.plans.domain.hierarchy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hierarchy on one date as a child → parent map, for answering ancestor questions over many agencies at once
 * (group expansion, cycle checks in a bulk import) without one query per step.
 */
public final class HierarchySnapshot {

    private final Map<UUID, UUID> parentOf;

    /** A snapshot from child → parent pairs valid on the date; roots are absent or map to null. */
    public HierarchySnapshot(Map<UUID, UUID> parentOf) {
        this.parentOf = new HashMap<>(parentOf);
    }

    /** The parent of {@code id} on the snapshot's date, or null for a root. */
    public UUID parent(UUID id) {
        return parentOf.get(id);
    }

    /** Sets (or, with null, removes) the parent of {@code id}, to test a change before making it. */
    public void setParent(UUID id, UUID parentId) {
        if (parentId == null) {
            parentOf.remove(id);
        } else {
            parentOf.put(id, parentId);
        }
    }

    /**
     * The ancestors of {@code id}, parent first. A cycle ends the walk where it would repeat, so the answer is finite
     * even on inconsistent input; {@link #inCycle} tells whether that happened.
     */
    public List<UUID> ancestors(UUID id) {
        List<UUID> result = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        seen.add(id);
        UUID current = parentOf.get(id);
        while (current != null && seen.add(current)) {
            result.add(current);
            current = parentOf.get(current);
        }
        return result;
    }

    /** Whether walking up from {@code id} comes back to an agency already visited. */
    public boolean inCycle(UUID id) {
        Set<UUID> seen = new HashSet<>();
        UUID current = id;
        while (current != null) {
            if (!seen.add(current)) {
                return true;
            }
            current = parentOf.get(current);
        }
        return false;
    }

    /** Whether putting {@code id} under {@code newParent} would make {@code id} its own ancestor. */
    public boolean wouldCycle(UUID id, UUID newParent) {
        if (newParent == null) {
            return false;
        }
        return newParent.equals(id) || ancestors(newParent).contains(id);
    }
}
